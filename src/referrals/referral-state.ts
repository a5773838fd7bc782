export const REFERRAL_STATES = [
  'submitted',
  'accepted',
  'rejected',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const OPEN_REFERRAL_STATES: readonly ReferralState[] = ['submitted', 'accepted', 'in_progress'];

/** Which side of a referral the caller's organisation is on. */
export type ReferralSide = 'sender' | 'target';

/** submitted → accepted | rejected → (in_progress →) completed; the sender may cancel while it is open. */
const NEXT: Record<ReferralState, readonly { to: ReferralState; by: ReferralSide }[]> = {
  submitted: [
    { to: 'accepted', by: 'target' },
    { to: 'rejected', by: 'target' },
    { to: 'cancelled', by: 'sender' },
  ],
  accepted: [
    { to: 'in_progress', by: 'target' },
    // A short request (an intake check) is often done as soon as it is accepted.
    { to: 'completed', by: 'target' },
    { to: 'cancelled', by: 'sender' },
  ],
  in_progress: [
    { to: 'completed', by: 'target' },
    { to: 'cancelled', by: 'sender' },
  ],
  rejected: [],
  completed: [],
  cancelled: [],
};

export type TransitionCheck = 'ok' | 'invalid' | 'wrong_side' | 'reason_required';

export const isOpenReferral = (s: ReferralState) => OPEN_REFERRAL_STATES.includes(s);

/** The states the given sides may move a referral to from `from`. */
export const allowedReferralNext = (from: ReferralState, sides: readonly ReferralSide[]) =>
  NEXT[from].filter((n) => sides.includes(n.by)).map((n) => n.to);

/** A rejection must say why; only the side that owns a step may take it. */
export function checkReferralTransition(
  from: ReferralState,
  to: ReferralState,
  sides: readonly ReferralSide[],
  reason?: string | null,
): TransitionCheck {
  const step = NEXT[from].find((n) => n.to === to);
  if (!step) return 'invalid';
  if (!sides.includes(step.by)) return 'wrong_side';
  if (to === 'rejected' && !reason?.trim()) return 'reason_required';
  return 'ok';
}
