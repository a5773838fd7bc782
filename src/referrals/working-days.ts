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

const brussels = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Brussels wall clock at a moment, as numbers. */
function brusselsClock(at: Date) {
  const part = Object.fromEntries(brussels.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return { y: part.year, mo: part.month, d: part.day, h: part.hour, mi: part.minute, s: part.second };
}

/** Brussels minus UTC at a moment, in ms (one or two hours). */
function brusselsOffsetMs(at: Date): number {
  const c = brusselsClock(at);
  return Date.UTC(c.y, c.mo - 1, c.d, c.h, c.mi, c.s) - (at.getTime() - at.getUTCMilliseconds());
}

/** The moment a Brussels wall-clock time names (a time skipped by the spring change lands an hour later). */
function fromBrusselsClock(wallAsUtcMs: number): Date {
  const first = wallAsUtcMs - brusselsOffsetMs(new Date(wallAsUtcMs));
  return new Date(wallAsUtcMs - brusselsOffsetMs(new Date(first)));
}

/**
 * The moment `days` working days (Monday to Friday, Belgian public holidays excluded) after `from`,
 * at the same Brussels time of day. Days are Brussels calendar days, as the SPOCs' offices count
 * them: a referral sent on Friday at 23:30 (or at 00:30 on Saturday, which is Friday in UTC)
 * counts from the Brussels day, and a due date never slides onto the next day across a change of
 * summer time. Started on a weekend or holiday, counting begins on the next working day.
 */
export function addWorkingDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  if (days === 0) return new Date(from.getTime());
  const c = brusselsClock(from);
  let day = new Date(Date.UTC(c.y, c.mo - 1, c.d));
  let left = days;
  while (left > 0) {
    day = new Date(day.getTime() + DAY_MS);
    if (!isWeekend(day) && !isHoliday(day)) left -= 1;
  }
  return fromBrusselsClock(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      c.h,
      c.mi,
      c.s,
      from.getUTCMilliseconds(),
    ),
  );
}
