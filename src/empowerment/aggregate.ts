import { InstrumentSpec } from './instrument';
import { ChangeSummary, PROGRESS_LABELS, ProgressLabel, ProgressReport } from './progress';

export type LabelCounts = Record<ProgressLabel, number>;

export interface AggregateSummary {
  /** Trajectories that contributed a change. */
  n: number;
  meanChange: number | null;
  meanChangePerQuarter: number | null;
  labels: LabelCounts;
}

export interface ProgressAggregate {
  instrument: { key: string; version: number };
  /** Trajectories with a baseline and a follow-up. */
  trajectories: number;
  /** Trajectories with a baseline only: they count for coverage, not for distance travelled. */
  baselineOnly: number;
  dimensions: (AggregateSummary & { dimension: string })[];
  total: AggregateSummary;
}

const emptyCounts = (): LabelCounts => Object.fromEntries(PROGRESS_LABELS.map((l) => [l, 0])) as LabelCounts;

function summarise(items: ChangeSummary[]): AggregateSummary {
  const withChange = items.filter((i) => i.change !== null);
  const perQuarter = withChange.filter((i) => i.changePerQuarter !== null);
  const labels = emptyCounts();
  for (const i of withChange) if (i.label) labels[i.label]++;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  return {
    n: withChange.length,
    meanChange: mean(withChange.map((i) => i.change!)),
    meanChangePerQuarter: mean(perQuarter.map((i) => i.changePerQuarter!)),
    labels,
  };
}

/**
 * Distance travelled over many trajectories (a team, an organisation, the partnership), for the
 * reports: the mean change per dimension and in total, and how many trajectories got each label.
 * Reports of another instrument key are ignored; null reports (no baseline) are skipped. Reports of
 * other versions of the same key count for the dimensions they share with `instrument`.
 */
export function aggregateProgress(
  instrument: InstrumentSpec,
  reports: readonly (ProgressReport | null)[],
): ProgressAggregate {
  const mine = reports.filter((r): r is ProgressReport => r !== null && r.instrument.key === instrument.key);
  const followedUp = mine.filter((r) => r.latest !== null);
  return {
    instrument: { key: instrument.key, version: instrument.version },
    trajectories: followedUp.length,
    baselineOnly: mine.length - followedUp.length,
    dimensions: instrument.dimensions.map(({ key }) => ({
      dimension: key,
      ...summarise(followedUp.flatMap((r) => r.dimensions.filter((d) => d.dimension === key))),
    })),
    total: summarise(followedUp.map((r) => r.total)),
  };
}
