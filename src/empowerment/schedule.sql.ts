/**
 * nextDue()'s due moments as SQL expressions, for the queries that apply the schedule to a whole
 * caseload (overdue lists, the quarterly report, data quality). Pass column names or parameters;
 * each expression is a timestamptz. Late means the moment is past: `due < now`, never `<=`.
 */

/** A baseline is due `weeks` after guidance started; null while guidance has not started. */
export const baselineDueSql = (guidanceStartedAt: string, weeks: string) =>
  `(${guidanceStartedAt} + make_interval(weeks => ${weeks}))`;

/**
 * A review is due `months` calendar months (in UTC) after the latest baseline or review. Postgres
 * puts a day the target month lacks on its last day, as addMonths() does (31 January + 1 = 28/29 February).
 */
export const reviewDueSql = (countedFrom: string, months: string) =>
  `(((${countedFrom}) at time zone 'UTC') + make_interval(months => ${months})) at time zone 'UTC'`;
