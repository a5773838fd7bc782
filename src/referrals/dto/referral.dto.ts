import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { PersonIdentityDto } from '../../participants/dto/person-identity.dto';
import { REFERRAL_STATES, ReferralState } from '../referral-state';
import {
  REFERRAL_DIRECTIONS,
  REFERRAL_KINDS,
  REFERRAL_TARGETS,
  ReferralDirection,
  ReferralKind,
  ReferralTarget,
} from '../referral.constants';
import { Trimmed } from '../../common/validation/trimmed';

/** An inbound person who is not a participant yet; accepting the referral turns them into one. */
export class ReferralPersonDto extends PersonIdentityDto {}

/** What an outbound referral needs besides its participant; also used by a case-meeting decision. */
export class OutboundReferralDto {
  @ApiProperty({ enum: ['vdab', 'ocmw'] }) @IsIn(['vdab', 'ocmw']) target!: 'vdab' | 'ocmw';
  @ApiProperty({ enum: REFERRAL_KINDS }) @IsIn(REFERRAL_KINDS) kind!: ReferralKind;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'A spoc_vdab/spoc_ocmw of the target organisation' })
  @IsOptional()
  @IsUUID()
  assignedSpocId?: string;
  @ApiPropertyOptional({
    description: 'Defaults to 10 working days from now (Monday to Friday, Belgian public holidays excluded)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export class CreateReferralDto {
  @ApiProperty({ enum: REFERRAL_DIRECTIONS }) @IsIn(REFERRAL_DIRECTIONS) direction!: ReferralDirection;
  @ApiProperty({ enum: REFERRAL_TARGETS }) @IsIn(REFERRAL_TARGETS) target!: ReferralTarget;
  @ApiProperty({ enum: REFERRAL_KINDS }) @IsIn(REFERRAL_KINDS) kind!: ReferralKind;
  @ApiPropertyOptional({ description: 'Required for outbound; for inbound either this or person' })
  @IsOptional()
  @IsUUID()
  participantId?: string;
  @ApiPropertyOptional({ type: ReferralPersonDto, description: 'Inbound only: a person not yet known' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralPersonDto)
  person?: ReferralPersonDto;
  @ApiPropertyOptional({
    description:
      'The receiving organisation. Required for an inbound referral (a partner organisation); for vdab/ocmw it defaults to that organisation.',
  })
  @IsOptional()
  @IsUUID()
  targetOrganisationId?: string;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({
    description:
      'A spoc_vdab/spoc_ocmw of the VDAB/OCMW organisation on the referral (the target of an outbound, the sender of an inbound)',
  })
  @IsOptional()
  @IsUUID()
  assignedSpocId?: string;
  @ApiPropertyOptional({
    description: 'Defaults to 10 working days from now (Monday to Friday, Belgian public holidays excluded)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
  @ApiPropertyOptional({
    description:
      'When the referral was really sent (a paper referral registered later), ISO 8601: not in the future, not before the open trajectory of the participant started; defaults to now. It is the submission date: the default due date (10 working days) and the turnaround count from it.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveAt?: string;
}

/** Hand an open referral to another SPOC of the same VDAB/OCMW organisation. */
export class ReassignReferralDto {
  @ApiProperty({ description: 'An active spoc_vdab/spoc_ocmw of the organisation that handles the referral' })
  @IsUUID()
  assignedSpocId!: string;
}

export class ReferralTransitionDto {
  @ApiProperty({ enum: REFERRAL_STATES }) @IsIn(REFERRAL_STATES) to!: ReferralState;
  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  reason?: string;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({
    description:
      'Accepting an inbound person after a PARTICIPANT_POSSIBLE_DUPLICATE answer: it is someone else',
  })
  @IsOptional()
  @IsBoolean()
  confirmedNotDuplicate?: boolean;
}

export const INBOXES = ['mine', 'team', 'organisation'] as const;
export type Inbox = (typeof INBOXES)[number];

export class ReferralQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: INBOXES,
    description:
      'mine: assigned to me; team: assigned to someone of my team; organisation: sent or received by my organisation',
  })
  @IsOptional()
  @IsIn(INBOXES)
  inbox?: Inbox;
  @ApiPropertyOptional({ enum: REFERRAL_STATES }) @IsOptional() @IsIn(REFERRAL_STATES) state?: ReferralState;
  @ApiPropertyOptional({ description: 'Only open referrals past their due date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ enum: REFERRAL_DIRECTIONS })
  @IsOptional()
  @IsIn(REFERRAL_DIRECTIONS)
  direction?: ReferralDirection;
  @ApiPropertyOptional() @IsOptional() @IsUUID() participantId?: string;
  @ApiPropertyOptional({ description: 'Only referrals assigned to this SPOC' })
  @IsOptional()
  @IsUUID()
  spocId?: string;
}

export class VdabTrajectoryCheckDto {
  @ApiProperty({ enum: ['none', 'active', 'closed'] }) @IsIn(['none', 'active', 'closed']) status!:
    'none' | 'active' | 'closed';
  @ApiProperty({ description: 'When VDAB was checked (ISO 8601); never in the future' })
  @IsISO8601({ strict: true })
  checkedAt!: string;
}
