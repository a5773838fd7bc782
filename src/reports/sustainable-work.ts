import { SUSTAINABLE_MONTHS, WORK_KINDS } from '../placements/placement-rules';
import { share } from './figures';
import { localMidnight } from './period';

// $1 = first day of the quarter, $2 = first day of the next one (local midnights in Brussels).
const START = localMidnight('$1');
const END = localMidnight('$2');
const KINDS = WORK_KINDS.map((k) => `'${k}'`).join(', ');
const LASTED = `(pl.end_date is null or pl.end_date >= pl.start_date + interval '${SUSTAINABLE_MONTHS} months')`;

/**
 * Per exit to work in the quarter, the placement that judges it: the one the exit names (exit =
 * true), else any paid work of the trajectory that had started by the exit day and not ended before
 * it (exits closed before placements were recorded, or by an old client), the longest-lasting first.
 */
export const SUSTAINABLE_WORK_SQL = `
  with exits as (
    select t.id, (t.closed_at at time zone 'Europe/Brussels')::date as exit_date
      from trajectories t
     where t.partnership_id = app_tenant() and t.outcome = 'work'
       and t.closed_at >= ${START} and t.closed_at < ${END}
  )
  select count(*)::int as exits,
         count(pl.id)::int as with_placement,
         count(pl.id) filter (where ${LASTED})::int as sustainable
    from exits e
    left join lateral (
      select p.id, p.start_date, p.end_date from placements p
       where p.trajectory_id = e.id
         and (p.exit or (p.kind in (${KINDS}) and p.start_date <= e.exit_date
                         and (p.end_date is null or p.end_date >= e.exit_date)))
       order by p.exit desc, p.end_date desc nulls first
       limit 1
    ) pl on true`;

export interface SustainableWorkRow {
  exits: number;
  with_placement: number;
  sustainable: number;
}

/**
 * Issue 16: exits to work that lasted, as the agreement notes that a job is not always sustainable.
 * `row` is SUSTAINABLE_WORK_SQL's (QuarterlyRepository runs it).
 */
export function sustainableWork(row: SustainableWorkRow) {
  return {
    definition:
      `Exits with outcome work in the quarter whose work lasted at least ${SUSTAINABLE_MONTHS} months without interruption: ` +
      `the placement the exit names (or else a job or art. 60 placement of the trajectory that had started by the exit day and not ended before it) ` +
      `is a job or twe_art60 placement with start <= exit and no end date, or an end date >= start + ${SUSTAINABLE_MONTHS} months. ` +
      `Measured on the placements as recorded when the report runs (the quarter's figure as of the report's end date): ` +
      `an end date recorded later lowers it when the report is run again. Exits to work without a placement cannot be shown to be sustainable and are counted apart.`,
    exitsToWork: row.exits,
    withPlacement: row.with_placement,
    withoutPlacement: row.exits - row.with_placement,
    sustainable: row.sustainable,
    shareOfExitsToWork: share(row.sustainable, row.exits),
  };
}
