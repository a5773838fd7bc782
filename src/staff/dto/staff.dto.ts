import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Role, ROLES } from '../../access/role';
import { PageQuery } from '../../common/http/pagination';
import { StaffEntity } from '../staff.entity';
import { Trimmed, TrimmedLowerCase } from '../../common/validation/trimmed';

export class CreateStaffDto {
  @ApiProperty({ example: 'an.peeters@jobteam.example' })
  @TrimmedLowerCase()
  @IsEmail()
  @Length(3, 254)
  email!: string;
  @ApiProperty({ example: 'An Peeters' }) @Trimmed() @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsUUID() organisationId!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  teamId?: string | null;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 1 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1)
  fte?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

/** No password: the owner sets it with POST /auth/activate, so `password` here is a 400 (not whitelisted). */
export class UpdateStaffDto extends PartialType(CreateStaffDto) {}

export class StaffQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional()
  @IsOptional()
  // Only 'true' and 'false' become booleans; anything else reaches @IsBoolean and is refused.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class StaffResponse extends CreateStaffDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) declare teamId: string | null;
  @ApiProperty() declare fte: number;
  @ApiProperty() declare active: boolean;
  @ApiProperty() version!: number;
}

/** A one-time token for POST /auth/activate, shown once: only its hash is stored. */
export class CredentialTokenResponse {
  @ApiProperty({ description: 'One-time token for POST /auth/activate; shown only in this answer' })
  token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CreatedStaffResponse extends StaffResponse {
  @ApiProperty({ type: CredentialTokenResponse, description: 'Valid 72 hours; hand it to the new colleague' })
  activation!: CredentialTokenResponse;
}

export function toStaffResponse(s: StaffEntity): StaffResponse {
  return {
    id: s.id,
    email: s.email,
    name: s.name,
    organisationId: s.organisationId,
    teamId: s.teamId,
    roles: s.roles,
    fte: s.fte,
    active: s.active,
    version: s.version,
  };
}
