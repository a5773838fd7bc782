import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The languages people read the CRM in: Dutch by default, English on request. */
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

/** The time zone of every time shown to people (agendas, exports); the API itself speaks UTC. */
export const DISPLAY_TIME_ZONE = 'Europe/Brussels';

/**
 * The best supported language of an Accept-Language header (RFC 9110 §12.5.4): the highest
 * q-value wins, ties keep the header's order, `en-GB` counts as `en`; nothing usable gives Dutch.
 */
export function langFrom(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | null = null;
  for (const part of value.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang =
      primary === '*'
        ? DEFAULT_LANG
        : (LANGS as readonly string[]).includes(primary)
          ? (primary as Lang)
          : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}

/** The request's language, from its Accept-Language header. */
export const RequestLang = createParamDecorator((_data: unknown, ctx: ExecutionContext): Lang => {
  const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  return langFrom(req.headers['accept-language']);
});

/** A text in every language; `en` is the source the code is written in. */
export type Texts = Record<Lang, string>;

/** Picks the text of `lang` from a dictionary of texts by key, falling back to English, then the key. */
export function translate<K extends string>(
  dict: Partial<Record<K, Partial<Texts>>>,
  key: K,
  lang: Lang,
): string {
  const entry = dict[key];
  return entry?.[lang] ?? entry?.en ?? key;
}

/**
 * A date-time as people in Brussels read it: `2026-12-03 13:30` plus the zone's abbreviation
 * and the zone in words, never the UTC instant.
 */
export function formatLocalDateTime(at: Date | string, lang: Lang): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: DISPLAY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const zone = lang === 'nl' ? 'Brusselse tijd' : 'Brussels time';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${zone})`;
}

/** The local (Brussels) calendar date of an instant, YYYY-MM-DD. */
export function localDateOf(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE }).format(d);
}
