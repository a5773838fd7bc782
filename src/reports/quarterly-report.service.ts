import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { REFERRAL_CHANNELS } from '../participants/participant.constants';
import { REFERRAL_TARGETS } from '../referrals/referral.constants';
import { DatabaseContext } from '../database/database-context.service';
import { EMPOWERMENT_INSTRUMENT } from '../empowerment/instrument';
import { InstrumentEntity } from '../empowerment/instrument.entity';
import { InstrumentsService } from '../empowerment/instruments.service';
import { AuditService } from '../privacy/audit.service';
import { OUTCOMES } from '../trajectories/trajectory-state';
import { QuarterQuery } from './dto/report-query.dto';
import { contactPlaces } from './contact-places';
import { empowermentCoverage } from './empowerment-coverage';
import { participantFeedback } from './participant-feedback';
import { round, share } from './figures';
import { localiseDefinitions } from './i18n/localise';
import { Lang } from '../common/i18n/lang';
import { sustainableWork } from './sustainable-work';
import { localMidnight, quarterBounds } from './period';

/** From the partnership agreement: 25 participants per FTE coach; above 30 a coach is overloaded. */
export const CASELOAD_NORM_PER_FTE = 25;
export const CASELOAD_FLAG_ABOVE = 30;
/** From the partnership agreement: 10–15% moving on to work. */
export const WORK_TARGET = { min: 0.1, max: 0.15 };

const CONTACT_KINDS = [
  'home_visit',
  'outreach',
  'office',
  'phone',
  'digital',
  'accompanied_visit',
  'group_session',
  'case_meeting',
] as const;

// $1 = first day, $2 = first day of the next quarter; local midnights in Brussels.
const START = localMidnight('$1');
const END = localMidnight('$2');
const activeAt = (at: string) => `t.started_at < ${at} and (t.closed_at is null or t.closed_at >= ${at})`;
const ACTIVE_AT_END = activeAt(END);

interface TurnaroundRow {
  target: string;
  milestone: 'decision' | 'completion';
  referrals: number;
  accepted: number | null;
  rejected: number | null;
  median_days: number | null;
  p90_days: number | null;
}

const days = (n: number | null) => (n === null ? null : round(Number(n), 1));

/** One row per grouping: the whole partnership, an organisation, or a referral channel. */
interface WorkRow {
  by: 'all' | 'organisation' | 'channel';
  organisation_id: string | null;
  organisation_name: string | null;
  referral_channel: string | null;
  reached: number;
  reached_year: number;
  to_work: number;
  to_work_year: number;
}

