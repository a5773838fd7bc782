import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { InstrumentSpec, ScheduleSpec } from '../empowerment/instrument';
import { PLACES_SQL, PlaceRow } from './contact-places';
import {
  BASELINE_SQL,
  CoverageRows,
  DISTANCE_SQL,
  OUTSTANDING_SQL,
  REVIEWS_SQL,
} from './empowerment-coverage';
import {
  FEEDBACK_COUNTS_SQL,
  FEEDBACK_TEXTS_MIN_RESPONSES,
  FEEDBACK_TEXTS_SQL,
  FeedbackCountRow,
  FeedbackTextRow,
  feedbackResponses,
} from './participant-feedback';
import { localMidnight } from './period';
import { SUSTAINABLE_WORK_SQL, SustainableWorkRow } from './sustainable-work';

// $1 = first day, $2 = first day of the next quarter; local midnights in Brussels.
const START = localMidnight('$1');
const END = localMidnight('$2');
const activeAt = (at: string) => `t.started_at < ${at} and (t.closed_at is null or t.closed_at >= ${at})`;
const ACTIVE_AT_END = activeAt(END);

export interface TurnaroundRow {
  target: string;
  milestone: 'decision' | 'completion';
  referrals: number;
  accepted: number | null;
  rejected: number | null;
  median_days: number | null;
  p90_days: number | null;
}

/** One row per grouping: the whole partnership, an organisation, or a referral channel. */
export interface WorkRow {
  by: 'all' | 'organisation' | 'channel';
  organisation_id: string | null;
  organisation_name: string | null;
  referral_channel: string | null;
  reached: number;
  reached_year: number;
  to_work: number;
  to_work_year: number;
}

/**
 * The work target's figures for the quarter and for the project year up to the quarter's end
 * ($1 = 1 January, $2 = first day of the quarter, $3 = first day of the next one). Reached: distinct
 * participants with a sign-up (a trajectory started); to work: trajectories closed with outcome work,
 * as they happened. Both belong to the organisation and referral channel of their own trajectory.
 */
const WORK_SQL = `
  with events as (
    select 'reached' as kind, t.participant_id, t.owner_organisation_id, t.referral_channel,
           t.started_at >= ${localMidnight('$2')} as in_quarter
      from trajectories t
     where t.partnership_id = app_tenant() and t.started_at >= ${localMidnight('$1')} and t.started_at < ${localMidnight('$3')}
    union all
    select 'work', t.participant_id, t.owner_organisation_id, t.referral_channel, t.closed_at >= ${localMidnight('$2')}
      from trajectories t
     where t.partnership_id = app_tenant() and t.closed_at >= ${localMidnight('$1')} and t.closed_at < ${localMidnight('$3')}
       and t.outcome = 'work'
  ), grouped as (
    select case when grouping(e.owner_organisation_id) = 0 then 'organisation'
                when grouping(e.referral_channel) = 0 then 'channel' else 'all' end as by,
           e.owner_organisation_id as organisation_id, e.referral_channel,
           count(distinct e.participant_id) filter (where e.kind = 'reached' and e.in_quarter)::int as reached,
           count(distinct e.participant_id) filter (where e.kind = 'reached')::int as reached_year,
           count(*) filter (where e.kind = 'work' and e.in_quarter)::int as to_work,
           count(*) filter (where e.kind = 'work')::int as to_work_year
      from events e
     group by grouping sets ((), (e.owner_organisation_id), (e.referral_channel))
  )
  select g.*, o.name as organisation_name
    from grouped g left join organisations o on o.id = g.organisation_id
   order by g.by, o.name, g.referral_channel`;

/** One row per persona of the partnership, and one (persona_id null) for trajectories without one. */
export interface PersonaRow {
  persona_id: string | null;
  name: string | null;
  reached: number;
  reached_year: number;
  exits: number;
  exits_year: number;
  to_work: number;
  to_work_year: number;
}

/**
 * Reach, exits and exits to work per persona of the trajectory itself, as WORK_SQL counts them
 * (same parameters). Every persona is listed, with zeros when it has no figures.
 */
