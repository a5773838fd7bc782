import { allowedNext, canTransition, checkOutcome, TRAJECTORY_STATES } from './trajectory-state';

describe('trajectory state machine', () => {
  it('follows aanmelding → intake → begeleiding → nazorg → afgesloten', () => {
    expect(canTransition('aanmelding', 'intake')).toBe(true);
    expect(canTransition('intake', 'begeleiding')).toBe(true);
    expect(canTransition('begeleiding', 'nazorg')).toBe(true);
    expect(canTransition('nazorg', 'afgesloten')).toBe(true);
  });

  it('lets every open state close, so aftercare is optional', () => {
    for (const s of TRAJECTORY_STATES.filter((x) => x !== 'afgesloten'))
      expect(canTransition(s, 'afgesloten')).toBe(true);
  });

  it('refuses skipping, going back and leaving afgesloten', () => {
    expect(canTransition('aanmelding', 'begeleiding')).toBe(false);
    expect(canTransition('begeleiding', 'intake')).toBe(false);
    expect(canTransition('nazorg', 'begeleiding')).toBe(false);
    expect(allowedNext('afgesloten')).toEqual([]);
    expect(canTransition('intake', 'intake')).toBe(false);
  });
});

describe('checkOutcome', () => {
  it('requires an outcome to close', () => expect(checkOutcome('afgesloten')).toBe('outcome_required'));
  it('requires the kind of regular activation', () =>
    expect(checkOutcome('afgesloten', 'regular_activation')).toBe('kind_required'));
  it('accepts regular activation with its kind', () =>
    expect(checkOutcome('afgesloten', 'regular_activation', 'twe_art60')).toBeNull());
  it('accepts work without a kind', () => expect(checkOutcome('afgesloten', 'work')).toBeNull());
  it('refuses a kind on another outcome', () =>
    expect(checkOutcome('afgesloten', 'work', 'glow')).toBe('kind_not_allowed'));
  it('refuses an outcome when not closing', () =>
    expect(checkOutcome('intake', 'work')).toBe('outcome_not_allowed'));
});
