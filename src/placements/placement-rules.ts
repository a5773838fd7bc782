export const PLACEMENT_KINDS = [
  'job',
  'twe_art60',
  'ibo',
  'internship',
  'practice_floor',
  'volunteering',
  'training',
] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/** A short list on purpose: what the reports and the ESF+ export tell apart. */
export const CONTRACT_TYPES = [
  'permanent',
  'fixed_term',
  'interim',
  'art60',
  'flexi',
  'student',
  'none',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Paid work: the kinds an exit with outcome `work` can refer to, and that count for sustainable work. */
export const WORK_KINDS: readonly PlacementKind[] = ['job', 'twe_art60'];

/** Hours per week: more than 0, at most 60 (a full-time week plus overtime), in steps of 0.1. */
export const MAX_HOURS_PER_WEEK = 60;

export type PlacementProblem = 'end_before_start' | 'start_before_trajectory' | 'employer_required';

export interface PlacementFacts {
  kind: PlacementKind;
  employerId: string | null;
  startDate: string;
  endDate: string | null;
}

/**
 * A placement belongs to its trajectory's time: it cannot start before the trajectory started,
 * and it cannot end before it started. Only training may go without an employer (a course at a
 * training centre is no work floor of the register). Dates are YYYY-MM-DD local dates.
 */
export function placementProblem(p: PlacementFacts, trajectoryStart: string): PlacementProblem | null {
  if (p.endDate !== null && p.endDate < p.startDate) return 'end_before_start';
  if (p.startDate < trajectoryStart) return 'start_before_trajectory';
  if (p.employerId === null && p.kind !== 'training') return 'employer_required';
  return null;
}

/**
 * The placement an exit to work refers to: paid work (job or art. 60) that had started by the exit
 * day and had not ended before it.
 */
export function canBeExit(
  p: Pick<PlacementFacts, 'kind' | 'startDate' | 'endDate'>,
  exitDate: string,
): boolean {
  return (
    WORK_KINDS.includes(p.kind) && p.startDate <= exitDate && (p.endDate === null || p.endDate >= exitDate)
  );
}

/** YYYY-MM-DD plus whole months, clamped to the month's last day (31 Oct + 4 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Sustainable work (see the quarterly report): paid work without an end, or that lasted 4 months or more. */
export const SUSTAINABLE_MONTHS = 4;
export function isSustainable(p: Pick<PlacementFacts, 'kind' | 'startDate' | 'endDate'>): boolean {
  return (
    WORK_KINDS.includes(p.kind) &&
    (p.endDate === null || p.endDate >= addMonths(p.startDate, SUSTAINABLE_MONTHS))
  );
}
