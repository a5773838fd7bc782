import { Injectable } from '@nestjs/common';
import { REFERRAL_CHANNELS } from '../participants/participant.constants';
import { REFERRAL_TARGETS } from '../referrals/referral.constants';
import { EMPOWERMENT_INSTRUMENT, InstrumentSpec, ScheduleSpec } from '../empowerment/instrument';
import { InstrumentsService } from '../empowerment/instruments.service';
import { AuditService } from '../privacy/audit.service';
import { OUTCOMES } from '../trajectories/trajectory-state';
import { QuarterQuery } from './dto/report-query.dto';
import { contactPlaces } from './contact-places';
import { empowermentCoverage } from './empowerment-coverage';
import { round, share } from './figures';
import { participantFeedback } from './participant-feedback';
import { sustainableWork } from './sustainable-work';
import { localiseDefinitions } from './i18n/localise';
import { quarterBounds } from './period';
import { CoachRow, QuarterlyRepository, QuarterRows, TurnaroundRow, WorkRow } from './quarterly.repository';
import { Lang } from '../common/i18n/lang';

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

const days = (n: number | null) => (n === null ? null : round(Number(n), 1));

const judge = (workShare: number | null) =>
  workShare === null
    ? 'no_reach'
    : workShare < WORK_TARGET.min
      ? 'below'
      : workShare > WORK_TARGET.max
        ? 'above'
        : 'within';

export type QuarterlyReport = Awaited<ReturnType<QuarterlyReportService['figures']>>;

@Injectable()
export class QuarterlyReportService {
  constructor(
    private readonly quarterly: QuarterlyRepository,
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
    const rows = await this.quarterly.quarter(from, next, instrument);
    return { year: q.year, quarter: q.quarter, period: { from, to }, ...this.shape(rows, instrument) };
  }

  /** The figures from the quarter's rows, section by section. */
  private shape(rows: QuarterRows, instrument: InstrumentSpec & ScheduleSpec) {
    const { inflow, reach, active, exits, duration, contacts, coaches, referrals, work, personas } = rows;
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
      empowermentCoverage: empowermentCoverage(rows.coverage, instrument),
      participantFeedback: participantFeedback(rows.feedbackCounts, rows.feedbackTexts),
      sustainableWork: sustainableWork(rows.sustainableWork),
      contactPlaces: contactPlaces(rows.places),
    };
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
