import { dateSteps, diff } from './goal-steps';

const now = new Date('2026-03-10T10:00:00.000Z');

describe('dateSteps', () => {
  it('dates a step ticked off without a date with now, and leaves open steps undated', () => {
    expect(
      dateSteps(
        [
          { title: 'CV', done: true },
          { title: 'Sollicitatie', done: false },
        ],
        [],
        now,
        60_000,
      ),
    ).toEqual({
      steps: [
        { title: 'CV', done: true, doneAt: '2026-03-10T10:00:00.000Z' },
        { title: 'Sollicitatie', done: false, doneAt: null },
      ],
    });
  });

  it('keeps the earlier date of a step that was already done', () => {
    const previous = [{ title: 'CV', done: true, doneAt: '2026-02-01T09:00:00.000Z' }];
    expect(dateSteps([{ title: 'CV', done: true }], previous, now, 60_000)).toEqual({ steps: previous });
  });

  it('re-dates a step whose title changed', () => {
    const previous = [{ title: 'CV', done: true, doneAt: '2026-02-01T09:00:00.000Z' }];
    const result = dateSteps([{ title: 'CV in het Engels', done: true }], previous, now, 60_000);
    expect(result).toEqual({ steps: [{ title: 'CV in het Engels', done: true, doneAt: now.toISOString() }] });
  });

  it('takes a given date, within a minute of slack, and refuses one in the future', () => {
    expect(dateSteps([{ title: 'a', done: true, doneAt: '2026-03-10T10:00:30Z' }], [], now, 60_000)).toEqual({
      steps: [{ title: 'a', done: true, doneAt: '2026-03-10T10:00:30.000Z' }],
    });
    expect(dateSteps([{ title: 'a', done: true, doneAt: '2026-03-10T10:02:00Z' }], [], now, 60_000)).toEqual({
      index: 0,
      problem: 'done_at_in_future',
    });
  });

  it('refuses a date on a step that is not done', () => {
    expect(dateSteps([{ title: 'a', done: false, doneAt: '2026-03-01T00:00:00Z' }], [], now, 60_000)).toEqual(
      {
        index: 0,
        problem: 'done_at_without_done',
      },
    );
  });
});

describe('diff', () => {
  it('lists only the fields that changed, with old and new values', () => {
    expect(
      diff({ title: 'a', status: 'open', steps: [1] }, { title: 'a', status: 'achieved', steps: [1, 2] }),
    ).toEqual({
      status: { from: 'open', to: 'achieved' },
      steps: { from: [1], to: [1, 2] },
    });
  });

  it('does not see a change when only the key order of stored JSON differs', () => {
    const stored = { steps: [{ done: true, title: 'CV', doneAt: null }] };
    expect(diff(stored, { steps: [{ title: 'CV', done: true, doneAt: null }] })).toEqual({});
  });

  it('ignores fields left out of the patch', () => {
    expect(diff({ title: 'a', status: 'open' }, { status: undefined })).toEqual({});
  });
});
