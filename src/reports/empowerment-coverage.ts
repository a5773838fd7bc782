import { InstrumentSpec, ScheduleSpec } from '../empowerment/instrument';
import { reviewDueSql } from '../empowerment/schedule.sql';
import { round, share } from './figures';
import { localMidnight } from './period';

// $1 = first day of the quarter, $2 = first day of the next one; $3 = the instrument key.
const START = localMidnight('$1');
const END = localMidnight('$2');
const ACTIVE = `t.partnership_id = app_tenant() and t.started_at < ${END} and (t.closed_at is null or t.closed_at >= ${START})`;

export const BASELINE_SQL = `
  select count(*)::int as active,
         count(*) filter (where t.guidance_started_at < ${END})::int as in_guidance,
         count(*) filter (where t.guidance_started_at < ${END} and exists (
           select 1 from assessments a where a.trajectory_id = t.id and a.instrument_key = $3
              and a.kind = 'baseline' and a.taken_at < ${END}))::int as with_baseline
    from trajectories t where ${ACTIVE}`;

/**
 * The readings of one measurement moment (perspective.ts: the baseline, or a review on one day in
 * Brussels) are one measurement: the participant's and the coach's readings do not owe two reviews.
 */
const MOMENT_DAY = `case when a.kind = 'baseline' then null else (a.taken_at at time zone 'Europe/Brussels')::date end`;

/**
 * Every baseline or review owes the next review $4 months later (schedule.sql.ts, as nextDue()).
 * It is met by the next baseline or review; on time when taken at or before the due moment. Only
 * obligations falling in the quarter and already past count, and only while the trajectory was
 * still open and had no exit assessment: then nothing is due. Assessments taken $4 + 1 months before
 * the quarter are the earliest that can owe one in it.
 */
export const REVIEWS_SQL = `
  with moments as (
    select a.trajectory_id, min(a.taken_at) as taken_at
      from assessments a
     where a.partnership_id = app_tenant() and a.instrument_key = $3 and a.kind in ('baseline', 'review')
       and a.taken_at >= ${START} - make_interval(months => $4::int + 1) and a.taken_at < ${END}
     group by a.trajectory_id, a.kind, ${MOMENT_DAY}
  ), periodic as (
    select m.trajectory_id, m.taken_at,
           lead(m.taken_at) over (partition by m.trajectory_id order by m.taken_at) as next_at
      from moments m
  ), owed as (
    select p.trajectory_id, p.next_at, ${reviewDueSql('p.taken_at', '$4::int')} as due_at
      from periodic p
     where exists (select 1 from assessments b where b.trajectory_id = p.trajectory_id
                     and b.instrument_key = $3 and b.kind = 'baseline' and b.taken_at <= p.taken_at)
  )
  select count(*)::int as due, count(*) filter (where o.next_at <= o.due_at)::int as on_time
    from owed o join trajectories t on t.id = o.trajectory_id
   where ${ACTIVE} and o.due_at >= ${START} and o.due_at < ${END} and o.due_at < app_now()
     and (t.closed_at is null or t.closed_at > o.due_at)
     and not exists (select 1 from assessments x where x.trajectory_id = o.trajectory_id
                       and x.instrument_key = $3 and x.kind = 'exit' and x.taken_at <= o.due_at)`;

/**
 * Reviews that fell due in an earlier quarter and are still not taken: they stay outstanding in every
 * later quarter until the next baseline, review or an exit assessment is taken, or the trajectory
 * closes. Per trajectory active in the quarter, the latest baseline or review before the quarter
 * start owes the next one; it is outstanding when that was due before the quarter start and nothing
 * met it by the quarter end (or by now, in the running quarter).
 */
export const OUTSTANDING_SQL = `
  with latest as (
    select distinct on (a.trajectory_id) a.trajectory_id, a.taken_at
      from assessments a join trajectories t on t.id = a.trajectory_id
     where ${ACTIVE} and a.instrument_key = $3 and a.kind in ('baseline', 'review') and a.taken_at < ${START}
     order by a.trajectory_id, a.taken_at desc, a.id desc
  )
  select count(*)::int as outstanding
    from latest l join trajectories t on t.id = l.trajectory_id
   where ${reviewDueSql('l.taken_at', '$4::int')} < ${START}
     and (t.closed_at is null or t.closed_at >= least(${END}, app_now()))
     and exists (select 1 from assessments b where b.trajectory_id = l.trajectory_id
                   and b.instrument_key = $3 and b.kind = 'baseline' and b.taken_at <= l.taken_at)
     and not exists (select 1 from assessments x where x.trajectory_id = l.trajectory_id
                       and x.instrument_key = $3 and x.taken_at > l.taken_at and x.taken_at < least(${END}, app_now()))`;

