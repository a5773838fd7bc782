import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { nameKey, searchName } from '../common/validation/names';
import { LIFE_DOMAINS, LifeDomain } from '../life-domains/life-domain';
import { PLACE_OF_KIND } from '../contacts/contact-kinds';
import { InszProtector } from '../participants/insz-protector';
import { addWorkingDays } from '../referrals/working-days';
import { REGULAR_ACTIVATION_KINDS } from '../trajectories/trajectory-state';
import { ActorScopedClient } from './actor-scoped-client';
import { seedDemoPerspectives } from './demo-perspectives';
import { demoWork, EMPLOYER_COLUMNS, PLACEMENT_COLUMNS } from './demo-work';
import { demoPersonaIds, demoPersonaOf, seedPersonas, seedSignalsAndValueQuestions } from './learning-seed';
import { seedAssessments } from './scale/assessments-seed';
import { Column, insertUnnest } from './scale/bulk-insert';
import { seedCaseMeetings } from './scale/case-meetings-seed';
import { seedFeedback } from './scale/feedback-seed';
import {
  ASSIGNMENT_COLUMNS,
  CONSENT_COLUMNS,
  CONTACT_COLUMNS,
  GRANT_COLUMNS,
  PARTICIPANT_COLUMNS,
  REFERRAL_COLUMNS,
  REFERRAL_TRANSITION_COLUMNS,
  TRAJECTORY_COLUMNS,
  TRANSITION_COLUMNS,
} from './scale/columns';
import {
  consentRow,
  contactRow,
  REFERRAL_CHANNEL_WEIGHTS,
  DAY,
  grantRow,
  openAt,
  PartnershipContext,
  SeededOrganisation,
  SeededParticipant,
  SeededStaff,
  TableCounts,
} from './scale/context';
import { seedReferrals } from './scale/referrals-seed';
import {
  between,
  CONTACT_KINDS,
  mulberry32,
  pick,
  sample,
  syntheticPerson,
  unusedInsz,
  uuid,
  weighted,
} from './scale/synthetic';

/** The demo's fixed seed: with the day it is seeded on, it fixes every row below. */
export const DEMO_CASES_SEED = 14;
export const DEMO_PARTICIPANTS = 150;
/** How far back the demo's history goes: about 18 months. */
export const DEMO_HISTORY_DAYS = 540;
/** The two people the README's tour opens; their names are fixed, the rest drawn from the seed. */
export const DEMO_CAW_PARTICIPANT = { firstName: 'Noor', lastName: 'Demo Vandevelde' };
export const DEMO_HANDOVER_PARTICIPANT = { firstName: 'Jonas', lastName: 'Demo Claes' };

export interface DemoOrganisation extends SeededOrganisation {
  secrecy: boolean;
}

export interface DemoCasesInput {
  manager: EntityManager;
  partnershipId: string;
  organisations: DemoOrganisation[];
  teams: { id: string; name: string; location: string }[];
  inszHashKey: string;
  seed?: number;
}

export interface DemoCasesResult {
  rows: TableCounts;
  ms: number;
  /** Midnight (UTC) of the day the demo was seeded: every date is this anchor minus whole days and hours. */
  anchor: Date;
}

