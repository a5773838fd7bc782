import { addMonths, DatedAssessment, nextDue } from './schedule';

const at = (iso: string) => new Date(iso);
const quarterly = { reviewIntervalMonths: 3, baselineDueWeeks: 6 };
const start = at('2026-01-05T09:00:00Z');
const baseline = (iso: string): DatedAssessment => ({ kind: 'baseline', takenAt: at(iso) });
const review = (iso: string): DatedAssessment => ({ kind: 'review', takenAt: at(iso) });

describe('addMonths', () => {
  it('keeps the day of the month and the time', () => {
    expect(addMonths(at('2026-01-15T10:30:00Z'), 3).toISOString()).toBe('2026-04-15T10:30:00.000Z');
  });

  it('falls back to the last day of a shorter month', () => {
    expect(addMonths(at('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths(at('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(at('2026-11-30T00:00:00Z'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });

  it('crosses the year and goes backwards', () => {
    expect(addMonths(at('2026-11-15T00:00:00Z'), 3).toISOString()).toBe('2027-02-15T00:00:00.000Z');
    expect(addMonths(at('2026-03-31T00:00:00Z'), -1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('nextDue', () => {
  it('asks for a baseline six weeks after guidance started', () => {
    const due = nextDue(quarterly, { guidanceStartedAt: start, assessments: [] }, at('2026-01-10T00:00:00Z'));
    expect(due).toEqual({
      kind: 'baseline',
      countedFrom: start,
      dueAt: at('2026-02-16T09:00:00Z'),
      overdue: false,
    });
  });

  it('is not overdue on the due moment itself, and is one millisecond later', () => {
    const input = { guidanceStartedAt: start, assessments: [] };
    expect(nextDue(quarterly, input, at('2026-02-16T09:00:00.000Z'))!.overdue).toBe(false);
    expect(nextDue(quarterly, input, at('2026-02-16T09:00:00.001Z'))!.overdue).toBe(true);
  });

  it('takes the baseline window from the instrument', () => {
    const due = nextDue(
      { reviewIntervalMonths: 3, baselineDueWeeks: 2 },
      { guidanceStartedAt: start, assessments: [] },
      start,
    );
    expect(due!.dueAt).toEqual(at('2026-01-19T09:00:00Z'));
  });

  it('asks for nothing before guidance has started and no baseline exists', () => {
    expect(nextDue(quarterly, { guidanceStartedAt: null, assessments: [] }, start)).toBeNull();
  });

  it('asks for a review three months after the baseline, however late the baseline was', () => {
    const due = nextDue(
      quarterly,
      { guidanceStartedAt: start, assessments: [baseline('2026-03-20T10:00:00Z')] },
      at('2026-04-01T00:00:00Z'),
    );
    expect(due).toEqual({
      kind: 'review',
      countedFrom: at('2026-03-20T10:00:00Z'),
      dueAt: at('2026-06-20T10:00:00Z'),
      overdue: false,
    });
  });

  it('counts the next review from the latest review, in whatever order they are given', () => {
    const due = nextDue(
      quarterly,
      {
        guidanceStartedAt: start,
        assessments: [
          review('2026-05-10T00:00:00Z'),
          baseline('2026-02-01T00:00:00Z'),
          review('2026-08-12T00:00:00Z'),
        ],
      },
      at('2026-12-01T00:00:00Z'),
    );
    expect(due).toMatchObject({ kind: 'review', dueAt: at('2026-11-12T00:00:00Z'), overdue: true });
  });

  it('takes the review interval from the instrument', () => {
    const due = nextDue(
      { reviewIntervalMonths: 6, baselineDueWeeks: 6 },
      { guidanceStartedAt: start, assessments: [baseline('2026-01-31T00:00:00Z')] },
      start,
    );
    expect(due!.dueAt).toEqual(at('2026-07-31T00:00:00Z'));
  });

  it('asks for a review even when guidance has no start date but a baseline exists', () => {
    const due = nextDue(
      quarterly,
      { guidanceStartedAt: null, assessments: [baseline('2026-01-10T00:00:00Z')] },
      start,
    );
    expect(due).toMatchObject({ kind: 'review', dueAt: at('2026-04-10T00:00:00Z') });
  });

  it('asks for nothing after an exit assessment or once the trajectory is closed', () => {
    const assessments = [baseline('2026-01-10T00:00:00Z')];
    const late = at('2027-01-01T00:00:00Z');
    expect(
      nextDue(
        quarterly,
        { guidanceStartedAt: start, assessments: [...assessments, { kind: 'exit', takenAt: late }] },
        late,
      ),
    ).toBeNull();
    expect(nextDue(quarterly, { guidanceStartedAt: start, closedAt: late, assessments }, late)).toBeNull();
  });
});
