import { includesScope, Scope } from '../../access/scope';
import { allowedNext } from '../trajectory-state';
import { CaseManagerAssignmentEntity, CoCoachEntity, TrajectoryEntity } from '../trajectory.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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