type Phase = 'none' | 'aanmelding' | 'intake' | 'begeleiding' | 'nazorg' | 'afgesloten';
/** Twenty participants' phases, repeated: about a third in guidance, a third closed, the rest in the other states. */
const PHASES: Phase[] = [
  'begeleiding',
  'afgesloten',
  'begeleiding',
  'nazorg',
  'afgesloten',
  'intake',
  'begeleiding',
  'afgesloten',
  'aanmelding',
  'begeleiding',
  'afgesloten',
  'begeleiding',
  'none',
  'afgesloten',
  'begeleiding',
  'nazorg',
  'afgesloten',
  'intake',
  'begeleiding',
  'afgesloten',
];
/** Every outcome, near the previous project's mix (DOMAIN.md: 43% work, 22% activation, 6% training). */
const OUTCOME_CYCLE = [
  'work',
  'regular_activation',
  'no_result',
  'work',
  'education',
  'volunteering_or_supported_work',
  'moved_or_unreachable',
  'work',
  'regular_activation',
  'no_result',
] as const;
/** Days since closing, cycled, so that both follow-up windows (4 weeks, 6 months) and every quarter have exits. */
const CLOSED_DAYS_AGO: [number, number][] = [
  [2, 25],
  [26, 40],
  [41, 90],
  [91, 170],
  [171, 200],
  [201, 420],
];
const EU = ['BE', 'NL', 'FR', 'DE', 'PL', 'RO', 'BG', 'ES', 'IT', 'PT'];
const NATIONALITIES = [
  'BE',
  'BE',
  'BE',
  'BE',
  'BE',
  'BE',
  'NL',
  'PL',
  'RO',
  'BG',
  'TR',
  'MA',
  'SY',
  'AF',
  'ER',
];
const CONTACT_SUBJECTS = [
  'Gesprek over werk en sollicitaties.',
  'Huisvesting: huurcontract en premies overlopen.',
  'Schulden: afspraak met de budgetbegeleiding voorbereid.',
  'Opleiding: inschrijving Nederlands als tweede taal.',
  'Mobiliteit: fietsherstel en openbaar vervoer.',
  'Kinderopvang geregeld, eerste werkdag gepland.',
  'Cv opgemaakt en vacatures samen bekeken.',
];
const CONFIDENTIAL_SUBJECTS = [
  'Vertrouwelijk: gesprek over de thuissituatie.',
  'Vertrouwelijk: psychische gezondheid, doorverwijzing CGG besproken.',
  'Vertrouwelijk: juridische kwestie, afspraak met de advocaat.',
];
const GOAL_TITLES: Partial<Record<LifeDomain, string[]>> = {
  work: ['Een job van minstens halftijds vinden', 'Sollicitatiegesprekken oefenen'],
  income_debt: ['Schulden in kaart brengen', 'Budgetplan opstellen'],
  housing: ['Een betaalbare woning vinden', 'Huurachterstand wegwerken'],
  language: ['Nederlands niveau 2 halen', 'Zelfstandig een brief lezen'],
  mobility: ['Rijbewijs B halen', 'Zelfstandig met de tram naar het werk'],
  childcare_family: ['Kinderopvang regelen'],
  education: ['Een opleiding kiezen', 'Diploma secundair onderwijs behalen'],
  digital: ['Een e-mailadres en Itsme gebruiken'],
  social_network: ['Deelnemen aan een buurtactiviteit'],
};
const STEP_TITLES = [
  'Afspraak maken',
  'Documenten verzamelen',
  'Aanvraag indienen',
  'Opvolgen met de coach',
  'Eerste resultaat bespreken',
];
const SESSION_THEMES: [string, string][] = [
  ['generic_competences', 'Sterk in je vel: werken aan zelfvertrouwen'],
  ['language', 'Oefenen in het Nederlands: praten over werk'],
  ['work_orientation', 'Wat wil ik? Beroepen verkennen'],
  ['digital', 'Digitaal solliciteren: Mijn loopbaan en e-mail'],
  ['sector_info', 'Infosessie logistiek en schoonmaak'],
];

const DEMO_PARTICIPANT_COLUMNS: readonly Column[] = [
  ...PARTICIPANT_COLUMNS,
  ['third_country_national', 'boolean'],
  ['foreign_background', 'boolean'],
  ['homeless_or_housing_exclusion', 'boolean'],
  ['rural_area', 'boolean'],
  ['single_adult_household_with_children', 'boolean'],
];
/** Grants as the API leaves them: an ended owner grant (after the hand-over) has ended_at set. */
const DEMO_GRANT_COLUMNS: readonly Column[] = [...GRANT_COLUMNS, ['ended_at', 'timestamptz']];

