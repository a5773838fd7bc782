import { InstrumentSpec } from '../../empowerment/instrument';
import { DueAssessment } from '../../empowerment/schedule';

export function toDueResponse(
  trajectoryId: string,
  items: { instrument: Pick<InstrumentSpec, 'key' | 'version'>; due: DueAssessment | null }[],
) {
  return {
    trajectoryId,
    items: items.map(({ instrument, due }) => ({
      instrument: { key: instrument.key, version: instrument.version },
      due: due
        ? {
            kind: due.kind,
            dueAt: due.dueAt.toISOString(),
            countedFrom: due.countedFrom.toISOString(),
            overdue: due.overdue,
          }
        : null,
    })),
  };
}

export interface OverdueRow {
  trajectory_id: string;
  participant_id: string;
  case_manager_id: string | null;
  team_id: string | null;
  instrument: string;
  kind: 'baseline' | 'review';
  due_at: Date;
}

const DAY_MS = 86400_000;

/** The participant's name only where the caller holds a grant; otherwise the field is absent. */
export function toOverdueItem(
  r: OverdueRow,
  now: Date,
  name: { firstName: string; lastName: string } | undefined,
) {
  return {
    trajectoryId: r.trajectory_id,
    participantId: r.participant_id,
    ...(name ? { participant: { firstName: name.firstName, lastName: name.lastName } } : {}),
    caseManagerId: r.case_manager_id,
    teamId: r.team_id,
    instrument: r.instrument,
    kind: r.kind,
    dueAt: new Date(r.due_at).toISOString(),
    daysOverdue: Math.floor((now.getTime() - new Date(r.due_at).getTime()) / DAY_MS),
  };
}
