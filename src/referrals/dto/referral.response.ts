import { allowedReferralNext, isOpenReferral, ReferralSide } from '../referral-state';
import { ReferralEntity, ReferralTransitionEntity } from '../referral.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface ReferralView {
  now: Date;
  /** The caller's organisation's sides on this referral; none for a case-level reader of the participant. */
  sides: ReferralSide[];
  /** Name of the participant when the caller holds any grant on them. */
  participant?: { firstName: string; lastName: string };
  insz?: string | null;
  transitions?: ReferralTransitionEntity[];
}

/** Person data of an inbound referral is shown to its two sides only; it is absent for anyone else. */
export function toReferralResponse(r: ReferralEntity, view: ReferralView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    direction: r.direction,
    target: r.target,
    kind: r.kind,
    state: r.state,
    participantId: r.participantId,
    trajectoryId: r.trajectoryId,
    senderOrganisationId: r.senderOrganisationId,
    targetOrganisationId: r.targetOrganisationId,
    assignedSpocId: r.assignedSpocId,
    note: r.note,
    dueAt: iso(r.dueAt),
    overdue: isOpenReferral(r.state) && r.dueAt.getTime() < view.now.getTime(),
    submittedAt: iso(r.submittedAt),
    closedAt: iso(r.closedAt),
    allowedTransitions: allowedReferralNext(r.state, view.sides),
    version: r.version,
  };
  if (view.participant) out.participant = { id: r.participantId, ...view.participant };
  if (r.person && view.sides.length > 0) {
    out.person = { ...r.person, ...(view.insz !== undefined ? { insz: view.insz } : {}) };
  }
  if (view.transitions) {
    out.transitions = view.transitions.map((t) => ({
      from: t.fromState,
      to: t.toState,
      reason: t.reason,
      note: t.note,
      actorId: t.actorId,
      actorOrganisationId: t.actorOrganisationId,
      at: iso(t.at),
    }));
  }
  return out;
}
