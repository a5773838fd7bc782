import { InstrumentSpec, ThresholdSpec } from './instrument';
import { DatedAssessment } from './schedule';
import { DimensionDisagreement, disagreement, DISAGREEMENT_GAP, Scores } from './scores';

export const PROGRESS_LABELS = ['progress', 'stagnation', 'regression'] as const;
export type ProgressLabel = (typeof PROGRESS_LABELS)[number];

export interface ScoredAssessment extends DatedAssessment {
  id?: string;
  scores: Scores;
  participantScores?: Scores | null;
}

export interface ChangeSummary {
  baseline: number | null;
  /** null while there is no follow-up measurement (or the dimension was not scored). */
  latest: number | null;
  change: number | null;
  /** change ÷ months between × 3; null when no time passed. */
  changePerQuarter: number | null;
  label: ProgressLabel | null;
}

export interface DimensionProgress extends ChangeSummary {
  dimension: string;
}

export interface ProgressReport {
  instrument: { key: string; version: number };
  baseline: { id?: string; takenAt: Date };
  /** The most recent follow-up (review or exit); null with a baseline only. */
  latest: { id?: string; kind: ScoredAssessment['kind']; takenAt: Date } | null;
  monthsBetween: number | null;
  dimensions: DimensionProgress[];
  /** The mean over the dimensions scored in both measurements. */
  total: ChangeSummary;
  /** Participant versus coach on the latest measurement, when the participant scored it too. */
  disagreement: DimensionDisagreement[] | null;
}

export interface ProgressOptions {
  /** Overrides the instrument's thresholds, e.g. for a report with stricter labels. */
  thresholds?: Partial<ThresholdSpec>;
  disagreementGap?: number;
}

/** The average Gregorian month, so a quarter of elapsed time counts the same in every season. */
export const DAYS_PER_MONTH = 365.2425 / 12;
const MONTH_MS = DAYS_PER_MONTH * 24 * 3600 * 1000;
/** A change that equals a threshold up to binary rounding (0.29999999999999993 for 0.3) reaches it. */
const EPSILON = 1e-9;

/** ≥ progress threshold: progress; ≤ regression threshold: regression; anything between: stagnation. */
export function labelChange(change: number, t: ThresholdSpec): ProgressLabel {
  if (change >= t.progressThreshold - EPSILON) return 'progress';
  if (change <= t.regressionThreshold + EPSILON) return 'regression';
  return 'stagnation';
}

export const monthsBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / MONTH_MS;

const KIND_ORDER: Record<ScoredAssessment['kind'], number> = { baseline: 0, review: 1, exit: 2 };

const perQuarter = (change: number, months: number | null) =>
  months !== null && months > 0 ? (change / months) * 3 : null;

function summarise(
  baseline: number | null,
  latest: number | null,
  months: number | null,
  t: ThresholdSpec,
): ChangeSummary {
  if (baseline === null || latest === null) {
    return { baseline, latest, change: null, changePerQuarter: null, label: null };
  }
  const change = latest - baseline;
  return {
    baseline,
    latest,
    change,
    changePerQuarter: perQuarter(change, months),
    label: labelChange(change, t),
  };
}

/**
 * The mean over the dimensions scored in both measurements. Sums first and one division last:
 * (Σlatest − Σbaseline) / n is the correctly rounded mean change, so a mean change of exactly 1
 * is 1 and not 0.9999999999999996.
 */
function totalOf(dimensions: DimensionProgress[], months: number | null, t: ThresholdSpec): ChangeSummary {
  const both = dimensions.filter((d) => d.change !== null);
  if (!both.length) {
    const scored = dimensions.filter((d) => d.baseline !== null);
    const baseline = scored.length ? scored.reduce((s, d) => s + d.baseline!, 0) / scored.length : null;
    return { baseline, latest: null, change: null, changePerQuarter: null, label: null };
  }
  const sumBaseline = both.reduce((s, d) => s + d.baseline!, 0);
  const sumLatest = both.reduce((s, d) => s + d.latest!, 0);
  const change = (sumLatest - sumBaseline) / both.length;
  return {
    baseline: sumBaseline / both.length,
    latest: sumLatest / both.length,
    change,
    changePerQuarter: perQuarter(change, months),
    label: labelChange(change, t),
  };
}

const scoreOf = (s: Scores | undefined, key: string) =>
  s && typeof s[key] === 'number' && Number.isFinite(s[key]) ? s[key] : null;

/**
 * Distance travelled with one instrument: the baseline against the latest follow-up, per dimension
 * and as the mean over the dimensions. Returns null without a baseline. Pass the assessments of one
 * trajectory scored with this instrument; values are exact (round them when you show them).
 */
export function progress(
  instrument: InstrumentSpec & ThresholdSpec,
  assessments: readonly ScoredAssessment[],
  options: ProgressOptions = {},
): ProgressReport | null {
  const thresholds: ThresholdSpec = {
    progressThreshold: options.thresholds?.progressThreshold ?? instrument.progressThreshold,
    regressionThreshold: options.thresholds?.regressionThreshold ?? instrument.regressionThreshold,
  };
  // Latest first; on the same moment an exit outranks a review, which outranks the baseline.
  const ordered = [...assessments].sort(
    (a, b) => b.takenAt.getTime() - a.takenAt.getTime() || KIND_ORDER[b.kind] - KIND_ORDER[a.kind],
  );
  // One baseline per trajectory is the rule; should there be more, the first one counts.
  const baseline = ordered.filter((a) => a.kind === 'baseline').at(-1);
  if (!baseline) return null;
  const followUp = ordered.find((a) => a.kind !== 'baseline') ?? null;
  const months = followUp ? monthsBetween(baseline.takenAt, followUp.takenAt) : null;
  const dimensions = instrument.dimensions.map(({ key }) => ({
    dimension: key,
    ...summarise(
      scoreOf(baseline.scores, key),
      followUp ? scoreOf(followUp.scores, key) : null,
      months,
      thresholds,
    ),
  }));
  const latest = followUp ?? baseline;
  return {
    instrument: { key: instrument.key, version: instrument.version },
    baseline: { id: baseline.id, takenAt: baseline.takenAt },
    latest: followUp ? { id: followUp.id, kind: followUp.kind, takenAt: followUp.takenAt } : null,
    monthsBetween: months,
    dimensions,
    total: totalOf(dimensions, months, thresholds),
    disagreement: latest.participantScores
      ? disagreement(
          instrument,
          latest.scores,
          latest.participantScores,
          options.disagreementGap ?? DISAGREEMENT_GAP,
        )
      : null,
  };
}
