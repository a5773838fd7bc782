import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { REFERRAL_CHANNELS, ReferralChannel } from '../../participants/participant.constants';
import {
  OUTCOMES,
  Outcome,
  REGULAR_ACTIVATION_KINDS,
  TRAJECTORY_STATES,
  TrajectoryState,
} from '../trajectory-state';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateTrajectoryDto {
  @ApiPropertyOptional({ enum: REFERRAL_CHANNELS, description: "Defaults to the participant's channel" })
  @IsOptional()
  @IsIn(REFERRAL_CHANNELS)
  referralChannel?: ReferralChannel;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(200) referrer?: string;
  @ApiPropertyOptional({ description: 'An active coach; defaults to the caller when the caller is a coach' })
  @IsOptional()
  @IsUUID()
  caseManagerId?: string;
  @ApiPropertyOptional({ description: 'Sign-up moment (ISO 8601); defaults to now; never in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedAt?: string;
  @ApiPropertyOptional({
    description: 'An active persona of the partnership (see /personas); 400 PERSONA_UNKNOWN otherwise',
  })
  @IsOptional()
  @IsUUID()
  personaId?: string;
}

export class TransitionDto {
  @ApiProperty({ enum: TRAJECTORY_STATES }) @IsIn(TRAJECTORY_STATES) to!: TrajectoryState;
  @ApiProperty({ description: 'When it happened (ISO 8601); may be in the past, never in the future' })
  @IsISO8601({ strict: true })
  at!: string;
  @ApiPropertyOptional({ enum: OUTCOMES, description: 'Required to close' })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: Outcome;
  @ApiPropertyOptional({
    enum: REGULAR_ACTIVATION_KINDS,
    description: 'Required when outcome is regular_activation',
  })
  @IsOptional()
  @IsIn(REGULAR_ACTIVATION_KINDS)
  outcomeKind?: string;
  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({
    description:
      'Closing with outcome work: the placement (job or art. 60) the exit refers to; required when the trajectory holds one that had started by the exit day',
  })
  @IsOptional()
  @IsUUID()
  placementId?: string;
}

export class CaseManagerDto {
  @ApiProperty() @IsUUID() staffId!: string;
  @ApiProperty({ description: 'The warm hand-over note' })
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  note!: string;
  @ApiPropertyOptional({
    description:
      'When the hand-over takes effect (ISO 8601): not in the future, not before the trajectory started or the current case manager took over; defaults to now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveAt?: string;
}

export class CoCoachDto {
  @ApiProperty() @IsUUID() staffId!: string;
}
