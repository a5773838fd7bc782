import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateBy,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import { IfPresent } from '../../common/validation/present';
import { isLanguageCode } from '../../common/validation/language';
import { CONTACT_KINDS, CONTACT_PLACES, ContactKind, ContactPlace, LOCATION_MAX } from '../contact-kinds';
import { Trimmed, TrimmedLowerCase } from '../../common/validation/trimmed';

const IsLanguageCode = () =>
  ValidateBy({
    name: 'isLanguageCode',
    validator: {
      validate: isLanguageCode,
      defaultMessage: () => 'interpreterLanguage must be an ISO 639-1 or ISO 639-3 language code',
    },
  });
const PLACE_DOC =
  'Where it took place; defaults to the place the kind states (home_visit: home, office, phone, digital: online, accompanied_visit: accompanying)';
const LOCATION_DOC =
  'Free text: where exactly (a café, an address). Participant data, handled like the summary; blanked by pseudonymisation';
const LANGUAGE_DOC =
  'The language interpreted, ISO 639-1 (nl, ar, ti) or ISO 639-3 (prs, ckb); required when interpreter is true, refused otherwise';

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
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(10000) summary?: string;
  @ApiPropertyOptional({
    description:
      "Stays inside the author's organisation; defaults to the organisation's professional secrecy",
  })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
  @ApiPropertyOptional({ enum: CONTACT_PLACES, description: PLACE_DOC })
  @IsOptional()
  @IsIn(CONTACT_PLACES)
  place?: ContactPlace;
  @ApiPropertyOptional({ maxLength: LOCATION_MAX, description: LOCATION_DOC })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(LOCATION_MAX)
  location?: string;
  @ApiPropertyOptional({ description: 'Whether an interpreter was used; defaults to false' })
  @IsOptional()
  @IsBoolean()
  interpreter?: boolean;
  @ApiPropertyOptional({ description: LANGUAGE_DOC })
  @IsOptional()
  @TrimmedLowerCase()
  @IsLanguageCode()
  interpreterLanguage?: string;
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
  @Trimmed()
  @IsString()
  @MaxLength(10000)
  summary?: string | null;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ enum: CONTACT_PLACES }) @IfPresent() @IsIn(CONTACT_PLACES) place?: ContactPlace;
  @ApiPropertyOptional({ maxLength: LOCATION_MAX, nullable: true, description: LOCATION_DOC })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(LOCATION_MAX)
  location?: string | null;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() interpreter?: boolean;
  @ApiPropertyOptional({ nullable: true, description: LANGUAGE_DOC })
  @IsOptional()
  @TrimmedLowerCase()
  @IsLanguageCode()
  interpreterLanguage?: string | null;
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