const PERSONA_SQL = `
  with events as (
    select 'reached' as kind, t.participant_id, t.persona_id, t.started_at >= ${localMidnight('$2')} as in_quarter,
           null::text as outcome
      from trajectories t
     where t.partnership_id = app_tenant() and t.started_at >= ${localMidnight('$1')} and t.started_at < ${localMidnight('$3')}
    union all
    select 'exit', t.participant_id, t.persona_id, t.closed_at >= ${localMidnight('$2')}, t.outcome
      from trajectories t
     where t.partnership_id = app_tenant() and t.closed_at >= ${localMidnight('$1')} and t.closed_at < ${localMidnight('$3')}
  ), grouped as (
    select e.persona_id,
           count(distinct e.participant_id) filter (where e.kind = 'reached' and e.in_quarter)::int as reached,
           count(distinct e.participant_id) filter (where e.kind = 'reached')::int as reached_year,
           count(*) filter (where e.kind = 'exit' and e.in_quarter)::int as exits,
           count(*) filter (where e.kind = 'exit')::int as exits_year,
           count(*) filter (where e.kind = 'exit' and e.outcome = 'work' and e.in_quarter)::int as to_work,
           count(*) filter (where e.kind = 'exit' and e.outcome = 'work')::int as to_work_year
      from events e group by e.persona_id
  )
  select p.id as persona_id, p.name, coalesce(g.reached, 0) as reached, coalesce(g.reached_year, 0) as reached_year,
         coalesce(g.exits, 0) as exits, coalesce(g.exits_year, 0) as exits_year,
         coalesce(g.to_work, 0) as to_work, coalesce(g.to_work_year, 0) as to_work_year, 0 as last
    from personas p left join grouped g on g.persona_id = p.id
   where p.partnership_id = app_tenant()
  union all
  select null, null, g.reached, g.reached_year, g.exits, g.exits_year, g.to_work, g.to_work_year, 1
    from grouped g where g.persona_id is null
   order by last, name, persona_id`;

export interface CoachRow {
  id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  fte: string;
  active: number;
}

/**
 * The quarterly report's queries. A report repository: it reads trajectories, contacts, staff,
 * organisations, personas, assessments, feedback and placements by table name in raw SQL (no other
 * module's entity is imported), partnership-wide as the tenant reader. The SQL of the sections in
 * empowerment-coverage.ts, participant-feedback.ts, sustainable-work.ts and contact-places.ts sits
 * beside the function that shapes its rows; it runs here.
 */
