import { periodInvalid, periodTooLong } from './reports.errors';

const MAX_YEARS = 10;

/** Checks a from/to period of YYYY-MM-DD dates (already validated as dates). */
export function checkPeriod(from: string, to: string): void {
  if (to < from) throw periodInvalid();
  const limit = `${Number(from.slice(0, 4)) + MAX_YEARS}${from.slice(4)}`;
  if (to >= limit) throw periodTooLong(MAX_YEARS);
}

/** First and last day (YYYY-MM-DD) of a calendar quarter. */
export function quarterBounds(year: number, quarter: number): { from: string; to: string; next: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${pad(startMonth)}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
  const last = new Date(`${next}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return { from, to: last.toISOString().slice(0, 10), next };
}

/** A YYYY-MM-DD parameter's local midnight in Brussels, as SQL: quarters begin and end there. */
export const localMidnight = (param: string) => `(${param}::date::timestamp at time zone 'Europe/Brussels')`;
