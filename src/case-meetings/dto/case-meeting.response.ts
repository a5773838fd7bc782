import { CaseMeetingActionEntity, CaseMeetingEntity, CaseMeetingItemEntity } from '../case-meeting.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCaseMeetingResponse(m: CaseMeetingEntity, attendeeIds: string[]): Record<string, unknown> {
  return {
    id: m.id,
    teamId: m.teamId,
    scheduledAt: iso(m.scheduledAt),
    location: m.location,
    organiserId: m.organiserId,
    organiserOrganisationId: m.organiserOrganisationId,
    cancelledAt: iso(m.cancelledAt),
    attendeeIds,
  };
}

export function toActionResponse(a: CaseMeetingActionEntity): Record<string, unknown> {
  return {
    id: a.id,
    itemId: a.itemId,
    caseMeetingId: a.caseMeetingId,
    participantId: a.participantId,
    description: a.description,
    ownerStaffId: a.ownerStaffId,
    dueAt: iso(a.dueAt),
    completedAt: iso(a.completedAt),
    completedBy: a.completedBy,
  };
}

export function toItemResponse(
  i: CaseMeetingItemEntity,
  actions: CaseMeetingActionEntity[],
): Record<string, unknown> {
  return {
    id: i.id,
    caseMeetingId: i.caseMeetingId,
    trajectoryId: i.trajectoryId,
    participantId: i.participantId,
    participantPresent: i.participantPresent,
    basis: i.basis,
    summary: i.summary,
    decisions: i.decisions,
    referralId: i.referralId,
    contactId: i.contactId,
    authorId: i.authorId,
    createdAt: iso(i.createdAt),
    actions: actions.map(toActionResponse),
  };
}
