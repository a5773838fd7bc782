import { Language } from '../empowerment/instrument';
import { Perspective } from '../empowerment/perspective';
import { AssessmentKind } from '../empowerment/schedule';

export interface Comparable {
  id: string;
  kind: AssessmentKind;
  takenAt: Date;
}

export type CompareProblem = { problem: 'no_baseline' } | { problem: 'unknown_id'; id: string };

/**
 * Picks the assessments a star compares: `baseline`, `latest` (the most recent of any kind) or an
 * assessment id, from one trajectory's history with one instrument. Duplicates collapse (with a
 * baseline only, "baseline,latest" is one shape); the result is oldest first, as the star draws it.
 */
export function pickSeries<T extends Comparable>(
  history: readonly T[],
  compare: readonly string[],
): T[] | CompareProblem {
  const newestFirst = [...history].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const picked = new Map<string, T>();
  for (const item of compare) {
    let found: T | undefined;
    if (item === 'baseline') {
      found = history.find((a) => a.kind === 'baseline');
      if (!found) return { problem: 'no_baseline' };
    } else if (item === 'latest') {
      found = newestFirst[0];
      if (!found) return { problem: 'no_baseline' };
    } else {
      found = history.find((a) => a.id.toLowerCase() === item.toLowerCase());
      if (!found) return { problem: 'unknown_id', id: item };
    }
    picked.set(found.id, found);
  }
  return [...picked.values()].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

const KIND_LABELS: Record<Language, Record<AssessmentKind, string>> = {
  nl: { baseline: 'Nulmeting', review: 'Opvolgmeting', exit: 'Eindmeting' },
  en: { baseline: 'Baseline', review: 'Review', exit: 'Exit' },
};

const PERSPECTIVE_LABELS: Record<Language, Record<Perspective, string>> = {
  nl: { participant: 'deelnemer', coach: 'coach', agreed: 'samen' },
  en: { participant: 'participant', coach: 'coach', agreed: 'agreed' },
};

/**
 * The legend line for one assessment: its kind in the reader's language and its date in Brussels,
 * and whose reading it is when that is not the agreed one.
 */
export function legendLabel(
  kind: AssessmentKind,
  localDate: string,
  lang: Language,
  perspective: Perspective = 'agreed',
): string {
  const whose = perspective === 'agreed' ? '' : ` (${PERSPECTIVE_LABELS[lang][perspective]})`;
  return `${KIND_LABELS[lang][kind]} ${localDate}${whose}`;
}