const DEMO_ASSIGNMENT_COLUMNS: readonly Column[] = [
  ...ASSIGNMENT_COLUMNS,
  ['to_at', 'timestamptz'],
  ['note', 'text'],
];
const DEMO_CONSENT_COLUMNS: readonly Column[] = [['id', 'uuid'], ...CONSENT_COLUMNS];
/** Trajectories as the API leaves them, with the persona each carries. */
const DEMO_TRAJECTORY_COLUMNS: readonly Column[] = [...TRAJECTORY_COLUMNS, ['persona_id', 'uuid']];
const CO_COACH_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['staff_id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['added_at', 'timestamptz'],
  ['added_by', 'uuid'],
];
const LIFE_DOMAIN_COLUMNS: readonly Column[] = [
  ['partnership_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['domain', 'text'],
  ['severity', 'int2'],
  ['note', 'text'],
  ['updated_by', 'uuid'],
  ['updated_at', 'timestamptz'],
];
const GOAL_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['life_domain', 'text'],
  ['title', 'text'],
  ['target_date', 'date'],
  ['status', 'text'],
  ['status_changed_at', 'timestamptz'],
  ['steps', 'jsonb'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const FOLLOW_UP_COLUMNS: readonly Column[] = [
  ['partnership_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['at', 'date'],
  ['situation', 'text'],
  ['improved_situation', 'boolean'],
  ['recorded_by', 'uuid'],
];
const SESSION_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['theme', 'text'],
  ['tag', 'text'],
  ['at', 'timestamptz'],
  ['duration_minutes', 'int4'],
  ['location', 'text'],
  ['facilitator_id', 'uuid'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
];
const ATTENDANCE_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['group_session_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['attended', 'boolean'],
  ['contact_id', 'uuid'],
  ['registered_by', 'uuid'],
];
const ID_CONTACT_COLUMNS: readonly Column[] = [['id', 'uuid'], ...CONTACT_COLUMNS];
/** The demo's own contacts also say where they took place and whether an interpreter came along. */
const DEMO_CONTACT_COLUMNS: readonly Column[] = [
  ...CONTACT_COLUMNS,
  ['place', 'text'],
  ['location', 'text'],
  ['interpreter', 'boolean'],
  ['interpreter_language', 'text'],
];
const INTERPRETER_LANGUAGES = ['ar', 'ti', 'prs', 'uk', 'so'];
/**
 * Place, location and interpreter of the c-th contact of the i-th participant: derived from the
 * indexes, not drawn from the generator, so every other demo value stays as it was.
 */
function fieldOf(kind: string, i: number, c: number) {
  const n = i * 31 + c * 7;
  const place =
    PLACE_OF_KIND[kind as keyof typeof PLACE_OF_KIND] ??
    (kind === 'outreach' ? (n % 2 === 0 ? 'public_place' : 'wijkcentrum') : null);
  const location =
    place === 'public_place'
      ? 'Buurtcafé aan het plein'
      : place === 'wijkcentrum'
        ? 'Wijkcentrum, zaal 1'
        : null;
  const interpreter = n % 6 === 0;
  return [place, location, interpreter, interpreter ? INTERPRETER_LANGUAGES[n % 5] : null];
}
/** As GroupSessionsService: the facilitator keeps summary access 30 days after the session. */
const FACILITATOR_ACCESS_AFTER_MS = 30 * DAY;

const iso = (d: Date) => d.toISOString().slice(0, 10);

interface DemoParticipant extends SeededParticipant {
  /** The case manager before the hand-over, for the one participant who has one. */
  handedOverFrom?: { staff: SeededStaff; at: Date };
  coCoach?: SeededStaff;
}

/**
 * The participants of the demo partnership and everything around them, written in the seed's own
 * transaction as the app role: each row as the staff member who would have written it (see
 * ActorScopedClient), so the RLS write policies check the demo as they check requests. The scale
 * seed's generators write assessments, referrals and case meetings; this file writes the case files,
 * goals, life domains, contacts, consents, group sessions, follow-ups, one hand-over and co-coaching,
 * and (demo-work.ts) the register of employers and the placements.
 *
 * Deterministic: ids and data come from a seeded PRNG, and every date is a whole number of days
 * (plus a drawn time of day) before an anchor, midnight UTC of the day the clock says it is. The
 * dates must follow the clock, or the current quarter's report would be empty a few months on;
 * truncating to the day makes two seeds on the same day (or with the clock set to the same day) equal.
 */
export async function seedDemoCases(input: DemoCasesInput): Promise<DemoCasesResult> {
  const started = Date.now();
  const m = input.manager;
  const tenant = input.partnershipId;
  const rng = mulberry32(input.seed ?? DEMO_CASES_SEED);
  const [{ now }] = (await m.query('select app_now() as now')) as { now: Date }[];
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const until = anchor;
  const since = new Date(anchor.getTime() - DEMO_HISTORY_DAYS * DAY);
  /** A moment `days` whole days before the anchor, during office hours. */
  const daysAgo = (days: number) =>
    new Date(anchor.getTime() - Math.max(days, 1) * DAY + between(rng, 8 * 60, 16 * 60) * 60_000);

  const staffRows = (await m.query(
    'select id, email, organisation_id, team_id, roles from staff order by email',
  )) as { id: string; email: string; organisation_id: string; team_id: string | null; roles: string[] }[];
  const staff: (SeededStaff & { email: string })[] = staffRows.map((s) => ({
    id: s.id,
    email: s.email,
    organisationId: s.organisation_id,
    teamId: s.team_id,
    roles: s.roles,
  }));
  const orgById = new Map(input.organisations.map((o) => [o.id, o]));
  const slugOf = (s: SeededStaff) => orgById.get(s.organisationId)!.slug;
  const coaches = staff.filter((s) => s.roles.includes('coach'));
  const coachOf = (slug: string) => coaches.find((c) => slugOf(c) === slug)!;
  const cawCoach = coachOf('caw');
  const stadCoach = coachOf('stad');
  const compaanCoach = coachOf('compaan');

  const personaIds = demoPersonaIds(input.seed ?? DEMO_CASES_SEED);
  const insz = new InszProtector({ inszHashKey: input.inszHashKey } as never);
  const usedInsz = new Set<string>();
  const out = {
    participants: [] as unknown[][],
    grants: [] as unknown[][],
    trajectories: [] as unknown[][],
    transitions: [] as unknown[][],
    assignments: [] as unknown[][],
    consents: [] as unknown[][],
    contacts: [] as unknown[][],
    coCoaches: [] as unknown[][],
    lifeDomains: [] as unknown[][],
    goals: [] as unknown[][],
    followUps: [] as unknown[][],
  };
  const grant = (
    participantId: string,
    to: { organisationId: string } | { staffId: string },
    scope: string,
    reason: string,
    sourceId: string,
    from: Date,
    validUntil: Date | null = null,
    endedAt: Date | null = null,
  ) =>
    out.grants.push([
      ...grantRow(tenant, participantId, to, scope, reason, sourceId, from, validUntil),
      endedAt,
    ]);

  const seeded: DemoParticipant[] = [];
  let closedCount = 0;
  for (let i = 0; i < DEMO_PARTICIPANTS; i++) {
    const id = uuid(rng);
    const phase: Phase = i < 2 ? 'begeleiding' : PHASES[i % PHASES.length];
    // The CAW participant (co-coached by Stad Gent) and the hand-over (Compaan → Stad Gent) come first.
    const coach = i === 0 ? cawCoach : i === 1 ? stadCoach : coaches[(i * 7) % coaches.length];
    const org = orgById.get(coach.organisationId)!;
    const person = syntheticPerson(rng);
    const [first, last] =
      i === 0
        ? [DEMO_CAW_PARTICIPANT.firstName, DEMO_CAW_PARTICIPANT.lastName]
        : i === 1
          ? [DEMO_HANDOVER_PARTICIPANT.firstName, DEMO_HANDOVER_PARTICIPANT.lastName]
          : [person.first, `Demo ${person.last}`];
    const channel = weighted(rng, REFERRAL_CHANNEL_WEIGHTS);

    const labour = weighted(rng, { unemployed: 62, inactive: 30, employed: 6, self_employed: 2 });
    const employedAtEntry = labour === 'employed' || labour === 'self_employed';

    // The path as day numbers before the anchor (larger is earlier).
    let entryDay: number;
    let intakeDay: number | null = null;
    let guidanceDay: number | null = null;
    let aftercareDay: number | null = null;
    let closedDay: number | null = null;
    let outcome: string | null = null;
    let outcomeKind: string | null = null;
    const steps = (from: number, min: number, max: number) => Math.max(1, from - between(rng, min, max));
    if (phase === 'none' || phase === 'aanmelding') entryDay = between(rng, 1, 25);
    else if (phase === 'intake') {
      entryDay = between(rng, 12, 70);
      intakeDay = steps(entryDay, 3, 10);
    } else if (phase === 'begeleiding' || phase === 'nazorg') {
      entryDay = phase === 'nazorg' ? between(rng, 250, DEMO_HISTORY_DAYS) : between(rng, 60, 520);
      if (i === 1) entryDay = 300;
      intakeDay = steps(entryDay, 3, 20);
      guidanceDay = steps(intakeDay, 7, 30);
      if (phase === 'nazorg') aftercareDay = between(rng, 5, Math.min(90, guidanceDay - 30));
    } else {
      const k = closedCount++;
      outcome = OUTCOME_CYCLE[k % OUTCOME_CYCLE.length];
      if (outcome === 'regular_activation') outcomeKind = pick(rng, REGULAR_ACTIVATION_KINDS);
      const [lo, hi] = CLOSED_DAYS_AGO[k % CLOSED_DAYS_AGO.length];
      closedDay = between(rng, lo, hi);
      const early = (outcome === 'no_result' || outcome === 'moved_or_unreachable') && k % 3 === 0;
      if (early) {
        entryDay = Math.min(DEMO_HISTORY_DAYS, closedDay + between(rng, 20, 60));
        if (k % 2 === 0) intakeDay = Math.round((entryDay + closedDay) / 2);
      } else {
        entryDay = Math.min(DEMO_HISTORY_DAYS, closedDay + between(rng, 120, 360));
        intakeDay = steps(entryDay, 3, 20);
        guidanceDay = steps(intakeDay, 7, 30);
        if (outcome === 'work' || outcome === 'education')
          if (rng() < 0.6) aftercareDay = Math.round(closedDay + (guidanceDay - closedDay) * 0.3);
      }
    }
    const entry = daysAgo(entryDay);
    const dated = (d: number | null) => (d === null ? null : daysAgo(d));
    const intakeAt = dated(intakeDay);
    const guidanceAt = dated(guidanceDay);
    const aftercareAt = dated(aftercareDay);
    const closedAt = dated(closedDay);
    const trajectoryId = phase === 'none' ? null : uuid(rng);
    const status = phase === 'none' ? null : phase;

    // The hand-over: Compaan's coach held the case until 45 days ago, then Stad Gent's coach took it on.
    const handedOverFrom = i === 1 ? { staff: compaanCoach, at: daysAgo(45) } : undefined;
    const firstCoach = handedOverFrom?.staff ?? coach;
    const firstOrg = orgById.get(firstCoach.organisationId)!;
    const coCoach =
      i === 0
        ? stadCoach
        : phase === 'begeleiding' && i % 15 === 4
          ? coaches.find((c) => c.organisationId !== coach.organisationId && c.teamId === coach.teamId)
          : undefined;

    if (trajectoryId) {
      const path: [string, Date][] = [['aanmelding', entry]];
      if (intakeAt) path.push(['intake', intakeAt]);
      if (guidanceAt) path.push(['begeleiding', guidanceAt]);
      if (aftercareAt) path.push(['nazorg', aftercareAt]);
      if (closedAt) path.push(['afgesloten', closedAt]);
      out.trajectories.push([
        trajectoryId,
        tenant,
        id,
        status,
        channel,
        org.id,
        coach.id,
        coach.teamId,
        entry,
        intakeAt,
        guidanceAt,
        aftercareAt,
        closedAt,
        outcome,
        outcomeKind,
        demoPersonaOf(personaIds, i),
      ]);
      path.forEach(([state, at], k) =>
        out.transitions.push([
          tenant,
          trajectoryId,
          id,
          k === 0 ? null : path[k - 1][0],
          state,
          at,
          state === 'afgesloten' ? outcome : null,
          handedOverFrom && at < handedOverFrom.at ? handedOverFrom.staff.id : coach.id,
        ]),
      );
      if (handedOverFrom) {
        out.assignments.push([
          tenant,
          trajectoryId,
          id,
          firstCoach.id,
          firstOrg.id,
          entry,
          firstCoach.id,
          handedOverFrom.at,
          null,
        ]);
        out.assignments.push([
          tenant,
          trajectoryId,
          id,
          coach.id,
          org.id,
          handedOverFrom.at,
          firstCoach.id,
          null,
          'Warme overdracht: de deelnemer verhuisde naar de wijk van Team Noord.',
        ]);
      } else out.assignments.push([tenant, trajectoryId, id, coach.id, org.id, entry, coach.id, null, null]);

      if (coCoach) {
        const added = guidanceAt ?? entry;
        const coCoachId = uuid(rng);
        out.coCoaches.push([
          coCoachId,
          tenant,
          trajectoryId,
          id,
          coCoach.id,
          coCoach.organisationId,
          added,
          coach.id,
        ]);
        grant(id, { organisationId: coCoach.organisationId }, 'case', 'co_coach', coCoachId, added);
      }

      // Contact moments: the case manager's (the first one's before a hand-over), a few of the co-coach's.
      const end = (closedAt ?? until).getTime();
      const count = guidanceAt ? between(rng, 6, 16) : between(rng, 1, 3);
      const kinds = { ...CONTACT_KINDS, group_session: 0 };
      for (let c = 0; c < count; c++) {
        const at = new Date(entry.getTime() + rng() * Math.max(end - entry.getTime(), DAY));
        const by =
          coCoach && c % 4 === 3 ? coCoach : handedOverFrom && at < handedOverFrom.at ? firstCoach : coach;
        const byOrg = orgById.get(by.organisationId)!;
        // CAW writes confidential notes by default; the CAW participant has at least three.
        const confidential = byOrg.secrecy && (i === 0 ? c % 2 === 0 : rng() < 0.5);
        const kind = weighted(rng, kinds as Record<string, number>);
        const row = contactRow({
          partnershipId: tenant,
          trajectoryId,
          participantId: id,
          at: at > until ? until : at,
          kind,
          minutes: kind === 'phone' ? between(rng, 5, 20) : between(rng, 20, 120),
          staffId: by.id,
          organisationId: byOrg.id,
          summary: confidential ? pick(rng, CONFIDENTIAL_SUBJECTS) : pick(rng, CONTACT_SUBJECTS),
          confidential,
        });
        out.contacts.push([...row, ...fieldOf(kind, i, c)]);
      }

      // Life domains at intake, goals with interim steps once guidance starts.
      if (intakeAt) {
        const domains = sample(rng, LIFE_DOMAINS, between(rng, 2, 4));
        for (const domain of domains)
          out.lifeDomains.push([
            tenant,
            trajectoryId,
            id,
            domain,
            between(rng, 1, 5),
            rng() < 0.4 ? 'Besproken bij de intake.' : null,
            firstCoach.id,
            intakeAt,
          ]);
        if (guidanceAt) {
          const goalDomains = domains.filter((d) => GOAL_TITLES[d]);
          if (!goalDomains.length) goalDomains.push('work');
          for (const domain of goalDomains.slice(0, between(rng, 1, 3))) {
            const created = new Date(guidanceAt.getTime() + between(rng, 0, 14) * DAY);
            if (created > until) continue;
            const goalStatus =
              outcome === 'work' || outcome === 'education'
                ? 'achieved'
                : closedAt
                  ? 'dropped'
                  : weighted(rng, { open: 70, achieved: 25, dropped: 5 });
            const changed =
              goalStatus === 'open' ? created : new Date(Math.min((closedAt ?? until).getTime(), end));
            const stepCount = between(rng, 2, 4);
            const stepList = sample(rng, STEP_TITLES, stepCount).map((title, k) => {
              const done = goalStatus === 'achieved' || k < Math.floor(stepCount / 2);
              const doneAt = new Date(
                created.getTime() + (k + 1) * ((changed.getTime() - created.getTime()) / (stepCount + 1)),
              );
              return { title, done, doneAt: done ? doneAt.toISOString() : null };
            });
            out.goals.push([
              uuid(rng),
              tenant,
              trajectoryId,
              id,
              domain,
              pick(rng, GOAL_TITLES[domain]!),
              iso(new Date(created.getTime() + between(rng, 90, 270) * DAY)),
              goalStatus,
              changed,
              JSON.stringify(stepList),
              firstCoach.id,
              created,
              changed,
            ]);
          }
        }
      }

      // Follow-ups after leaving: most four-week ones recorded, some six-month ones; the rest stay due.
      if (closedAt && guidanceAt) {
        const situation =
          outcome === 'work'
            ? 'employed'
            : outcome === 'education'
              ? 'qualification'
              : outcome === 'regular_activation' || outcome === 'volunteering_or_supported_work'
                ? 'job_searching'
                : 'unemployed';
        const fourWeeks = new Date(closedAt.getTime() + between(rng, 7, 27) * DAY);
        if (fourWeeks <= until && rng() < 0.7)
          out.followUps.push([tenant, trajectoryId, id, iso(fourWeeks), situation, null, coach.id]);
        const sixMonths = new Date(closedAt.getTime() + between(rng, 183, 200) * DAY);
        if (sixMonths <= until && (employedAtEntry || rng() < 0.5))
          out.followUps.push([
            tenant,
            trajectoryId,
            id,
            iso(sixMonths),
            situation === 'employed' ? 'employed' : pick(rng, ['employed', 'job_searching', 'inactive']),
            // Better off than at entry: for someone who already worked, a better job (EECR06).
            employedAtEntry || situation === 'employed' || rng() < 0.4,
            coach.id,
          ]);
      }
    }

    // The ESF+ entry profile: complete for most, a gap in every ninth so the data-quality list has work.
    const nationality = pick(rng, NATIONALITIES);
    const thirdCountry = !EU.includes(nationality);
    const gap = i % 9 === 5;
    let inszHash: string | null = null;
    let inszEnc: string | null = null;
    if (rng() < 0.85) {
      const number = unusedInsz(rng, person.birthDate, usedInsz);
      inszHash = insz.hash(number);
      inszEnc = insz.encrypt(number);
    }
    const team = input.teams.find((t) => t.id === coach.teamId) ?? input.teams[0];
    out.participants.push([
      id,
      tenant,
      org.id,
      first,
      last,
      searchName(first, last),
      nameKey(first, last),
      person.birthDate,
      person.gender,
      inszHash,
      inszEnc,
      `+32 4${between(rng, 70, 99)} ${between(rng, 10, 99)} ${between(rng, 10, 99)} ${between(rng, 10, 99)}`,
      null,
      `${pick(rng, ['Voorbeeldstraat', 'Proefdreef', 'Fictieve Kaai', 'Demolaan'])} ${between(rng, 1, 250)}`,
      pick(rng, ['9000', '9030', '9032', '9040', '9050']),
      'Gent',
      team.name === 'Team Noord'
        ? 'Rabot-Blaisantvest'
        : team.name === 'Team Oost'
          ? 'Dampoort'
          : team.name === 'Team Zuid'
            ? 'Nieuw Gent-UZ'
            : 'Brugse Poort-Rooigem',
      pick(rng, ['nl', 'nl', 'nl', 'fr', 'en', 'tr', 'ar', 'pl', 'ro']),
      nationality,
      iso(entry),
      gap && i % 2 === 1 ? null : labour,
      labour === 'unemployed' ? rng() < 0.45 : null,
      gap && i % 2 === 0 ? null : pick(rng, ['isced_0_2', 'isced_0_2', 'isced_3_4', 'isced_5_8']),
      weighted(rng, { yes: 15, no: 70, declined: 15 }),
      weighted(rng, { yes: 20, no: 60, declined: 20 }),
      channel,
      trajectoryId,
      status,
      trajectoryId ? coach.id : null,
      trajectoryId ? coach.teamId : null,
      firstCoach.id,
      entry,
      thirdCountry,
      gap ? null : thirdCountry || rng() < 0.25,
      rng() < 0.12,
      rng() < 0.03,
      rng() < 0.15,
    ]);

    // Ownership: the first organisation's grant ends at the hand-over, the new owner's starts there.
    if (handedOverFrom) {
      grant(id, { organisationId: firstOrg.id }, 'full', 'owner', id, entry, null, handedOverFrom.at);
      grant(id, { organisationId: org.id }, 'full', 'owner', id, handedOverFrom.at);
    } else grant(id, { organisationId: org.id }, 'full', 'owner', id, entry);

    // Consents: sharing within the partnership (with its summary grants for every other organisation
    // of the owner at the time), and special categories for some.
    if (i < 2 || rng() < 0.8) {
      const consentId = uuid(rng);
      out.consents.push([consentId, ...consentRow(tenant, id, 'partnership_sharing', entry, firstCoach.id)]);
      for (const o of input.organisations)
        if (o.id !== firstOrg.id)
          grant(id, { organisationId: o.id }, 'summary', 'consent_partnership', consentId, entry);
    }
    if (rng() < 0.3)
      out.consents.push([uuid(rng), ...consentRow(tenant, id, 'special_categories', entry, firstCoach.id)]);

    seeded.push({
      id,
      trajectoryId,
      caseManagerId: coach.id,
      organisationId: org.id,
      teamId: coach.teamId,
      channel,
      startedAt: trajectoryId ? entry : null,
      intakeAt,
      guidanceAt,
      aftercareAt,
      closedAt,
      status,
      outcome,
      handedOverFrom,
      coCoach,
    });
  }

  // Group sessions every two weeks over the last half year, and two to come.
  const facilitators = staff.filter((s) => s.roles.includes('expertise'));
  const sessions: unknown[][] = [];
  const attendance: unknown[][] = [];
  const sessionContacts: unknown[][] = [];
  const sessionGrants: unknown[][] = [];
  for (let k = -2; k < 13; k++) {
    const [tag, theme] = SESSION_THEMES[(k + 2) % SESSION_THEMES.length];
    const facilitator = facilitators[(k + 2) % facilitators.length] ?? coaches[0];
    const team = input.teams[(k + 2) % input.teams.length];
    const at = new Date(anchor.getTime() - (k * 14 + 3) * DAY + 13 * 3600_000);
    const sessionId = uuid(rng);
    const duration = between(rng, 4, 8) * 30;
    sessions.push([
      sessionId,
      tenant,
      theme,
      tag,
      at,
      duration,
      team.location,
      facilitator.id,
      facilitator.id,
      new Date(at.getTime() - 21 * DAY),
    ]);
    if (at > until) continue;
    const eligible = seeded.filter((p) => p.guidanceAt && p.guidanceAt < at && openAt(p, at));
    for (const p of sample(rng, eligible, between(rng, 4, 9))) {
      const attended = rng() < 0.8;
      const rowId = uuid(rng);
      const contactId = attended ? uuid(rng) : null;
      attendance.push([rowId, tenant, sessionId, p.id, p.trajectoryId, attended, contactId, p.caseManagerId]);
      if (contactId)
        sessionContacts.push([
          contactId,
          tenant,
          p.trajectoryId,
          p.id,
          at,
          'group_session',
          duration,
          facilitator.id,
          facilitator.id,
          facilitator.organisationId,
          theme,
          false,
          'group_session',
          sessionId,
        ]);
      const lapses = new Date(at.getTime() + duration * 60_000 + FACILITATOR_ACCESS_AFTER_MS);
      sessionGrants.push([
        ...grantRow(
          tenant,
          p.id,
          { staffId: facilitator.id },
          'summary',
          'group_session',
          rowId,
          new Date(at.getTime() - 7 * DAY),
          lapses,
        ),
        null,
      ]);
    }
  }

  const client = (m.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
  const ownerOf = new Map(seeded.map((p) => [p.id, p.organisationId]));
  const organiserOf = new Map<string, { org: string; user: string }>();
  const writer = new ActorScopedClient(client, {
    participants: (r) => ({ org: r.owner_organisation_id as string }),
    contacts: (r) => ({ org: r.author_organisation_id as string, user: r.author_id as string }),
    assessments: (r) => ({ org: ownerOf.get(r.participant_id as string) }),
    participant_feedback: (r) => ({ org: ownerOf.get(r.participant_id as string) }),
    referrals: (r) => ({ org: r.sender_organisation_id as string }),
    referral_transitions: (r) => ({ org: r.actor_organisation_id as string, user: r.actor_id as string }),
    case_meetings: (r) => {
      const organiser = { org: r.organiser_organisation_id as string, user: r.organiser_id as string };
      organiserOf.set(r.id as string, organiser);
      return organiser;
    },
    case_meeting_attendees: (r) => organiserOf.get(r.case_meeting_id as string)!,
    case_meeting_items: (r) => ({ org: r.author_organisation_id as string, user: r.author_id as string }),
    case_meeting_actions: (r) => organiserOf.get(r.case_meeting_id as string)!,
    signals: (r) => ({ org: r.author_organisation_id as string, user: r.author_id as string }),
    case_meeting_value_questions: (r) => ({
      org: r.recorded_by_organisation_id as string,
      user: r.recorded_by as string,
    }),
  });
  const db = writer as unknown as PoolClient;
  const rows: TableCounts = {};
  const add = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  add('participants', await insertUnnest(db, 'participants', DEMO_PARTICIPANT_COLUMNS, out.participants));
  add('access_grants', await insertUnnest(db, 'access_grants', DEMO_GRANT_COLUMNS, out.grants));
  add('personas', await seedPersonas(db, tenant, personaIds));
  add('trajectories', await insertUnnest(db, 'trajectories', DEMO_TRAJECTORY_COLUMNS, out.trajectories));
  add(
    'trajectory_transitions',
    await insertUnnest(db, 'trajectory_transitions', TRANSITION_COLUMNS, out.transitions),
  );
  add(
    'case_manager_assignments',
    await insertUnnest(db, 'case_manager_assignments', DEMO_ASSIGNMENT_COLUMNS, out.assignments),
  );
  add('co_coaches', await insertUnnest(db, 'co_coaches', CO_COACH_COLUMNS, out.coCoaches));
  add('consents', await insertUnnest(db, 'consents', DEMO_CONSENT_COLUMNS, out.consents));
  add('contacts', await insertUnnest(db, 'contacts', DEMO_CONTACT_COLUMNS, out.contacts));
  add('life_domains', await insertUnnest(db, 'life_domains', LIFE_DOMAIN_COLUMNS, out.lifeDomains));
  add('goals', await insertUnnest(db, 'goals', GOAL_COLUMNS, out.goals));
  add('follow_ups', await insertUnnest(db, 'follow_ups', FOLLOW_UP_COLUMNS, out.followUps));
  add('group_sessions', await insertUnnest(db, 'group_sessions', SESSION_COLUMNS, sessions));
  add('contacts', await insertUnnest(db, 'contacts', ID_CONTACT_COLUMNS, sessionContacts));
  add(
    'group_session_attendance',
    await insertUnnest(db, 'group_session_attendance', ATTENDANCE_COLUMNS, attendance),
  );
  add('access_grants', await insertUnnest(db, 'access_grants', DEMO_GRANT_COLUMNS, sessionGrants));
  const work = demoWork(
    tenant,
    compaanCoach.id,
    out.trajectories.map((r) => ({
      id: r[0] as string,
      participantId: r[2] as string,
      coachId: r[6] as string,
      startedAt: r[8] as Date,
      guidanceAt: r[10] as Date | null,
      closedAt: r[12] as Date | null,
      outcome: r[13] as string | null,
      outcomeKind: r[14] as string | null,
    })),
    input.seed ?? DEMO_CASES_SEED,
  );
  add('employers', await insertUnnest(db, 'employers', EMPLOYER_COLUMNS, work.employers));
  add('placements', await insertUnnest(db, 'placements', PLACEMENT_COLUMNS, work.placements));

  const ctx: PartnershipContext = {
    rng,
    partnershipId: tenant,
    until,
    since,
    participants: seeded,
    staff,
    organisations: input.organisations,
    teams: input.teams,
    insz: { protector: insz, used: usedInsz },
  };
  for (const generate of [seedAssessments, seedFeedback, seedReferrals, seedCaseMeetings])
    for (const [table, n] of Object.entries(await generate(db, ctx))) add(table, n);
  for (const [table, n] of Object.entries(await freshReferrals(db, ctx, seeded[1]))) add(table, n);
  add('assessments', await seedDemoPerspectives(writer, tenant, staff));
  // Last: it draws from the seed's stream, so everything above stays as it was.
  for (const [table, n] of Object.entries(await seedSignalsAndValueQuestions(db, writer, ctx))) add(table, n);
  return { rows, ms: Date.now() - started, anchor };
}

/**
 * Fresh referrals: two sent yesterday, still waiting in the VDAB and OCMW SPOCs' inboxes, and two
 * they accepted this week, so both offers have a referral in every state (the generator's are rarely that fresh). Written as POST /referrals
 * writes an outbound one: the submitted transition, the exchange consent and the receiver's grant.
 */
async function freshReferrals(
  db: PoolClient,
  ctx: PartnershipContext,
  p: SeededParticipant,
): Promise<TableCounts> {
  const { rng, partnershipId: tenant } = ctx;
  const coach = ctx.staff.find((s) => s.id === p.caseManagerId)!;
  const rows: unknown[][] = [];
  const transitions: unknown[][] = [];
  const grants: unknown[][] = [];
  const consents: unknown[][] = [];
  for (const [target, kind, note, accepted] of [
    ['vdab', 'training', 'Interesse in een opleiding magazijnier.', false],
    ['vdab', 'indicering', 'Arbeidsbeperking: indicering aangevraagd.', true],
    ['ocmw', 'rights_exploration', 'Graag een rechtenverkenning: recht op een huurpremie?', false],
    ['ocmw', 'leefloon', 'Inkomen valt weg na het interimcontract.', true],
  ] as const) {
    const id = uuid(rng);
    const receiver = ctx.organisations.find((o) => o.kind === target)!;
    const spoc = ctx.staff.find((s) => s.roles.includes(`spoc_${target}`) && s.teamId === p.teamId)!;
    const at = new Date(
      ctx.until.getTime() - (accepted ? 6 : 1) * DAY + between(rng, 9 * 60, 15 * 60) * 60_000,
    );
    const acceptedAt = new Date(at.getTime() + 3 * DAY);
    rows.push([
      id,
      tenant,
      'outbound',
      target,
      kind,
      accepted ? 'accepted' : 'submitted',
      p.id,
      null,
      null,
      null,
      note,
      p.organisationId,
      receiver.id,
      accepted ? spoc.id : null,
      addWorkingDays(at, 10),
      at,
      null,
      coach.id,
      accepted ? 2 : 1,
      at,
      accepted ? acceptedAt : at,
    ]);
    transitions.push([tenant, id, null, 'submitted', null, null, coach.id, p.organisationId, at]);
    if (accepted)
      transitions.push([tenant, id, 'submitted', 'accepted', null, null, spoc.id, receiver.id, acceptedAt]);
    grants.push(
      grantRow(tenant, p.id, { organisationId: receiver.id }, 'referral', 'referral', id, at, null),
    );
    consents.push(consentRow(tenant, p.id, `${target}_exchange`, p.intakeAt ?? p.startedAt!, coach.id));
  }
  return {
    referrals: await insertUnnest(db, 'referrals', REFERRAL_COLUMNS, rows),
    referral_transitions: await insertUnnest(
      db,
      'referral_transitions',
      REFERRAL_TRANSITION_COLUMNS,
      transitions,
    ),
    access_grants: await insertUnnest(db, 'access_grants', GRANT_COLUMNS, grants),
    consents: await insertUnnest(db, 'consents', CONSENT_COLUMNS, consents),
  };
}
