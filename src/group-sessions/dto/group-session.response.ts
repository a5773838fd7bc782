import { GroupSessionAttendanceEntity, GroupSessionEntity } from '../group-session.entity';

export function toGroupSessionResponse(s: GroupSessionEntity): Record<string, unknown> {
  return {
    id: s.id,
    theme: s.theme,
    tag: s.tag,
    at: s.at.toISOString(),
    durationMinutes: s.durationMinutes,
    location: s.location,
    facilitatorId: s.facilitatorId,
  };
}

/** Names and contact details only: what a facilitator's summary grant allows. */
export function toAttendanceResponse(
  a: GroupSessionAttendanceEntity,
  participant?: { firstName: string; lastName: string; phone: string | null },
): Record<string, unknown> {
  return {
    id: a.id,
    groupSessionId: a.groupSessionId,
    participantId: a.participantId,
    trajectoryId: a.trajectoryId,
    attended: a.attended,
    contactId: a.contactId,
    ...(participant ? { participant } : {}),
  };
}