const judge = (workShare: number | null) =>
  workShare === null
    ? 'no_reach'
    : workShare < WORK_TARGET.min
      ? 'below'
      : workShare > WORK_TARGET.max
        ? 'above'
        : 'within';

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
interface PersonaRow {
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

interface CoachRow {
  id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  fte: string;
  active: number;
}

export type QuarterlyReport = Awaited<ReturnType<QuarterlyReportService['figures']>>;

@Injectable()
export class QuarterlyReportService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
    private readonly instruments: InstrumentsService,
  ) {}

  async report(q: QuarterQuery, lang: Lang = 'en') {
    const report = localiseDefinitions(await this.figures(q), lang);
    await this.audit.record({
      action: 'read',
      resourceType: 'report.quarterly',
      details: { year: q.year, quarter: q.quarter },
    });
    return report;
  }

  /** The figures without the audit: each caller records its own use (a read, or an export). */
  async figures(q: QuarterQuery) {
    const { from, to, next } = quarterBounds(q.year, q.quarter);
    // Before the switch of role: instruments are no personal data, and the tenant reader has no grant on them.
    const instrument = await this.instruments.resolve(EMPOWERMENT_INSTRUMENT);
    const data = await this.db.asTenantReader((m) => this.collect(m, [from, next], instrument));
    return { year: q.year, quarter: q.quarter, period: { from, to }, ...data };
  }

  private async collect(m: EntityManager, params: string[], instrument: InstrumentEntity) {
    const [inflow, reach, active, exits, duration, contacts, coaches, referrals] = await this.sequential(
      m,
      params,
    );
    const work: WorkRow[] = await m.query(WORK_SQL, [`${params[0].slice(0, 4)}-01-01`, ...params]);
    const personas: PersonaRow[] = await m.query(PERSONA_SQL, [`${params[0].slice(0, 4)}-01-01`, ...params]);
    const activeAtEnd = active[0].at_end;
    const activeDuring = active[0].during;
    const exitTotal = exits.reduce((n, e) => n + e.n, 0);
    const toWork = exits.find((e) => e.outcome === 'work')?.n ?? 0;
    const workShare = share(toWork, exitTotal);
    const all = work.find((w) => w.by === 'all') ?? {
      reached: 0,
      reached_year: 0,
      to_work: 0,
      to_work_year: 0,
    };
    const shares = (w: Pick<WorkRow, 'reached' | 'reached_year' | 'to_work' | 'to_work_year'>) => ({
      reached: w.reached,
      toWork: w.to_work,
      shareOfReached: share(w.to_work, w.reached),
      projectYear: {
        reached: w.reached_year,
        toWork: w.to_work_year,
        shareOfReached: share(w.to_work_year, w.reached_year),
      },
    });
    return {
      inflow: {
        byReferralChannel: Object.fromEntries(
          REFERRAL_CHANNELS.map((c) => [c, inflow.find((r) => r.referral_channel === c)?.n ?? 0]),
        ),
        trajectoriesStarted: inflow.reduce((n, r) => n + r.n, 0),
      },
      reach: {
        definition:
          "reached: participants whose trajectory started (sign-up, aanmelding) in the quarter; intensive: participants whose guidance (begeleiding) started in the quarter; esfEntrants: participants whose first trajectory reached intake in the quarter (their ESF entry date; the same count as the ESF+ report's completeness.grandTotal for the quarter). A record that never reached intake is reached only, never an ESF participant.",
        reached: reach[0].reached,
        intensive: reach[0].intensive,
        esfEntrants: reach[0].esf_entrants,
      },
      activeTrajectoriesAtQuarterEnd: activeAtEnd,
      exits: {
        definition:
          'Trajectories closed in the quarter, per outcome, counted as they happened: a participant who re-enters later keeps this exit here. The ESF+ report instead follows the EC re-entry rule (one participation, results of the final exit), so it drops an exit that a re-entry reopened, and it counts no sign-up that closed before intake (not an ESF participant). Where neither happened, its leavers (cohorts.left) equal the exits here.',
        byOutcome: Object.fromEntries(OUTCOMES.map((o) => [o, exits.find((e) => e.outcome === o)?.n ?? 0])),
        total: exitTotal,
        toWork: {
          definition:
            "The work target (partnership agreement: 10-15% of everyone reached moves on to work). shareOfReached = exits to work (trajectories closed with outcome work) / participants reached (sign-ups), in the quarter and, under projectYear, from 1 January to the quarter end; status judges the quarter's shareOfReached against the target. shareOfExits (exits to work / all exits) is shown beside it and is not the target's base. Broken down by the organisation, the referral channel (toeleider) and the persona of the trajectory itself: a later reopening by another organisation never moves an earlier trajectory. byPersona also gives all exits per persona; its entry with personaId null counts the trajectories without a persona.",
          exits: toWork,
          reached: all.reached,
          shareOfReached: share(all.to_work, all.reached),
          shareOfExits: workShare,
          projectYear: shares(all).projectYear,
          target: WORK_TARGET,
          status: judge(share(all.to_work, all.reached)),
          byOrganisation: work
            .filter((w) => w.by === 'organisation')
            .map((w) => ({ organisationId: w.organisation_id, name: w.organisation_name, ...shares(w) })),
          byReferralChannel: Object.fromEntries(
            REFERRAL_CHANNELS.map((c) => {
              const w = work.find((r) => r.by === 'channel' && r.referral_channel === c);
              return [c, shares(w ?? { reached: 0, reached_year: 0, to_work: 0, to_work_year: 0 })];
            }),
          ),
          byPersona: personas.map((p) => ({
            personaId: p.persona_id,
            name: p.name,
            ...shares(p),
            exits: p.exits,
            projectYear: { ...shares(p).projectYear, exits: p.exits_year },
          })),
        },
      },
      duration: {
        definition: 'Days from sign-up to closing, for trajectories closed in the quarter.',
        closedTrajectories: duration[0].n,
        medianDays: duration[0].median === null ? null : round(Number(duration[0].median), 1),
        p90Days: duration[0].p90 === null ? null : round(Number(duration[0].p90), 1),
      },
      contactIntensity: {
        definition:
          'Contacts with the participant in the quarter (all organisations, confidential ones included as numbers only) per trajectory active at any time in the quarter. A case meeting counts only once it took place with the participant present, dated at the meeting; discussing someone in their absence is not a contact.',
        activeTrajectoriesDuringQuarter: activeDuring,
        byKind: Object.fromEntries(
          CONTACT_KINDS.map((k) => {
            const row = contacts.find((c) => c.kind === k);
            const n = Number(row?.contacts ?? 0);
            const minutes = Number(row?.minutes ?? 0);
            return [
              k,
              {
                contacts: n,
                minutes,
                contactsPerTrajectory: share(n, activeDuring),
                minutesPerTrajectory: activeDuring ? round(minutes / activeDuring, 1) : null,
              },
            ];
          }),
        ),
      },
      caseload: this.caseload(coaches),
      referralTurnaround: this.turnaround(referrals),
      empowermentCoverage: await empowermentCoverage(m, params, instrument),
      participantFeedback: await participantFeedback(m, params),
      sustainableWork: await sustainableWork(m, params),
      contactPlaces: await contactPlaces(m, params),
    };
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

  private turnaround(rows: TurnaroundRow[]) {
    const find = (target: string, milestone: TurnaroundRow['milestone']) =>
      rows.find((r) => r.target === target && r.milestone === milestone);
    return {
      definition:
        'Calendar days from submission to the first decision (accepted or rejected), for referrals decided in the quarter; and from submission to completion, for referrals completed in the quarter. Per target: vdab and ocmw (outbound), partnership (inbound).',
      byTarget: Object.fromEntries(
        REFERRAL_TARGETS.map((target) => {
          const d = find(target, 'decision');
          const c = find(target, 'completion');
          return [
            target,
            {
              decided: d?.referrals ?? 0,
              accepted: d?.accepted ?? 0,
              rejected: d?.rejected ?? 0,
              toDecision: { medianDays: days(d?.median_days ?? null), p90Days: days(d?.p90_days ?? null) },
              completed: c?.referrals ?? 0,
              toCompletion: { medianDays: days(c?.median_days ?? null), p90Days: days(c?.p90_days ?? null) },
            },
          ];
        }),
      ),
    };
  }

  private caseload(coaches: CoachRow[]) {
    const perCoach = coaches.map((c) => {
      const fte = Number(c.fte);
      const perFte = fte > 0 ? round(c.active / fte) : null;
      return {
        staffId: c.id,
        name: c.name,
        organisationId: c.organisation_id,
        fte,
        activeTrajectories: c.active,
        perFte,
        overNorm: perFte !== null && perFte > CASELOAD_NORM_PER_FTE,
        flagged: perFte !== null && perFte > CASELOAD_FLAG_ABOVE,
      };
    });
    const orgs = new Map<
      string,
      { organisationId: string; name: string; fte: number; activeTrajectories: number }
    >();
    for (const c of coaches) {
      const o = orgs.get(c.organisation_id) ?? {
        organisationId: c.organisation_id,
        name: c.organisation_name,
        fte: 0,
        activeTrajectories: 0,
      };
      o.fte = round(o.fte + Number(c.fte));
      o.activeTrajectories += c.active;
      orgs.set(c.organisation_id, o);
    }
    return {
      definition:
        "Trajectories active at quarter end whose case manager is the coach, divided by the coach's FTE.",
      normPerFte: CASELOAD_NORM_PER_FTE,
      flagAbovePerFte: CASELOAD_FLAG_ABOVE,
      perCoach,
      perOrganisation: [...orgs.values()].map((o) => ({
        ...o,
        perFte: o.fte > 0 ? round(o.activeTrajectories / o.fte) : null,
      })),
    };
  }
}
