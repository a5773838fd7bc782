import { allScores, empowerment, instrumentWith } from '../../test/support/instruments';
import { labelChange, monthsBetween, progress, ScoredAssessment } from './progress';

const defaults = { progressThreshold: 1, regressionThreshold: -1 };
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const take = (kind: ScoredAssessment['kind'], iso: string, scores: Record<string, number>, extra = {}) => ({
  kind,
  takenAt: at(iso),
  scores,
  ...extra,
});

describe('labelChange', () => {
  it.each([
    [1, 'progress'],
    [1.5, 'progress'],
    [0.99, 'stagnation'],
    [0, 'stagnation'],
    [-0.99, 'stagnation'],
    [-1, 'regression'],
    [-9, 'regression'],
  ])('labels a change of %p as %s with the default thresholds (+1 / −1)', (change, label) => {
    expect(labelChange(change, defaults)).toBe(label);
  });

  it.each([
    [0.5, 'progress'],
    [0.49, 'stagnation'],
    [-0.49, 'stagnation'],
    [-0.5, 'regression'],
  ])('labels %p as %s with thresholds +0.5 / −0.5', (change, label) => {
    expect(labelChange(change, { progressThreshold: 0.5, regressionThreshold: -0.5 })).toBe(label);
  });

  it('counts a change equal to a threshold up to binary rounding as reaching it', () => {
    expect(labelChange(1.4 - 1.1, { progressThreshold: 0.3, regressionThreshold: -0.3 })).toBe('progress');
    expect(labelChange(1.1 - 1.4, { progressThreshold: 0.3, regressionThreshold: -0.3 })).toBe('regression');
  });
});

