import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { includesScope, Scope, SCOPES } from '../../access/scope';
import { COUNT } from '../../common/http/api-responses';
import { REFERRAL_CHANNELS } from '../../participants/participant.constants';
import { allowedNext, OUTCOMES, TRAJECTORY_STATES } from '../trajectory-state';
import { CaseManagerAssignmentEntity, CoCoachEntity, TrajectoryEntity } from '../trajectory.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class CoCoachResponse {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) addedAt!: string | null;
}

export class CaseManagerPeriodResponse {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) from!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) to!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the hand-over was registered (from may be earlier: effectiveAt)',
  })
  recordedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

/** A trajectory: status is summary-level, the fields marked "case scope" are left out below case scope. */
export class TrajectoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: SCOPES }) scope!: Scope;
  @ApiProperty({ enum: TRAJECTORY_STATES }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseManagerId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Case scope' })
  previousTrajectoryId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Case scope' }) ownerOrganisationId?: string;
  @ApiPropertyOptional({ enum: REFERRAL_CHANNELS, nullable: true, description: 'Case scope' })
  referralChannel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Case scope' }) referrer?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Case scope' })
  intakeAt?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Case scope' })
  guidanceStartedAt?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Case scope' })
  aftercareAt?: string | null;
  @ApiPropertyOptional({ enum: OUTCOMES, nullable: true, description: 'Case scope' }) outcome?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Case scope' }) outcomeKind?:
    string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Case scope: its persona',
  })
  personaId?: string | null;
  @ApiPropertyOptional({ enum: TRAJECTORY_STATES, isArray: true, description: 'Case scope' })
  allowedTransitions?: string[];
  @ApiPropertyOptional({ ...COUNT, description: 'Case scope' }) version?: number;
  @ApiPropertyOptional({ type: [CoCoachResponse], description: 'Case scope, on a single trajectory' })
  coCoaches?: CoCoachResponse[];
  @ApiPropertyOptional({
    type: [CaseManagerPeriodResponse],
    description: 'Case scope, on a single trajectory',
  })
  caseManagerHistory?: CaseManagerPeriodResponse[];
}

export class TrajectoryListResponse {
  @ApiProperty({ type: [TrajectoryResponse] }) items!: TrajectoryResponse[];
  @ApiProperty(COUNT) total!: number;
}

export interface TrajectoryDetails {
  coCoaches?: CoCoachEntity[];
  caseManagers?: CaseManagerAssignmentEntity[];
}

/** Status is summary-level; the rest of a trajectory is case-level. Absent fields are left out. */
export function toTrajectoryResponse(
  t: TrajectoryEntity,
  scope: Scope,
  details: TrajectoryDetails = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: t.id,
    participantId: t.participantId,
    scope,
    status: t.status,
    caseManagerId: t.caseManagerId,
    teamId: t.teamId,
    startedAt: iso(t.startedAt),
    closedAt: iso(t.closedAt),
  };
  if (!includesScope(scope, 'case')) return out;
  Object.assign(out, {
    previousTrajectoryId: t.previousTrajectoryId,
    ownerOrganisationId: t.ownerOrganisationId,
    referralChannel: t.referralChannel,
    referrer: t.referrer,
    intakeAt: iso(t.intakeAt),
    guidanceStartedAt: iso(t.guidanceStartedAt),
    aftercareAt: iso(t.aftercareAt),
    outcome: t.outcome,
    outcomeKind: t.outcomeKind,
    personaId: t.personaId,
    allowedTransitions: allowedNext(t.status),
    version: t.version,
  });
  if (details.coCoaches) {
    out.coCoaches = details.coCoaches.map((c) => ({
      staffId: c.staffId,
      organisationId: c.organisationId,
      addedAt: iso(c.addedAt),
    }));
  }
  if (details.caseManagers) {
    out.caseManagerHistory = details.caseManagers.map((a) => ({
      staffId: a.staffId,
      organisationId: a.organisationId,
      from: iso(a.fromAt),
      to: iso(a.toAt),
      recordedAt: iso(a.recordedAt),
      note: a.note,
    }));
  }
  return out;
}
