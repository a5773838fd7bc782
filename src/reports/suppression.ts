import { GENDERS, ReportGender } from './esf-indicators';

/** The smallest count a special-category cell may show (REPORT_MIN_CELL); smaller counts are suppressed. */
export const DEFAULT_MIN_CELL = 5;

type Cell = ReportGender | 'total';
export type Counts = Record<Cell, number>;
export type SuppressedCounts = Record<Cell, number | null>;

export interface Suppression {
  reason: 'SMALL_CELL' | 'PERIOD_SHORTER_THAN_QUARTER';
  minCell: number;
  /** The cells shown as null. */
  cells: Cell[];
  detail: string;
}

/** True when the period from..to (inclusive local dates) spans at least one full quarter: three calendar months. */
export function spansAQuarter(from: string, to: string): boolean {
  const [y, m, d] = from.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + 3, d));
  // Clamp 31 November to 30 November and the like: adding months must not spill into the next month.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return to >= end.toISOString().slice(0, 10);
}

/**
 * Small-cell suppression of one row of female/male/nonbinary/total, with complementary suppression:
 * every count from 1 to minCell-1 is suppressed (primary); then, while exactly one cell of the
 * additive row female + male + nonbinary = total is hidden, it could be computed back from the
 * others, so the next smallest visible cell is hidden too (a gender cell first, then the total).
 * A zero is shown: it tells nothing about a person that the row does not.
 */
export function suppressRow(value: Counts, minCell: number): { value: SuppressedCounts; cells: Cell[] } {
  const hidden = new Set<Cell>();
  for (const c of [...GENDERS, 'total'] as Cell[]) if (value[c] > 0 && value[c] < minCell) hidden.add(c);
  if (hidden.size === 1) {
    const visibleGenders = GENDERS.filter((g) => !hidden.has(g)).sort(
      // The smallest non-zero count first; zeros only when nothing else is left.
      (a, b) => (value[a] === 0 ? 1 : 0) - (value[b] === 0 ? 1 : 0) || value[a] - value[b],
    );
    hidden.add(visibleGenders[0] ?? 'total');
  }
  const out = { ...value } as SuppressedCounts;
  for (const c of hidden) out[c] = null;
  return { value: out, cells: [...GENDERS, 'total'].filter((c) => hidden.has(c as Cell)) as Cell[] };
}

/** The rule in words, for the indicator's definition. */
export const suppressionRule = (minCell: number) =>
  `Special category: reported only for periods of at least one quarter (shorter periods give null), and counts below ${minCell} are suppressed (null), together with the next smallest cell so that no suppressed count can be computed from the total.`;

export interface SpecialCategoryFigures {
  value: Counts | SuppressedCounts | null;
  unknown?: Counts | null;
}

/**
 * Applies the special-category rules to one indicator's figures. Periods shorter than a quarter
 * give null figures with the reason; otherwise small cells are suppressed as above.
 */
export function suppressSpecialCategory<T extends SpecialCategoryFigures>(
  indicator: T & { value: Counts },
  period: { from: string; to: string },
  minCell: number,
): Omit<T, 'value' | 'unknown'> & {
  value: SuppressedCounts | null;
  unknown?: Counts | null;
  suppression: Suppression | null;
} {
  if (!spansAQuarter(period.from, period.to))
    return {
      ...indicator,
      value: null,
      ...('unknown' in indicator ? { unknown: null } : {}),
      suppression: {
        reason: 'PERIOD_SHORTER_THAN_QUARTER',
        minCell,
        cells: [...GENDERS, 'total'],
        detail: 'Special-category figures are only reported for periods of at least one quarter.',
      },
    };
  const { value, cells } = suppressRow(indicator.value, minCell);
  return {
    ...indicator,
    value,
    suppression: cells.length
      ? {
          reason: 'SMALL_CELL',
          minCell,
          cells,
          detail: `Counts below ${minCell} are suppressed, with the next smallest cell, so that none can be computed back.`,
        }
      : null,
  };
}
