export const TRAJECTORY_STATES = ['aanmelding', 'intake', 'begeleiding', 'nazorg', 'afgesloten'] as const;
export type TrajectoryState = (typeof TRAJECTORY_STATES)[number];

export const OUTCOMES = [
  'work',
  'regular_activation',
  'education',
  'volunteering_or_supported_work',
  'no_result',
  'moved_or_unreachable',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const REGULAR_ACTIVATION_KINDS = ['twe_art60', 'glow', 'vdab', 'other'] as const;
export type RegularActivationKind = (typeof REGULAR_ACTIVATION_KINDS)[number];

/** The path: sign-up → intake → guidance → aftercare → closed. Any open state may close; aftercare is optional. */
const NEXT: Record<TrajectoryState, readonly TrajectoryState[]> = {
  aanmelding: ['intake', 'afgesloten'],
  intake: ['begeleiding', 'afgesloten'],
  begeleiding: ['nazorg', 'afgesloten'],
  nazorg: ['afgesloten'],
  afgesloten: [],
};

export const allowedNext = (from: TrajectoryState): readonly TrajectoryState[] => NEXT[from];
export const canTransition = (from: TrajectoryState, to: TrajectoryState) => NEXT[from].includes(to);
export const isOpen = (s: TrajectoryState) => s !== 'afgesloten';

export type OutcomeProblem =
  'outcome_required' | 'outcome_not_allowed' | 'kind_required' | 'kind_not_allowed';

/** Closing needs an outcome; regular activation also needs its kind. Nothing else carries one. */
export function checkOutcome(to: TrajectoryState, outcome?: Outcome, kind?: string): OutcomeProblem | null {
  if (to !== 'afgesloten') return outcome || kind ? 'outcome_not_allowed' : null;
  if (!outcome) return 'outcome_required';
  if (outcome === 'regular_activation' && !kind) return 'kind_required';
  if (outcome !== 'regular_activation' && kind) return 'kind_not_allowed';
  return null;
}
