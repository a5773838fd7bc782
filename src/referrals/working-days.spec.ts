import { addWorkingDays, belgianPublicHolidays, easterSunday } from './working-days';

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

  it('crosses a month and a year end, skipping Christmas and New Year', () => {
    // Thu 24 Dec 2026: Fri 25 Dec and Fri 1 Jan 2027 are holidays.
    expect(addWorkingDays(at('2026-12-24T08:00:00Z'), 10).toISOString()).toBe('2027-01-11T08:00:00.000Z');
  });

  it('skips the Easter Monday and Ascension of 2026', () => {
    // Easter 2026 is 5 April: Mon 6 April and Thu 14 May are holidays.
    expect(addWorkingDays(at('2026-04-03T09:00:00Z'), 1).toISOString()).toBe('2026-04-07T09:00:00.000Z');
    expect(addWorkingDays(at('2026-05-13T09:00:00Z'), 1).toISOString()).toBe('2026-05-15T09:00:00.000Z');
  });

  it('counts Brussels calendar days: Friday 23:30 in Brussels keeps its time across the summer-time change', () => {
    // Fri 19 March 2027 23:30 CET; Easter Monday 29 March is a holiday; summer time from 28 March.
    // Ten working days later is Monday 5 April, 23:30 CEST = 21:30 UTC (not 22:30 UTC = Tuesday in Brussels).
    expect(addWorkingDays(at('2027-03-19T22:30:00Z'), 10).toISOString()).toBe('2027-04-05T21:30:00.000Z');
  });

  it('counts from the Brussels day when that differs from the UTC day', () => {
    // 00:30 on Friday 6 March 2026 in Brussels is still Thursday in UTC: one working day is Monday.
    expect(addWorkingDays(at('2026-03-05T23:30:00Z'), 1).toISOString()).toBe('2026-03-08T23:30:00.000Z');
    // 00:30 on Saturday 7 March in Brussels (Friday in UTC): counting starts on Monday, due Monday 00:30.
    expect(addWorkingDays(at('2026-03-06T23:30:00Z'), 1).toISOString()).toBe('2026-03-08T23:30:00.000Z');
    // 23:30 on Friday 6 March in Brussels: due Monday 23:30 Brussels.
    expect(addWorkingDays(at('2026-03-06T22:30:00Z'), 1).toISOString()).toBe('2026-03-09T22:30:00.000Z');
  });

  it('starts counting after a holiday it was started on', () => {
    expect(addWorkingDays(at('2026-11-11T10:00:00Z'), 1).toISOString()).toBe('2026-11-12T10:00:00.000Z');
  });
});

describe('Belgian public holidays', () => {
  it('computes Easter for known years', () => {
    expect(['2024', '2025', '2026', '2027', '2029'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2029-04-01',
    ]);
  });

  it('lists the ten legal holidays of 2026', () => {
    expect([...belgianPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });
});
