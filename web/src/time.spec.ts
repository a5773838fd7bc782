import { brusselsOffsetMinutes, formatDateTime, fromBrusselsInput, toBrusselsInput } from './time';

describe('Brussels time in the web app', () => {
  it('reads a winter wall time as UTC+1 and a summer one as UTC+2', () => {
    expect(fromBrusselsInput('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(fromBrusselsInput('2026-07-15T09:30')).toBe('2026-07-15T07:30:00.000Z');
  });

  it('shows a UTC instant at the Brussels wall clock, whatever the machine zone', () => {
    expect(toBrusselsInput('2026-12-06T23:30:00Z')).toBe('2026-12-07T00:30');
    expect(toBrusselsInput('2026-06-30T22:15:00Z')).toBe('2026-07-01T00:15');
    expect(formatDateTime('2026-12-06T23:30:00Z', 'en')).toContain('00:30');
  });

  it('knows the offset on both sides of the changes to and from summer time (29 March and 25 October 2026)', () => {
    expect(brusselsOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(brusselsOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(brusselsOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
    expect(brusselsOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
  });

  it('moves a wall time that does not exist (the spring gap) forward, and round-trips every other one', () => {
    expect(fromBrusselsInput('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
    for (const local of ['2026-03-29T01:59', '2026-03-29T03:00', '2026-10-25T01:30', '2026-10-25T04:00'])
      expect(toBrusselsInput(fromBrusselsInput(local))).toBe(local);
  });
});
