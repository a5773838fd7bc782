import { parseInsz } from '../common/validation/insz';
import { normaliseName } from '../common/validation/names';

export const SIGNAL_CATEGORIES = [
  'housing',
  'debt',
  'language',
  'mobility',
  'childcare',
  'regulation',
  'other',
] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** What replaces a participant's name that the author may not know of (see SignalsService). */
export const NAME_PLACEHOLDER = '[naam]';

/**
 * True when the text holds a valid INSZ: 11 digits, with or without separators (space, dot, dash,
 * slash) between them, whose check digits hold (with or without the 2000 prefix). A longer run of
 * digits (an account number) is refused when any 11 consecutive digits of it form one: erring on the
 * side of "no personal data".
 */
export function containsInsz(text: string): boolean {
  for (const run of text.match(/\d(?:[\s./-]?\d)*/g) ?? []) {
    const digits = run.replace(/\D/g, '');
    for (let i = 0; i + 11 <= digits.length; i++) if (parseInsz(digits.slice(i, i + 11))) return true;
  }
  return false;
}

interface Token {
  start: number;
  end: number;
  norm: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}'’`-]+/gu)) {
    const norm = normaliseName(m[0]);
    if (norm) out.push({ start: m.index, end: m.index + m[0].length, norm });
  }
  return out;
}

/**
 * The text as the name search sees it: each word normalised as names are (lower case, no
 * diacritics, no apostrophes), single spaces, with a space before and after, so that a name is
 * found as ` first last ` and never inside a longer word.
 */
export function nameSearchText(text: string): string {
  return ` ${tokens(text)
    .map((t) => t.norm)
    .join(' ')} `;
}

/** Both orders of a participant's normalised name parts, as words; with b empty, a alone. */
const orders = (a: string, b: string) =>
  b ? [`${a} ${b}`.split(' '), `${b} ${a}`.split(' ')] : a ? [a.split(' ')] : [];

/**
 * Replaces each occurrence of the given names (normalised first and last name, in either order) with
 * the placeholder. Names are matched word by word, as nameSearchText() found them.
 */
export function redactNames(text: string, names: { a: string; b: string }[]): string {
  const words = tokens(text);
  const spans: { start: number; end: number }[] = [];
  let i = 0;
  while (i < words.length) {
    const at = i;
    const hit = names
      .flatMap(({ a, b }) => orders(a, b))
      .find((name) => at + name.length <= words.length && name.every((w, k) => words[at + k].norm === w));
    if (hit) {
      spans.push({ start: words[i].start, end: words[i + hit.length - 1].end });
      i += hit.length;
    } else i++;
  }
  let out = text;
  for (const s of spans.reverse()) out = `${out.slice(0, s.start)}${NAME_PLACEHOLDER}${out.slice(s.end)}`;
  return out;
}
