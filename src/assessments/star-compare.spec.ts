import { legendLabel, pickSeries } from './star-compare';

const at = (iso: string) => new Date(iso);
const history = [
  { id: 'b', kind: 'baseline' as const, takenAt: at('2026-01-15T10:00:00Z') },
  { id: 'r1', kind: 'review' as const, takenAt: at('2026-04-15T10:00:00Z') },
  { id: 'r2', kind: 'review' as const, takenAt: at('2026-07-15T10:00:00Z') },
];
const ids = (r: ReturnType<typeof pickSeries>) => (Array.isArray(r) ? r.map((a) => a.id) : r);

describe('pickSeries', () => {
  it('takes the baseline and the most recent assessment', () => {
    expect(ids(pickSeries(history, ['baseline', 'latest']))).toEqual(['b', 'r2']);
  });

  it('draws oldest first whatever the order asked', () => {
    expect(ids(pickSeries([...history].reverse(), ['r2', 'r1', 'baseline']))).toEqual(['b', 'r1', 'r2']);
  });

  it('collapses the same assessment asked twice: with a baseline only it is one shape', () => {
    expect(ids(pickSeries(history.slice(0, 1), ['baseline', 'latest']))).toEqual(['b']);
    expect(ids(pickSeries(history, ['r1', 'R1']))).toEqual(['r1']);
  });

  it('names what is missing: no baseline, or an id not in this history', () => {
    expect(pickSeries([], ['baseline', 'latest'])).toEqual({ problem: 'no_baseline' });
    expect(pickSeries(history.slice(1), ['baseline', 'latest'])).toEqual({ problem: 'no_baseline' });
    expect(pickSeries(history, ['baseline', 'x'])).toEqual({ problem: 'unknown_id', id: 'x' });
  });
});

describe('legendLabel', () => {
  it('says the kind in the reader language, with the date', () => {
    expect(legendLabel('baseline', '2026-01-15', 'nl')).toBe('Nulmeting 2026-01-15');
    expect(legendLabel('review', '2026-04-15', 'en')).toBe('Review 2026-04-15');
    expect(legendLabel('exit', '2026-09-01', 'nl')).toBe('Eindmeting 2026-09-01');
  });
});