describe('progress', () => {
  const base = allScores(empowerment, 4);

  it('returns null without a baseline', () => {
    expect(progress(empowerment, [])).toBeNull();
    expect(progress(empowerment, [take('review', '2026-04-01', base)])).toBeNull();
  });

  it('shows the baseline alone, without change or label, until there is a follow-up', () => {
    const report = progress(empowerment, [take('baseline', '2026-01-01', base, { id: 'b' })])!;
    expect(report.latest).toBeNull();
    expect(report.monthsBetween).toBeNull();
    expect(report.dimensions[0]).toEqual({
      dimension: 'competentie',
      baseline: 4,
      latest: null,
      change: null,
      changePerQuarter: null,
      label: null,
    });
    expect(report.total).toEqual({
      baseline: 4,
      latest: null,
      change: null,
      changePerQuarter: null,
      label: null,
    });
  });

  it('compares the baseline with the latest follow-up per dimension, at the label boundaries', () => {
    const latest = {
      ...base,
      competentie: 5,
      zelfbeschikking: 3,
      impact: 4,
      betekenis: 8,
      positieve_identiteit: 1,
    };
    const report = progress(empowerment, [
      take('baseline', '2026-01-01', base, { id: 'b' }),
      take('review', '2026-04-01', allScores(empowerment, 9), { id: 'r1' }),
      take('review', '2026-07-01', latest, { id: 'r2' }),
    ])!;
    expect(report.baseline).toEqual({ id: 'b', takenAt: at('2026-01-01') });
    expect(report.latest).toEqual({ id: 'r2', kind: 'review', takenAt: at('2026-07-01') });
    const byKey = Object.fromEntries(report.dimensions.map((d) => [d.dimension, d]));
    expect(byKey.competentie).toMatchObject({ baseline: 4, latest: 5, change: 1, label: 'progress' });
    expect(byKey.zelfbeschikking).toMatchObject({ change: -1, label: 'regression' });
    expect(byKey.impact).toMatchObject({ change: 0, label: 'stagnation' });
    expect(byKey.betekenis).toMatchObject({ change: 4, label: 'progress' });
    expect(byKey.positieve_identiteit).toMatchObject({ change: -3, label: 'regression' });
    expect(report.dimensions.map((d) => d.dimension)).toEqual(empowerment.dimensions.map((d) => d.key));
  });

  it('gives the total as the mean, and labels a mean change of exactly +1 as progress', () => {
    // Naively, 8/3 − 5/3 is 0.9999999999999998 in binary and would read as stagnation.
    const three = instrumentWith(3);
    const report = progress(three, [
      take('baseline', '2026-01-01', { d0: 1, d1: 2, d2: 2 }),
      take('review', '2026-04-01', { d0: 2, d1: 3, d2: 3 }),
    ])!;
    expect(report.total.change).toBe(1);
    expect(report.total.label).toBe('progress');
    expect(report.total.baseline).toBeCloseTo(5 / 3, 12);
    expect(report.total.latest).toBeCloseTo(8 / 3, 12);
  });

  it.each([
    [6, 1, 'progress'],
    [5, 5 / 6, 'stagnation'],
    [-5, -5 / 6, 'stagnation'],
    [-6, -1, 'regression'],
  ])('labels a total whose dimension changes add up to %p (mean %p) as %s', (sum, mean, label) => {
    const latest = { ...base, competentie: 4 + sum };
    const report = progress({ ...empowerment, scaleMin: -10, scaleMax: 20 }, [
      take('baseline', '2026-01-01', base),
      take('review', '2026-04-01', latest),
    ])!;
    expect(report.total.change).toBeCloseTo(mean, 12);
    expect(report.total.label).toBe(label);
  });

  it('gives the change per quarter: change ÷ months between × 3', () => {
    const report = progress(empowerment, [
      take('baseline', '2026-01-01', base),
      take('review', '2026-07-02', { ...base, impact: 6 }),
    ])!;
    const months = monthsBetween(at('2026-01-01'), at('2026-07-02'));
    expect(report.monthsBetween).toBe(months);
    expect(months).toBeCloseTo(6, 1);
    const impact = report.dimensions.find((d) => d.dimension === 'impact')!;
    expect(impact.changePerQuarter).toBeCloseTo((2 / months) * 3, 12);
    expect(impact.changePerQuarter).toBeCloseTo(1, 1);
    expect(report.total.changePerQuarter).toBeCloseTo((2 / 6 / months) * 3, 12);
  });

  it('gives no change per quarter when no time passed between the two', () => {
    const report = progress(empowerment, [
      take('baseline', '2026-01-01', base),
      take('review', '2026-01-01', { ...base, impact: 6 }),
    ])!;
    expect(report.monthsBetween).toBe(0);
    expect(report.dimensions.find((d) => d.dimension === 'impact')).toMatchObject({
      change: 2,
      changePerQuarter: null,
      label: 'progress',
    });
  });

  it('prefers the exit over a review taken at the same moment, in any input order', () => {
    const report = progress(empowerment, [
      take('exit', '2026-09-01', allScores(empowerment, 7), { id: 'x' }),
      take('review', '2026-09-01', allScores(empowerment, 6), { id: 'r' }),
      take('baseline', '2026-01-01', base),
    ])!;
    expect(report.latest).toMatchObject({ id: 'x', kind: 'exit' });
    expect(report.total.change).toBe(3);
  });

  it('uses the instrument thresholds, and options override them', () => {
    const two = [take('baseline', '2026-01-01', base), take('review', '2026-04-01', { ...base, impact: 5 })];
    const strict = { ...empowerment, progressThreshold: 2, regressionThreshold: -2 };
    expect(progress(strict, two)!.dimensions.find((d) => d.dimension === 'impact')!.label).toBe('stagnation');
    expect(
      progress(strict, two, { thresholds: { progressThreshold: 1 } })!.dimensions.find(
        (d) => d.dimension === 'impact',
      )!.label,
    ).toBe('progress');
  });

  it('leaves a dimension missing from one measurement out of the total', () => {
    const withoutImpact: Record<string, number> = { ...base, competentie: 10 };
    delete withoutImpact.impact;
    const report = progress(empowerment, [
      take('baseline', '2026-01-01', base),
      take('review', '2026-04-01', withoutImpact),
    ])!;
    expect(report.dimensions.find((d) => d.dimension === 'impact')).toMatchObject({
      latest: null,
      label: null,
    });
    expect(report.total.change).toBeCloseTo(6 / 5, 12);
  });

  it("sets the participant's own view beside the coach's on the latest measurement", () => {
    const coach = { ...base, impact: 6 };
    const report = progress(empowerment, [
      take('baseline', '2026-01-01', base, { participantScores: allScores(empowerment, 9) }),
      take('review', '2026-04-01', coach, { participantScores: { ...coach, impact: 8, betekenis: 5 } }),
    ])!;
    expect(report.disagreement!.filter((d) => d.flagged)).toEqual([
      { dimension: 'impact', coach: 6, participant: 8, difference: 2, flagged: true },
    ]);
    expect(report.disagreement!.find((d) => d.dimension === 'betekenis')).toMatchObject({
      difference: 1,
      flagged: false,
    });
  });

  it('has no disagreement when the latest measurement has no participant scores', () => {
    const report = progress(empowerment, [
      take('baseline', '2026-01-01', base, { participantScores: base }),
      take('review', '2026-04-01', base, { participantScores: null }),
    ])!;
    expect(report.disagreement).toBeNull();
  });
});
