import { localDate } from '../common/validation/dates';
import { DatedAssessment } from './schedule';

/** Whose reading an assessment is: the participant's own, the coach's, or the one they agreed on. */
export const PERSPECTIVES = ['participant', 'coach', 'agreed'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
/** What an assessment without a perspective is: the reading scored together, as before issue 16. */
export const DEFAULT_PERSPECTIVE: Perspective = 'agreed';

export interface PerspectiveReading extends DatedAssessment {
  perspective: Perspective;
}

/**
 * One measurement moment: the baseline (one per perspective, whatever its date), or a review or exit
 * on one day in Brussels. Readings of the same moment are one measurement seen from several sides.
 */
export const momentOf = (a: DatedAssessment) =>
  a.kind === 'baseline' ? 'baseline' : `${a.kind}|${localDate(a.takenAt)}`;

const RANK: Record<Perspective, number> = { agreed: 0, participant: 1, coach: 2 };

/**
 * The readings that count for progress: per measurement moment the agreed reading, or the
 * participant's where none was agreed. A moment with only the coach's reading does not count
 * ("niets over de klant zonder de klant"). Order is kept; on a tie the earlier one wins.
 */
export function countedReadings<T extends PerspectiveReading>(readings: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const r of readings) {
    if (r.perspective === 'coach') continue;
    const key = momentOf(r);
    const held = best.get(key);
    if (!held || RANK[r.perspective] < RANK[held.perspective]) best.set(key, r);
  }
  const kept = new Set(best.values());
  return readings.filter((r) => kept.has(r));
}

/**
 * For the star: each picked reading together with the other perspectives of its moment, coach
 * first, then participant, then agreed. When that is more than `max` series, the agreed readings of
 * moments that show both the participant and the coach give way: the two voices are the point.
 */
export function withOtherPerspectives<T extends PerspectiveReading & { id: string }>(
  picked: readonly T[],
  history: readonly T[],
  max: number,
): T[] {
  const moments = [...new Set(picked.map(momentOf))];
  const byMoment = moments.map((m) => {
    const all = history.filter((h) => momentOf(h) === m);
    // Per perspective the reading picked, else the latest of that perspective on the moment.
    const one = (p: Perspective) =>
      picked.find((x) => momentOf(x) === m && x.perspective === p) ??
      all.filter((h) => h.perspective === p).at(-1);
    return (['coach', 'participant', 'agreed'] as const).map(one).filter((x): x is T => x !== undefined);
  });
  let series = byMoment.flat();
  if (series.length > max) {
    series = byMoment.flatMap((list) => {
      const both =
        list.some((x) => x.perspective === 'coach') && list.some((x) => x.perspective === 'participant');
      return both ? list.filter((x) => x.perspective !== 'agreed') : list;
    });
  }
  return series;
}
