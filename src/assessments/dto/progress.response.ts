import { AggregateSummary, ProgressAggregate } from '../../empowerment/aggregate';
import { ChangeSummary, ProgressReport } from '../../empowerment/progress';

/** Values are exact until here; what people read is rounded to two decimals (+ 0 turns -0 into 0). */
export const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100 + 0);

const change = (c: ChangeSummary) => ({
  baseline: round2(c.baseline),
  latest: round2(c.latest),
  change: round2(c.change),
  changePerQuarter: round2(c.changePerQuarter),
  label: c.label,
});

export function toProgressResponse(
  trajectoryId: string,
  instrument: { key: string; version: number },
  r: ProgressReport | null,
) {
  return {
    trajectoryId,
    instrument: { key: instrument.key, version: instrument.version },
    baseline: r ? { id: r.baseline.id ?? null, takenAt: r.baseline.takenAt.toISOString() } : null,
    latest: r?.latest
      ? { id: r.latest.id ?? null, kind: r.latest.kind, takenAt: r.latest.takenAt.toISOString() }
      : null,
    monthsBetween: round2(r?.monthsBetween ?? null),
    dimensions: (r?.dimensions ?? []).map((d) => ({ dimension: d.dimension, ...change(d) })),
    total: r ? change(r.total) : null,
    disagreement: r?.disagreement
      ? r.disagreement.map((d) => ({
          dimension: d.dimension,
          coach: d.coach,
          participant: d.participant,
          difference: d.difference,
          flagged: d.flagged,
        }))
      : null,
  };
}

const summary = (s: AggregateSummary) => ({
  n: s.n,
  meanChange: round2(s.meanChange),
  meanChangePerQuarter: round2(s.meanChangePerQuarter),
  labels: { progress: s.labels.progress, stagnation: s.labels.stagnation, regression: s.labels.regression },
});

export function toAggregateGroup(group: { id: string | null; name: string | null }, a: ProgressAggregate) {
  return {
    group: { id: group.id, name: group.name },
    trajectories: a.trajectories,
    baselineOnly: a.baselineOnly,
    dimensions: a.dimensions.map((d) => ({ dimension: d.dimension, ...summary(d) })),
    total: summary(a.total),
  };
}
