const DAY_MS = 86400_000;
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Easter Sunday (Gregorian, the anonymous algorithm) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();

/**
 * The ten Belgian legal public holidays of a year (YYYY-MM-DD): New Year, Easter Monday, Labour Day,
 * Ascension, Whit Monday, National Day, Assumption, All Saints, Armistice and Christmas. Offices of
 * VDAB and OCMW are closed on them, so a referral's working days skip them.
 */
export function belgianPublicHolidays(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    const easter = new Date(`${easterSunday(year)}T00:00:00Z`).getTime();
    const afterEaster = (n: number) => new Date(easter + n * DAY_MS).toISOString().slice(0, 10);
    days = new Set([
      `${year}-01-01`,
      afterEaster(1),
      `${year}-05-01`,
      afterEaster(39),
      afterEaster(50),
      `${year}-07-21`,
      `${year}-08-15`,
      `${year}-11-01`,
      `${year}-11-11`,
      `${year}-12-25`,
    ]);
    holidayCache.set(year, days);
  }
  return days;
}

const isHoliday = (d: Date) => belgianPublicHolidays(d.getUTCFullYear()).has(d.toISOString().slice(0, 10));

/**
 * The moment `days` working days (Monday to Friday, Belgian public holidays excluded) after `from`,
 * at the same time of day. Started on a weekend or holiday, counting begins on the next working day.
 * Days are calendar days in UTC; a moment within an hour or two of midnight may fall on the
 * neighbouring Brussels day.
 */
export function addWorkingDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at = new Date(at.getTime() + DAY_MS);
    if (!isWeekend(at) && !isHoliday(at)) left -= 1;
  }
  return at;
}
