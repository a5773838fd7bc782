import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { Perspective } from '../empowerment/perspective';
import { AssessmentKind } from '../empowerment/schedule';
import { baselineDueSql, reviewDueSql } from '../empowerment/schedule.sql';
import { Scores } from '../empowerment/scores';
import { GroupBy } from './dto/assessment.dto';
import { OverdueRow } from './dto/schedule.response';

export interface ScoreRow {
  trajectory_id: string;
  team_id: string | null;
  owner_organisation_id: string;
  kind: AssessmentKind;
  perspective: Perspective;
  taken_at: Date;
  scores: Scores;
}

/** The schedule of one instrument key, as the overdue query applies it. */
export interface InstrumentSchedule {
  key: string;
  baselineDueWeeks: number;
  reviewIntervalMonths: number;
}

export interface OverdueFilter {
  teamId?: string;
  caseManagerId?: string;
}

/**
 * Every assessment up to the end of the period, of the trajectories measured during it: distance
 * travelled as it stood at `to`, for the trajectories that were followed up in the period. Scores
 * and grouping keys only: no participant leaves this query.
 */
const PERIOD_SQL = `
  with measured as (
    select distinct a.trajectory_id from assessments a
     where a.partnership_id = app_tenant() and a.instrument_key = $1
       and a.taken_at >= cast($2 as date)::timestamp at time zone 'Europe/Brussels'
       and a.taken_at < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels')
  select a.trajectory_id, tr.team_id, tr.owner_organisation_id, a.kind, a.perspective, a.taken_at, a.scores
    from assessments a
    join measured m on m.trajectory_id = a.trajectory_id
    join trajectories tr on tr.id = a.trajectory_id
   where a.instrument_key = $1
     and a.taken_at < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels'`;

/**
 * The same rule as nextDue(), in SQL so a partnership's whole caseload is one query: per open
 * trajectory and instrument on its calendar, no exit yet; without a baseline it is due
 * baseline_due_weeks after guidance started, otherwise review_interval_months after the latest
 * baseline or review (schedule.sql.ts: calendar months in UTC, as in addMonths).
 * Late means app_now() is past the due moment.
 */
const OVERDUE_SQL = `
  with spec as (
    select * from unnest($1::text[], $2::int[], $3::int[]) as s(key, baseline_weeks, review_months)
  ),
  state as (
    select tr.id, tr.participant_id, tr.case_manager_id, tr.team_id, tr.guidance_started_at,
           s.key, s.baseline_weeks, s.review_months,
           max(a.taken_at) filter (where a.kind in ('baseline', 'review')) as last_periodic,
           coalesce(bool_or(a.kind = 'baseline'), false) as has_baseline,
           coalesce(bool_or(a.kind = 'exit'), false) as has_exit,
           count(a.id) as used
      from trajectories tr
      cross join spec s
      left join assessments a on a.trajectory_id = tr.id and a.instrument_key = s.key
     where tr.partnership_id = app_tenant() and tr.status <> 'afgesloten'
       and ($4::uuid is null or tr.team_id = $4::uuid)
       and ($5::uuid is null or tr.case_manager_id = $5::uuid)
     group by tr.id, s.key, s.baseline_weeks, s.review_months
  ),
  due as (
    select state.*,
           case when has_baseline then 'review' else 'baseline' end as kind,
           case when has_baseline
                then ${reviewDueSql('last_periodic', 'review_months')}
                else ${baselineDueSql('guidance_started_at', 'baseline_weeks')} end as due_at
      from state
     where not has_exit and (key = any($6::text[]) or used > 0)
  )
  select id as trajectory_id, participant_id, case_manager_id, team_id, key as instrument, kind, due_at,
         (count(*) over ())::int as total
    from due
   where due_at < app_now()
   order by due_at, id, key
   limit $7 offset $8`;

const SCHEDULES: InstrumentSchedule[] = [
  { key: 'empowerment', baselineDueWeeks: 6, reviewIntervalMonths: 3 },
];

/**
 * The assessment queries that span a partnership's trajectories: distance travelled per group and what is
 * overdue. They join trajectories (and read group names) in the same statement or the same tenant-reader
 * window, as one report query: splitting them per module would cost a round trip per group.
 */
@Injectable()
export class AssessmentReportsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** As the tenant reader: the period's scores (PERIOD_SQL) and the names of the groups they fall in. */
  @GenerateSql(
    { name: 'team', params: ['empowerment', '2026-01-01', '2026-03-31', 'team'] },
    { name: 'partnership', params: ['empowerment', '2026-01-01', '2026-03-31', 'partnership'] },
  )
  periodScores(
    instrumentKey: string,
    from: string,
    to: string,
    groupBy: GroupBy,
  ): Promise<{ rows: ScoreRow[]; names: Map<string, string> }> {
    return this.db.asTenantReader(async (m) => ({
      rows: (await m.query(PERIOD_SQL, [instrumentKey, from, to])) as ScoreRow[],
      names: await groupNames(m, groupBy),
    }));
  }

  /**
   * One page of what is late, with `total` on every row. Partnership-wide reads run as the tenant
   * reader (coordinators); otherwise the caller's own RLS applies.
   */
  @GenerateSql(
    {
      name: 'caseload',
      params: [
        SCHEDULES,
        ['empowerment'],
        { caseManagerId: '00000000-0000-4000-8000-000000000001' },
        20,
        0,
        false,
      ],
    },
    { name: 'partnership', params: [SCHEDULES, ['empowerment'], {}, 20, 0, true] },
  )
  overdue(
    schedules: readonly InstrumentSchedule[],
    alwaysDue: readonly string[],
    filter: OverdueFilter,
    limit: number,
    offset: number,
    partnershipWide: boolean,
  ): Promise<(OverdueRow & { total: number })[]> {
    const params = [
      schedules.map((s) => s.key),
      schedules.map((s) => s.baselineDueWeeks),
      schedules.map((s) => s.reviewIntervalMonths),
      filter.teamId ?? null,
      filter.caseManagerId ?? null,
      [...alwaysDue],
      limit,
      offset,
    ];
    const run = (m: EntityManager): Promise<(OverdueRow & { total: number })[]> =>
      m.query(OVERDUE_SQL, params);
    return partnershipWide ? this.db.asTenantReader(run) : run(this.db.manager);
  }
}

async function groupNames(m: EntityManager, groupBy: GroupBy): Promise<Map<string, string>> {
  const table = { team: 'teams', organisation: 'organisations', partnership: 'partnerships' }[groupBy];
  const where = groupBy === 'partnership' ? 'id = app_tenant()' : 'partnership_id = app_tenant()';
  const rows: { id: string; name: string }[] = await m.query(`select id, name from ${table} where ${where}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
