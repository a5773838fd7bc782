import { Lang } from '../../common/i18n/lang';
import type { Sheet } from '../export/quarterly-sheets';
import { REPORT_LABELS_NL } from './labels.nl';
import { REPORT_PATTERNS_NL, REPORT_TEXTS_NL } from './texts.nl';

/** A report text (a definition) in `lang`; English, the source, when no translation of this exact text exists. */
export function reportText(en: string, lang: Lang): string {
  if (lang === 'en') return en;
  const exact = REPORT_TEXTS_NL.get(en);
  if (exact) return exact;
  for (const [pattern, nl] of REPORT_PATTERNS_NL) if (pattern.test(en)) return en.replace(pattern, nl);
  return en;
}

/** An export label (column, sheet name, row label) in `lang`; unknown labels stay as written. */
export function reportLabel(en: string, lang: Lang): string {
  return lang === 'en' ? en : (REPORT_LABELS_NL.get(en) ?? en);
}

/** A copy of a report with every `definition` text in `lang`, however deep it sits. */
export function localiseDefinitions<T>(report: T, lang: Lang): T {
  if (lang === 'en') return report;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          k === 'definition' && typeof x === 'string' ? reportText(x, lang) : walk(x),
        ]),
      );
    return v;
  };
  return walk(report) as T;
}

/**
 * Sheets in `lang`: the sheet name, the header row, and the label in the first column of the
 * other rows. Cells after the first are data and stay as they are.
 */
export function localiseSheets(sheets: Sheet[], lang: Lang): Sheet[] {
  if (lang === 'en') return sheets;
  const label = (c: unknown) => (typeof c === 'string' ? reportLabel(c, lang) : c);
  return sheets.map((s) => ({
    name: reportLabel(s.name, lang),
    rows: s.rows.map((row, n) =>
      n === 0
        ? row.map((c) => label(c) as Sheet['rows'][0][0])
        : row.map((c, i) => (i === 0 ? (label(c) as typeof c) : c)),
    ),
  }));
}
