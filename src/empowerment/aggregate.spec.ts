import { allScores, empowerment, instrumentWith } from '../../test/support/instruments';
import { aggregateProgress } from './aggregate';
import { progress } from './progress';

const three = instrumentWith(3);
const trajectory = (baseline: number[], latest?: number[], months = 3) =>
  progress(three, [
    {
      kind: 'baseline',
      takenAt: new Date('2026-01-01T00:00:00Z'),
      scores: { d0: baseline[0], d1: baseline[1], d2: baseline[2] },
    },
    ...(latest
      ? [
          {
            kind: 'review' as const,
            takenAt: new Date(Date.UTC(2026, months, 1)),
            scores: { d0: latest[0], d1: latest[1], d2: latest[2] },
          },
        ]
      : []),
  ]);

describe('aggregateProgress', () => {
  it('gives the mean change per dimension and in total, with label counts', () => {
    const result = aggregateProgress(three, [
      trajectory([2, 2, 2], [4, 2, 1]), // +2, 0, −1 → total +1/3
      trajectory([5, 5, 5], [6, 6, 6]), // +1 each → total +1
      trajectory([5, 5, 5], [3, 5, 4]), // −2, 0, −1 → total −1
    ]);
    expect(result.trajectories).toBe(3);
    expect(result.baselineOnly).toBe(0);
    const d0 = result.dimensions[0];
    expect(d0).toMatchObject({
      dimension: 'd0',
      n: 3,
      labels: { progress: 2, stagnation: 0, regression: 1 },
    });
    expect(d0.meanChange).toBeCloseTo(1 / 3, 12);
    expect(result.dimensions[1]).toMatchObject({
      meanChange: 1 / 3,
      labels: { progress: 1, stagnation: 2, regression: 0 },
    });
    expect(result.dimensions[2]).toMatchObject({ labels: { progress: 1, stagnation: 0, regression: 2 } });
    expect(result.dimensions[2].meanChange).toBeCloseTo(-1 / 3, 12);
    expect(result.total.n).toBe(3);
    expect(result.total.meanChange).toBeCloseTo((1 / 3 + 1 - 1) / 3, 12);
    expect(result.total.labels).toEqual({ progress: 1, stagnation: 1, regression: 1 });
    expect(result.total.meanChangePerQuarter).not.toBeNull();
  });

  it('counts trajectories with a baseline only apart, and skips those without a baseline', () => {
    const result = aggregateProgress(three, [trajectory([1, 1, 1]), null, trajectory([1, 1, 1], [2, 2, 2])]);
    expect(result.trajectories).toBe(1);
    expect(result.baselineOnly).toBe(1);
    expect(result.total).toMatchObject({ n: 1, meanChange: 1 });
  });

  it('ignores reports of another instrument', () => {
    const other = progress(empowerment, [
      { kind: 'baseline', takenAt: new Date('2026-01-01'), scores: allScores(empowerment, 1) },
      { kind: 'review', takenAt: new Date('2026-04-01'), scores: allScores(empowerment, 9) },
    ]);
    expect(aggregateProgress(three, [other]).trajectories).toBe(0);
  });

  it('gives empty means, not zeros, when nothing was followed up', () => {
    const result = aggregateProgress(three, []);
    expect(result.total).toEqual({
      n: 0,
      meanChange: null,
      meanChangePerQuarter: null,
      labels: { progress: 0, stagnation: 0, regression: 0 },
    });
    expect(result.dimensions).toHaveLength(3);
  });
});
