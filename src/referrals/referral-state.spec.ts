import { allowedReferralNext, checkReferralTransition, isOpenReferral } from './referral-state';

describe('referral state machine', () => {
  it('lets the target accept, reject (with a reason), start and complete', () => {
    expect(checkReferralTransition('submitted', 'accepted', ['target'])).toBe('ok');
    expect(checkReferralTransition('submitted', 'rejected', ['target'], 'Geen aanbod')).toBe('ok');
    expect(checkReferralTransition('accepted', 'in_progress', ['target'])).toBe('ok');
    expect(checkReferralTransition('in_progress', 'completed', ['target'])).toBe('ok');
  });

  it('lets the target complete an accepted referral straight away, and not the sender', () => {
    expect(checkReferralTransition('accepted', 'completed', ['target'])).toBe('ok');
    expect(checkReferralTransition('accepted', 'completed', ['sender'])).toBe('wrong_side');
    expect(allowedReferralNext('accepted', ['target'])).toEqual(['in_progress', 'completed']);
  });

  it('requires a reason to reject', () => {
    expect(checkReferralTransition('submitted', 'rejected', ['target'])).toBe('reason_required');
    expect(checkReferralTransition('submitted', 'rejected', ['target'], '   ')).toBe('reason_required');
  });

  it('lets only the sender cancel, and only while open', () => {
    for (const from of ['submitted', 'accepted', 'in_progress'] as const) {
      expect(checkReferralTransition(from, 'cancelled', ['sender'])).toBe('ok');
      expect(checkReferralTransition(from, 'cancelled', ['target'])).toBe('wrong_side');
    }
    expect(checkReferralTransition('completed', 'cancelled', ['sender'])).toBe('invalid');
  });

  it('refuses the sender taking the target steps', () => {
    expect(checkReferralTransition('submitted', 'accepted', ['sender'])).toBe('wrong_side');
    expect(checkReferralTransition('accepted', 'in_progress', ['sender'])).toBe('wrong_side');
  });

  it('refuses skipping steps, going back and leaving a closed state', () => {
    expect(checkReferralTransition('submitted', 'in_progress', ['target'])).toBe('invalid');
    expect(checkReferralTransition('submitted', 'completed', ['target'])).toBe('invalid');
    expect(checkReferralTransition('in_progress', 'accepted', ['target'])).toBe('invalid');
    expect(checkReferralTransition('rejected', 'accepted', ['target'])).toBe('invalid');
    expect(checkReferralTransition('submitted', 'submitted', ['sender', 'target'])).toBe('invalid');
  });

  it('lists the next states per side and knows which states are open', () => {
    expect(allowedReferralNext('submitted', ['target'])).toEqual(['accepted', 'rejected']);
    expect(allowedReferralNext('submitted', ['sender'])).toEqual(['cancelled']);
    expect(allowedReferralNext('completed', ['sender', 'target'])).toEqual([]);
    expect(isOpenReferral('in_progress')).toBe(true);
    expect(isOpenReferral('rejected')).toBe(false);
  });
});
