import { ScheduleSpec } from './instrument';

export const ASSESSMENT_KINDS = ['baseline', 'review', 'exit'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export interface DatedAssessment {
  kind: AssessmentKind;
  takenAt: Date;
}

export interface ScheduleInput {
  /** When guidance (begeleiding) started; null while the trajectory is still in sign-up or intake. */
  guidanceStartedAt: Date | null;
  /** Set once the trajectory is closed: nothing is due any more. */
  closedAt?: Date | null;
  /** This trajectory's assessments with one instrument, in any order. */
  assessments: readonly DatedAssessment[];
}

export interface DueAssessment {
  kind: 'baseline' | 'review';
  dueAt: Date;
  /** The moment the due date counts from: the start of guidance, or the latest baseline or review. */
  countedFrom: Date;
  overdue: boolean;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Calendar months in UTC. A day that does not exist in the target month falls back to its last
 * day (31 January + 1 month = 28 or 29 February), so a quarterly rhythm never skips a month.
 */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * The next assessment due with one instrument:
 * - no baseline yet: the baseline, `baselineDueWeeks` after guidance started (nothing before that);
 * - otherwise a review, `reviewIntervalMonths` after the latest baseline or review;
 * - nothing once there is an exit assessment or the trajectory is closed: the exit assessment
 *   belongs to closing, not to the calendar.
 * Overdue means `now` is past the due moment; on the due moment itself it is not late yet.
 */
export function nextDue(instrument: ScheduleSpec, input: ScheduleInput, now: Date): DueAssessment | null {
  if (input.closedAt || input.assessments.some((a) => a.kind === 'exit')) return null;
  const periodic = input.assessments.filter((a) => a.kind === 'baseline' || a.kind === 'review');
  const hasBaseline = periodic.some((a) => a.kind === 'baseline');
  let due: Omit<DueAssessment, 'overdue'>;
  if (!hasBaseline) {
    if (!input.guidanceStartedAt) return null;
    const from = input.guidanceStartedAt;
    due = {
      kind: 'baseline',
      countedFrom: from,
      dueAt: new Date(from.getTime() + instrument.baselineDueWeeks * WEEK_MS),
    };
  } else {
    const latest = new Date(Math.max(...periodic.map((a) => a.takenAt.getTime())));
    due = { kind: 'review', countedFrom: latest, dueAt: addMonths(latest, instrument.reviewIntervalMonths) };
  }
  return { ...due, overdue: now.getTime() > due.dueAt.getTime() };
}
