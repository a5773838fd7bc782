import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import { IfPresent } from '../../common/validation/present';
import { CONTACT_KINDS, ContactKind } from '../contact-kinds';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateContactDto {
  @ApiProperty({ description: 'When it happened (ISO 8601); may be in the past, never in the future' })
  @IsISO8601({ strict: true })
  at!: string;
  @ApiProperty({ enum: CONTACT_KINDS }) @IsIn(CONTACT_KINDS) kind!: ContactKind;
  @ApiProperty({ minimum: 1, maximum: 600 }) @IsInt() @Min(1) @Max(600) durationMinutes!: number;
  @ApiPropertyOptional({ description: 'Who had the contact; an active staff member; defaults to the caller' })
  @IsOptional()
  @IsUUID()
  staffId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(10000) summary?: string;
  @ApiPropertyOptional({
    description:
      "Stays inside the author's organisation; defaults to the organisation's professional secrecy",
  })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}

export class UpdateContactDto {
  @ApiPropertyOptional() @IfPresent() @IsISO8601({ strict: true }) at?: string;
  @ApiPropertyOptional({ enum: CONTACT_KINDS }) @IfPresent() @IsIn(CONTACT_KINDS) kind?: ContactKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number;
  @ApiPropertyOptional() @IfPresent() @IsUUID() staffId?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10000)
  summary?: string | null;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() confidential?: boolean;
}

export class ContactQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD, Brussels time), inclusive' })
  @IsOptional()
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD, Brussels time), inclusive' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
  @ApiPropertyOptional({ enum: CONTACT_KINDS }) @IsOptional() @IsIn(CONTACT_KINDS) kind?: ContactKind;
}
