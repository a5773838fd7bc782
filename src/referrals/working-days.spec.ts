import { addWorkingDays } from './working-days';

const at = (iso: string) => new Date(iso);

describe('addWorkingDays', () => {
  it('adds ten working days from a Monday: two weeks later', () => {
    expect(addWorkingDays(at('2026-03-02T09:30:00Z'), 10).toISOString()).toBe('2026-03-16T09:30:00.000Z');
  });

  it('skips the weekend from a Friday', () => {
    expect(addWorkingDays(at('2026-03-06T14:00:00Z'), 1).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(addWorkingDays(at('2026-03-06T14:00:00Z'), 10).toISOString()).toBe('2026-03-20T14:00:00.000Z');
  });

  it('starts counting on the Monday when started on a weekend', () => {
    expect(addWorkingDays(at('2026-03-07T10:00:00Z'), 1).toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(addWorkingDays(at('2026-03-08T10:00:00Z'), 10).toISOString()).toBe('2026-03-20T10:00:00.000Z');
  });

  it('adds nothing for zero days and refuses negative or fractional days', () => {
    expect(addWorkingDays(at('2026-03-07T10:00:00Z'), 0).toISOString()).toBe('2026-03-07T10:00:00.000Z');
    expect(() => addWorkingDays(at('2026-03-02T00:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-03-02T00:00:00Z'), 1.5)).toThrow(RangeError);
  });

  it('crosses a month and a year end', () => {
    expect(addWorkingDays(at('2026-12-24T08:00:00Z'), 10).toISOString()).toBe('2027-01-07T08:00:00.000Z');
  });
});