/**
 * As progress(): the first baseline against the latest review or exit (an exit first on the same
 * moment), both before the quarter end, each the agreed reading or else the participant's
 * (countedReadings in perspective.ts); the coach's reading alone never counts. One row without a dimension for the number of pairs, then
 * one per dimension in $4 with the trajectories scored on it in both and their mean change.
 */
export const DISTANCE_SQL = `
  with active as (select t.id from trajectories t where ${ACTIVE}),
  baseline as (
    select distinct on (a.trajectory_id) a.trajectory_id, a.scores
      from assessments a join active on active.id = a.trajectory_id
     where a.instrument_key = $3 and a.kind = 'baseline' and a.taken_at < ${END}
       and a.perspective in ('agreed', 'participant')
     order by a.trajectory_id, a.perspective = 'agreed' desc, a.taken_at, a.id
  ), latest as (
    select distinct on (a.trajectory_id) a.trajectory_id, a.scores
      from assessments a join active on active.id = a.trajectory_id
     where a.instrument_key = $3 and a.kind in ('review', 'exit') and a.taken_at < ${END}
       and a.perspective in ('agreed', 'participant')
     order by a.trajectory_id, (a.taken_at at time zone 'Europe/Brussels')::date desc, a.kind = 'exit' desc,
              a.perspective = 'agreed' desc, a.taken_at desc, a.id
  ), pairs as (
    select b.trajectory_id, b.scores as baseline, l.scores as latest
      from baseline b join latest l on l.trajectory_id = b.trajectory_id
  )
  select 0::bigint as i, null::text as dimension, count(*)::int as n, null::numeric as mean_change from pairs
  union all
  select d.i, d.key, count(p.trajectory_id)::int,
         avg((p.latest ->> d.key)::numeric - (p.baseline ->> d.key)::numeric)
    from unnest($4::text[]) with ordinality as d(key, i)
    left join pairs p on jsonb_typeof(p.baseline -> d.key) = 'number' and jsonb_typeof(p.latest -> d.key) = 'number'
   group by d.i, d.key
  order by i`;

export interface CoverageRows {
  baseline: { active: number; in_guidance: number; with_baseline: number };
  reviews: { due: number; on_time: number };
  outstanding: { outstanding: number };
  /** DISTANCE_SQL's rows: first the pairs' count (dimension null), then one per dimension. */
  distance: { dimension: string | null; n: number; mean_change: string | null }[];
}

/**
 * Empowerment coverage and distance travelled for one quarter, as aggregates over the trajectories
 * active in it. `instrument` is the version whose schedule and dimensions count (the newest, as on
 * the trajectories' calendars); `rows` are its queries' (QuarterlyRepository runs them as the tenant reader).
 */
export function empowermentCoverage(rows: CoverageRows, instrument: InstrumentSpec & ScheduleSpec) {
  const { key, version, reviewIntervalMonths } = instrument;
  const { baseline: b, reviews: r, outstanding: o } = rows;
  const [pairs, ...dims] = rows.distance;
  return {
    instrument: { key, version },
    activeTrajectories: b.active,
    baseline: {
      definition:
        'Trajectories active at some time in the quarter whose guidance (begeleiding) started before the quarter end, and of those the ones with a baseline assessment taken before the quarter end.',
      trajectories: b.in_guidance,
      withBaseline: b.with_baseline,
      share: share(b.with_baseline, b.in_guidance),
    },
    reviews: {
      definition: `Every baseline or review makes the next review due ${reviewIntervalMonths} calendar months later, as on the trajectory's calendar. A review belongs to the quarter in which it fell due. due: reviews due in the quarter (and already past) while the trajectory was open and had no exit assessment. onTime: the next baseline or review was taken at or before the due moment; late: the others (due - onTime), whether taken later or not at all. outstanding: reviews that fell due in an earlier quarter and are still not taken at the quarter end (or now): they stay outstanding in every later quarter until taken, until an exit assessment, or until the trajectory closes.`,
      intervalMonths: reviewIntervalMonths,
      due: r.due,
      onTime: r.on_time,
      late: r.due - r.on_time,
      outstanding: o.outstanding,
      share: share(r.on_time, r.due),
    },
    distanceTravelled: {
      definition:
        'Per component: the mean change from the baseline to the latest review or exit taken before the quarter end, over the trajectories active in the quarter that have both; n is the number of those trajectories scored on the component. Each measurement counts the reading agreed with the participant, or the participant\u2019s own where none was agreed; a reading by the coach alone is not counted.',
      trajectories: pairs.n,
      byComponent: Object.fromEntries(
        dims.map((d) => [
          d.dimension!,
          { n: d.n, meanChange: d.mean_change === null ? null : round(Number(d.mean_change), 2) },
        ]),
      ),
    },
  };
}

export type EmpowermentCoverage = ReturnType<typeof empowermentCoverage>;
