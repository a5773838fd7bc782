import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coach.compaan@demo.jobteam.gent' }) @IsString() @Length(3, 254) email!: string;
  @ApiProperty({ writeOnly: true }) @IsString() @Length(1, 200) password!: string;
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
}

export class MeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organisation!: { id: string; name: string; kind: string; professionalSecrecy: boolean };
  @ApiProperty() partnership!: { id: string; name: string };
  @ApiProperty({ nullable: true, type: String }) teamId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) permissions!: string[];
}

export class ActivateDto {
  @ApiProperty({ description: 'The activation or reset token handed out by the org_admin' })
  @IsString()
  @Length(20, 200)
  token!: string;
  @ApiProperty({ writeOnly: true, minLength: 12 }) @IsString() @Length(1, 1000) password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true }) @IsString() @Length(1, 200) currentPassword!: string;
  @ApiProperty({ writeOnly: true, minLength: 12 }) @IsString() @Length(1, 1000) newPassword!: string;
}
