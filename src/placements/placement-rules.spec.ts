import { addMonths, canBeExit, isSustainable, placementProblem } from './placement-rules';

const job = { kind: 'job' as const, employerId: 'e', startDate: '2026-03-01', endDate: null };

describe('placementProblem', () => {
  it('accepts a placement inside the trajectory', () => {
    expect(placementProblem(job, '2026-01-15')).toBeNull();
    expect(placementProblem({ ...job, endDate: '2026-03-01' }, '2026-03-01')).toBeNull();
  });
  it('refuses an end before the start', () =>
    expect(placementProblem({ ...job, endDate: '2026-02-28' }, '2026-01-01')).toBe('end_before_start'));
  it('refuses a start before the trajectory started', () =>
    expect(placementProblem(job, '2026-03-02')).toBe('start_before_trajectory'));
  it('needs an employer except for training', () => {
    expect(placementProblem({ ...job, employerId: null }, '2026-01-01')).toBe('employer_required');
    expect(placementProblem({ ...job, kind: 'training', employerId: null }, '2026-01-01')).toBeNull();
  });
});

describe('canBeExit', () => {
  it('takes paid work that started by the exit day and had not ended', () => {
    expect(canBeExit(job, '2026-03-01')).toBe(true);
    expect(canBeExit({ ...job, kind: 'twe_art60', endDate: '2026-06-01' }, '2026-06-01')).toBe(true);
  });
  it('refuses other kinds, a later start and an earlier end', () => {
    expect(canBeExit({ ...job, kind: 'internship' }, '2026-04-01')).toBe(false);
    expect(canBeExit(job, '2026-02-28')).toBe(false);
    expect(canBeExit({ ...job, endDate: '2026-03-31' }, '2026-04-01')).toBe(false);
  });
});

describe('addMonths', () => {
  it('adds calendar months and clamps to the last day of the month', () => {
    expect(addMonths('2026-03-01', 4)).toBe('2026-07-01');
    expect(addMonths('2025-10-31', 4)).toBe('2026-02-28');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 4)).toBe('2027-03-15');
  });
});

describe('isSustainable', () => {
  it('counts paid work without an end, or that lasted at least 4 months', () => {
    expect(isSustainable(job)).toBe(true);
    expect(isSustainable({ ...job, endDate: '2026-07-01' })).toBe(true);
    expect(isSustainable({ ...job, endDate: '2026-06-30' })).toBe(false);
    expect(isSustainable({ ...job, kind: 'volunteering' })).toBe(false);
  });
});
