import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import {
  EDUCATION_LEVELS,
  EducationLevel,
  LABOUR_STATUSES,
  LabourStatus,
  REFERRAL_CHANNELS,
  ReferralChannel,
  SPECIAL_ANSWERS,
  SpecialAnswer,
} from '../participant.constants';
import { Trimmed } from '../../common/validation/trimmed';
import { PersonIdentityDto } from './person-identity.dto';

export class AddressDto {
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(200) street?: string;
  @ApiPropertyOptional({ example: '9000' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'postalCode must be 4 digits' })
  postalCode?: string;
  @ApiPropertyOptional({ example: 'Gent' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(100)
  city?: string;
  @ApiPropertyOptional({ example: 'Rabot-Blaisantvest', description: "One of the partnership teams' wijken" })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(100)
  wijk?: string;
}

/** The ESF+ entry profile. It is recorded at entry and changed only through a logged correction. */
export class EntryProfileDto {
  @ApiPropertyOptional({ description: 'Entry date (YYYY-MM-DD); defaults to today' })
  @IsOptional()
  @IsIsoDate()
  entryDate?: string;
  @ApiPropertyOptional({ enum: LABOUR_STATUSES })
  @IsOptional()
  @IsIn(LABOUR_STATUSES)
  labourStatus?: LabourStatus;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() longTermUnemployed?: boolean;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  educationLevel?: EducationLevel;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() singleAdultHouseholdWithChildren?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() thirdCountryNational?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() foreignBackground?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() homelessOrHousingExclusion?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ruralArea?: boolean;
  @ApiPropertyOptional({ enum: SPECIAL_ANSWERS, description: 'Special category (GDPR art. 9)' })
  @IsOptional()
  @IsIn(SPECIAL_ANSWERS)
  disability?: SpecialAnswer;
  @ApiPropertyOptional({ enum: SPECIAL_ANSWERS, description: 'Special category (GDPR art. 9)' })
  @IsOptional()
  @IsIn(SPECIAL_ANSWERS)
  minority?: SpecialAnswer;
}

/** A new participant: who the person is (shared with inbound referrals), the ESF+ entry profile, and how to reach them. */
export class CreateParticipantDto extends IntersectionType(PersonIdentityDto, EntryProfileDto) {
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
  @ApiPropertyOptional({ example: 'nl', description: 'ISO 639-1' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'contactLanguage must be an ISO 639-1 code' })
  contactLanguage?: string;
  @ApiPropertyOptional({ example: 'BE', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'nationality must be an ISO 3166-1 alpha-2 code' })
  nationality?: string;
  @ApiProperty({ enum: REFERRAL_CHANNELS, description: 'toeleider' })
  @IsIn(REFERRAL_CHANNELS)
  referralChannel!: ReferralChannel;
  @ApiPropertyOptional({ description: 'Who referred the person (free text)' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(200)
  referrer?: string;
  @ApiPropertyOptional({ description: 'Set after checking a PARTICIPANT_POSSIBLE_DUPLICATE answer' })
  @IsOptional()
  @IsBoolean()
  confirmedNotDuplicate?: boolean;
}

export class UpdateParticipantDto extends PartialType(
  OmitType(CreateParticipantDto, ['confirmedNotDuplicate'] as const),
) {
  @ApiPropertyOptional({
    description: 'Required when an ESF+ entry-profile field changes: why the correction is made',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(3, 500)
  correctionReason?: string;
}

export class ParticipantQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Name search, accent- and case-insensitive (min. 2 characters)' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;
  @ApiPropertyOptional({ enum: ['aanmelding', 'intake', 'begeleiding', 'nazorg', 'afgesloten'] })
  @IsOptional()
  @IsIn(['aanmelding', 'intake', 'begeleiding', 'nazorg', 'afgesloten'])
  status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseManagerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) wijk?: string;
}
