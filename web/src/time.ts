/**
 * Every time the app shows or takes is Brussels time, whatever the device's zone; the API speaks UTC (ISO 8601).
 * Pure functions on Intl, so they run the same in the browser and in the unit test (time.spec.ts).
 */
export const ZONE = 'Europe/Brussels';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall clock in Brussels at an instant, as numbers. */
function wallClock(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour % 24, mi: +p.minute, s: +p.second };
}

/** Brussels' offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(ms: number): number {
  const w = wallClock(ms);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of an <input type="datetime-local"> in Brussels time: `2026-03-29T10:15`. */
export function toBrusselsInput(iso: string | Date): string {
  const w = wallClock(new Date(iso).getTime());
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/**
 * A Brussels wall-clock time (`YYYY-MM-DDTHH:mm`) as an ISO instant in UTC. Around the change to summer time
 * a wall time that does not exist (02:30 on the last Sunday of March) moves forward an hour, as clocks do.
 */
export function fromBrusselsInput(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let ms = asUtc - brusselsOffsetMinutes(asUtc) * 60000;
  ms = asUtc - brusselsOffsetMinutes(ms) * 60000;
  return new Date(ms).toISOString();
}

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-BE');

/** A date and time for people, in Brussels: `6 dec 2026, 10:15`. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A date for people; a bare `YYYY-MM-DD` is a calendar day and is not shifted by a zone. */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '–';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: day ? 'UTC' : ZONE, dateStyle: 'medium' }).format(
    new Date(day ? `${value}T00:00:00Z` : value),
  );
}

/** Today's calendar day in Brussels, `YYYY-MM-DD`. */
export function brusselsToday(now = Date.now()): string {
  return toBrusselsInput(new Date(now)).slice(0, 10);
}