@Injectable()
export class QuarterlyRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Every figure's rows for the quarter [from, next) (local dates), in one switch to the tenant reader.
   * `instrument` is the empowerment version whose schedule and dimensions count.
   */
  @GenerateSql({
    params: [
      '2025-01-01',
      '2025-04-01',
      {
        key: 'empowerment',
        version: 1,
        dimensions: [{ key: 'competentie', label: { nl: 'Competentie', en: 'Competence' } }],
        scaleMin: 1,
        scaleMax: 10,
        reviewIntervalMonths: 3,
        baselineDueWeeks: 6,
      },
    ],
  })
  quarter(from: string, next: string, instrument: InstrumentSpec & ScheduleSpec) {
    return this.db.asTenantReader(async (m) => {
      const params = [from, next];
      const [inflow, reach, active, exits, duration, contacts, coaches, referrals] = await this.sequential(
        m,
        params,
      );
      const work: WorkRow[] = await m.query(WORK_SQL, [`${params[0].slice(0, 4)}-01-01`, ...params]);
      const personas: PersonaRow[] = await m.query(PERSONA_SQL, [
        `${params[0].slice(0, 4)}-01-01`,
        ...params,
      ]);
      return {
        inflow,
        reach,
        active,
        exits,
        duration,
        contacts,
        coaches,
        referrals,
        work,
        personas,
        coverage: await this.coverage(m, params, instrument),
        ...(await this.feedback(m, params)),
        sustainableWork: ((await m.query(SUSTAINABLE_WORK_SQL, params)) as SustainableWorkRow[])[0],
        places: (await m.query(PLACES_SQL, params.slice(0, 2))) as PlaceRow[],
      };
    });
  }

  private async coverage(
    m: EntityManager,
    [from, next]: string[],
    instrument: InstrumentSpec & ScheduleSpec,
  ): Promise<CoverageRows> {
    const { key, reviewIntervalMonths } = instrument;
    const [baseline] = (await m.query(BASELINE_SQL, [from, next, key])) as CoverageRows['baseline'][];
    const [reviews] = (await m.query(REVIEWS_SQL, [
      from,
      next,
      key,
      reviewIntervalMonths,
    ])) as CoverageRows['reviews'][];
    const [outstanding] = (await m.query(OUTSTANDING_SQL, [
      from,
      next,
      key,
      reviewIntervalMonths,
    ])) as CoverageRows['outstanding'][];
    const distance: CoverageRows['distance'] = await m.query(DISTANCE_SQL, [
      from,
      next,
      key,
      instrument.dimensions.map((d) => d.key),
    ]);
    return { baseline, reviews, outstanding, distance };
  }

  /** The feedback counts, and the texts only when there are enough responses to show them. */
  private async feedback(m: EntityManager, [from, next]: string[]) {
    const feedbackCounts: FeedbackCountRow[] = await m.query(FEEDBACK_COUNTS_SQL, [from, next]);
    const feedbackTexts: FeedbackTextRow[] | null =
      feedbackResponses(feedbackCounts) >= FEEDBACK_TEXTS_MIN_RESPONSES
        ? await m.query(FEEDBACK_TEXTS_SQL, [from, next])
        : null;
    return { feedbackCounts, feedbackTexts };
  }

  /** Each query in turn: the transaction has one connection, so they would queue anyway. */
  private async sequential(m: EntityManager, params: string[]) {
    const inflow: { referral_channel: string; n: number }[] = await m.query(
      `select t.referral_channel, count(*)::int as n from trajectories t
        where t.partnership_id = app_tenant() and t.started_at >= ${START} and t.started_at < ${END}
        group by t.referral_channel`,
      params,
    );
    const reach: { reached: number; intensive: number; esf_entrants: number }[] = await m.query(
      `select (select count(distinct t.participant_id) from trajectories t
                where t.partnership_id = app_tenant() and t.started_at >= ${START} and t.started_at < ${END})::int as reached,
              (select count(distinct t.participant_id) from trajectories t
                where t.partnership_id = app_tenant() and t.guidance_started_at >= ${START} and t.guidance_started_at < ${END})::int as intensive,
              -- The first intake of the participant falls in the quarter (esf-facts.sql.ts, the ESF entry date).
              (select count(distinct t.participant_id) from trajectories t
                where t.partnership_id = app_tenant() and t.intake_at >= ${START} and t.intake_at < ${END}
                  and not exists (select 1 from trajectories e where e.participant_id = t.participant_id
                                    and e.intake_at < ${START}))::int as esf_entrants`,
      params,
    );
    const active: { at_end: number; during: number }[] = await m.query(
      `select count(*) filter (where ${ACTIVE_AT_END})::int as at_end,
              count(*)::int as during
         from trajectories t
        where t.partnership_id = app_tenant() and t.started_at < ${END} and (t.closed_at is null or t.closed_at >= ${START})`,
      params,
    );
    const exits: { outcome: string; n: number }[] = await m.query(
      `select t.outcome, count(*)::int as n from trajectories t
        where t.partnership_id = app_tenant() and t.closed_at >= ${START} and t.closed_at < ${END}
        group by t.outcome`,
      params,
    );
    const duration: { n: number; median: string | null; p90: string | null }[] = await m.query(
      `select count(*)::int as n,
              percentile_cont(0.5) within group (order by extract(epoch from t.closed_at - t.started_at) / 86400) as median,
              percentile_cont(0.9) within group (order by extract(epoch from t.closed_at - t.started_at) / 86400) as p90
         from trajectories t
        where t.partnership_id = app_tenant() and t.closed_at >= ${START} and t.closed_at < ${END}`,
      params,
    );
    const contacts: { kind: string; contacts: string; minutes: string }[] = await m.query(
      `select kind, contacts, minutes from app_report_contact_totals(${START}, ${END})`,
      params,
    );
    // Only the quarter's end is passed to this query, as its $1.
    const quarterEnd = localMidnight('$1');
    const coaches: CoachRow[] = await m.query(
      `select s.id, s.name, s.organisation_id, o.name as organisation_name, s.fte::text as fte,
              -- By the assignment valid at the quarter's end: a later hand-over must not rewrite this quarter.
              (select count(*) from case_manager_assignments cma join trajectories t on t.id = cma.trajectory_id
                where cma.staff_id = s.id and cma.from_at <= ${quarterEnd}
                  and (cma.to_at is null or cma.to_at > ${quarterEnd}) and ${activeAt(quarterEnd)})::int as active
         from staff s join organisations o on o.id = s.organisation_id
        where s.partnership_id = app_tenant() and s.active and 'coach' = any(s.roles)
        order by o.name, s.name, s.id`,
      [params[1]],
    );
    // Aggregates only: the referrals table is closed to the tenant reader (it can hold inbound person data).
    const referrals: TurnaroundRow[] = await m.query(
      `select target, milestone, referrals, accepted, rejected, median_days, p90_days
         from app_report_referral_turnaround(${START}, ${END})`,
      params,
    );
    return [inflow, reach, active, exits, duration, contacts, coaches, referrals] as const;
  }
}
export type QuarterRows = Awaited<ReturnType<QuarterlyRepository['quarter']>>;
