import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsIsoDate } from '../../common/validation/dates';
import { Trimmed } from '../../common/validation/trimmed';
import { GENDERS, Gender } from '../participant.constants';

/**
 * Who a person is, as a coach or a referrer writes it down: the same fields and rules whether the person becomes a
 * participant directly or arrives through an inbound referral, so both paths accept and refuse the same input.
 */
export class PersonIdentityDto {
  @ApiProperty({ example: 'Ayşe' }) @Trimmed() @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty({ example: 'Öztürk' }) @Trimmed() @IsString() @Length(1, 100) lastName!: string;
  @ApiProperty({ example: '1988-03-14' }) @IsIsoDate() birthDate!: string;
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender!: Gender;
  @ApiPropertyOptional({ description: 'Belgian national number, 11 digits with mod-97 check' })
  @IsOptional()
  @IsString()
  @Length(11, 15)
  insz?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Trimmed()
  @Matches(/^\+?[0-9 ./()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;
}
