import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { OutboundReferralDto } from '../../referrals/dto/referral.dto';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateCaseMeetingDto {
  @ApiProperty() @IsUUID() teamId!: string;
  @ApiProperty({ description: 'ISO 8601' }) @IsISO8601({ strict: true }) scheduledAt!: string;
  @ApiProperty() @Trimmed() @IsString() @Length(1, 200) location!: string;
  @ApiProperty({ type: [String], description: 'Staff of any organisation; the organiser is always added' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attendeeIds!: string[];
}

export class CaseMeetingQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'Meetings from this moment on (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
}

export class CaseMeetingActionDto {
  @ApiProperty() @Trimmed() @IsString() @Length(1, 1000) description!: string;
  @ApiProperty() @IsUUID() ownerStaffId!: string;
  @ApiProperty({ description: 'ISO 8601' }) @IsISO8601({ strict: true }) dueAt!: string;
}

export class CaseMeetingItemDto {
  @ApiProperty() @IsUUID() trajectoryId!: string;
  @ApiPropertyOptional({
    description: 'The participant is at the table: no case_meeting consent is then needed',
  })
  @IsOptional()
  @IsBoolean()
  participantPresent?: boolean;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(5000) summary?: string;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(5000) decisions?: string;
  @ApiPropertyOptional({ type: [CaseMeetingActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CaseMeetingActionDto)
  actions?: CaseMeetingActionDto[];
  @ApiPropertyOptional({
    type: OutboundReferralDto,
    description:
      'A decision to refer the participant to VDAB/OCMW, made in the same call (same rules as POST /referrals)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutboundReferralDto)
  createReferral?: OutboundReferralDto;
}

/** What the author may still change of an agenda item before the meeting. */
export class UpdateCaseMeetingItemDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(5000)
  decisions?: string | null;
}
