import type { ClientBase } from 'pg';
import { nameKey, searchName } from '../../common/validation/names';
import { InszProtector } from '../../participants/insz-protector';
import { seedAssessments } from './assessments-seed';
import { insertUnnest, insertValues } from './bulk-insert';
import { seedCaseMeetings } from './case-meetings-seed';
import { seedFeedback } from './feedback-seed';
import {
  ASSIGNMENT_COLUMNS,
  CONSENT_COLUMNS,
  CONTACT_COLUMNS,
  GRANT_COLUMNS,
  PARTICIPANT_COLUMNS,
  TRAJECTORY_COLUMNS,
  TRANSITION_COLUMNS,
} from './columns';
import {
  consentRow,
  contactRow,
  REFERRAL_CHANNEL_WEIGHTS,
  DAY,
  grantRow,
  PartnershipContext,
  SeededOrganisation,
  SeededParticipant,
} from './context';
import { seedReferrals } from './referrals-seed';
import {
  between,
  CONTACT_KINDS,
  FIRST_NAMES,
  FLEMISH_TOWNS,
  LAST_NAMES,
  mulberry32,
  OUTCOMES,
  pick,
  REGULAR_ACTIVATION_KINDS,
  Rng,
  syntheticPerson,
  unusedInsz,
  uuid,
  weighted,
  WIJKEN,
} from './synthetic';

/** Every scale-seed account shares it. Synthetic, for load tests on local data only. */
export const SCALE_PASSWORD = 'Scale-bench-2026';
export const SCALE_DOMAIN = 'scale.jobteam.example';
/** The accounts the seed prints for the first two partnerships: coaches, and the SPOCs whose inboxes hold referrals. */
const LOGINS = ['coach1', 'coach2', 'coach3', 'spocvdab1', 'spococmw1', 'coordinator'];

export interface ScaleOptions {
  partnerships: number;
  participants: number;
  seed: number;
  /** Average contact moments per participant (those in guidance get more, sign-ups fewer). */
  contactsPer: number;
  /** The configured INSZ_HASH_KEY: hashes must match what the running app computes. */
  inszHashKey: string;
  /** One argon2 hash of SCALE_PASSWORD, reused for every account (hashing 2,000 would take minutes). */
  passwordHash: string;
  /** The day the history ends (YYYY-MM-DD); with the seed it fixes the data set. */
  until: string;
  log?: (line: string) => void;
}

export interface ScaleLogin {
  email: string;
  role: string;
  partnership: string;
}

export interface ScaleResult {
  rows: Record<string, number>;
  ms: number;
  logins: ScaleLogin[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

interface Org extends SeededOrganisation {
  secrecy: boolean;
}

function organisations(rng: Rng, town: string): Org[] {
  const org = (slug: string, name: string, kind: string, secrecy = false): Org => ({
    id: uuid(rng),
    name,
    kind,
    secrecy,
    slug,
  });
  return [
    org('stad', `Stad ${town}`, 'promotor'),
    org('ocmw', `OCMW ${town}`, 'ocmw'),
    org('vdab', 'VDAB', 'vdab'),
    org('caw', 'CAW regio', 'partner', true),
    org('werkt', `${town} Werkt vzw`, 'partner'),
    org('buurt', `Buurtwerk ${town}`, 'partner'),
    org('leer', `Leerwinkel ${town}`, 'partner'),
  ];
}

/** Seeds everything for the run: one transaction per partnership, so progress is visible and memory flat. */
export async function seedScale(client: ClientBase, o: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const rows: Record<string, number> = {};
  const add = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const insz = new InszProtector({ inszHashKey: o.inszHashKey } as never);
  const usedInsz = new Set<string>();
  const logins: ScaleLogin[] = [];
  // The end of that working day, but never in the future: seeded contacts and assessments dated after the
  // API's clock would look like data entered ahead of time. A past --until stays fully deterministic.
  const until = new Date(Math.min(new Date(`${o.until}T17:00:00Z`).getTime(), Date.now() - 60_000));
  const perPartnership = Math.floor(o.participants / o.partnerships);

  for (let pi = 0; pi < o.partnerships; pi++) {
    const rng = mulberry32(o.seed * 1000003 + pi);
    const town = FLEMISH_TOWNS[pi % FLEMISH_TOWNS.length];
    const suffix = pi >= FLEMISH_TOWNS.length ? ` ${Math.floor(pi / FLEMISH_TOWNS.length) + 1}` : '';
    const partnershipName = `Jobteam ${town}${suffix}`;
    const tag = `p${String(pi + 1).padStart(2, '0')}`;
    const count =
      pi === o.partnerships - 1 ? o.participants - perPartnership * (o.partnerships - 1) : perPartnership;
    const partnershipId = uuid(rng);
    await client.query('begin');
    try {
      await client.query('insert into partnerships (id, name) values ($1, $2)', [
        partnershipId,
        partnershipName,
      ]);
      add('partnerships', 1);
      const orgs = organisations(rng, town);
      add(
        'organisations',
        await insertValues(
          client,
          'organisations',
          ['id', 'partnership_id', 'name', 'kind', 'professional_secrecy'],
          orgs.map((g) => [g.id, partnershipId, g.name, g.kind, g.secrecy]),
        ),
      );
      const teams = [0, 1, 2, 3].map((i) => ({
        id: uuid(rng),
        name: `Team ${['Noord', 'Oost', 'Zuid', 'West'][i]}`,
        wijken: WIJKEN.slice(i * 2, i * 2 + 3),
      }));
      add(
        'teams',
        await insertValues(
          client,
          'teams',
          ['id', 'partnership_id', 'name', 'location', 'wijken'],
          teams.map((t) => [t.id, partnershipId, t.name, `Wijkcentrum ${t.name.slice(5)}`, t.wijken]),
        ),
      );

      // ~33 staff as in the Jobteam Gent staffing plan: 18 coaches, 8 VDAB and 4 OCMW SPOCs, 3 staff roles.
      const byslug = new Map(orgs.map((g) => [g.slug, g]));
      const plan: { label: string; org: string; roles: string[]; team: number | null }[] = [
        { label: 'admin', org: 'stad', roles: ['admin'], team: null },
        { label: 'coordinator', org: 'stad', roles: ['coordinator'], team: null },
        { label: 'dpo', org: 'stad', roles: ['dpo'], team: null },
      ];
      const coachOrgs = ['stad', 'ocmw', 'caw', 'werkt', 'buurt', 'leer'];
      for (let i = 0; i < 18; i++)
        plan.push({
          label: `coach${i + 1}`,
          org: coachOrgs[i % coachOrgs.length],
          roles: ['coach'],
          team: i % 4,
        });
      for (let i = 0; i < 8; i++)
        plan.push({ label: `spocvdab${i + 1}`, org: 'vdab', roles: ['spoc_vdab'], team: i % 4 });
      for (let i = 0; i < 4; i++)
        plan.push({ label: `spococmw${i + 1}`, org: 'ocmw', roles: ['spoc_ocmw'], team: i % 4 });
      const staff = plan.map((s) => ({
        id: uuid(rng),
        organisationId: byslug.get(s.org)!.id,
        teamId: s.team === null ? null : teams[s.team].id,
        roles: s.roles,
        email: `${s.label}.${tag}@${SCALE_DOMAIN}`,
        name: `${pick(rng, FIRST_NAMES[rng() < 0.5 ? 'female' : 'male'])} ${pick(rng, LAST_NAMES)}`,
      }));
      add(
        'staff',
        await insertValues(
          client,
          'staff',
          [
            'id',
            'partnership_id',
            'organisation_id',
            'team_id',
            'email',
            'name',
            'roles',
            'fte',
            'password_hash',
          ],
          staff.map((s) => [
            s.id,
            partnershipId,
            s.organisationId,
            s.teamId,
            s.email,
            s.name,
            s.roles,
            1,
            o.passwordHash,
          ]),
        ),
      );
      if (pi < 2)
        for (const s of plan.flatMap((x, k) => (LOGINS.includes(x.label) ? [staff[k]] : [])))
          logins.push({ email: s.email, role: s.roles[0], partnership: partnershipName });
      const coaches = staff.filter((s) => s.roles[0] === 'coach');

      const participants: unknown[][] = [];
      const grants: unknown[][] = [];
      const trajectories: unknown[][] = [];
      const transitions: unknown[][] = [];
      const assignments: unknown[][] = [];
      const consents: unknown[][] = [];
      const contacts: unknown[][] = [];
      const seeded: SeededParticipant[] = [];
      const kinds = CONTACT_KINDS as Record<keyof typeof CONTACT_KINDS, number>;
      const guidanceContacts = Math.max(1, (o.contactsPer - 0.39 * 2) / 0.61);

      for (let i = 0; i < count; i++) {
        const id = uuid(rng);
        const coach = pick(rng, coaches);
        const org = orgs.find((g) => g.id === coach.organisationId)!;
        const { gender, first, last, birthDate } = syntheticPerson(rng);
        let inszHash: string | null = null;
        let inszEnc: string | null = null;
        if (rng() < 0.85) {
          const number = unusedInsz(rng, birthDate, usedInsz);
          inszHash = insz.hash(number);
          inszEnc = insz.encrypt(number);
        }
        const entry = new Date(until.getTime() - between(rng, 0, 6 * 365) * DAY);
        const channel = weighted(rng, REFERRAL_CHANNEL_WEIGHTS);
        // 61% of those reached start guidance (DOMAIN.md); of the rest half never open a trajectory.
        const starts = rng() < 0.61;
        const hasTrajectory = starts || rng() < 0.5;
        const trajectoryId = hasTrajectory ? uuid(rng) : null;
        let status: string | null = null;
        let closedAt: Date | null = null;
        let trajectoryOutcome: string | null = null;
        let dates = {
          intakeAt: null as Date | null,
          guidanceAt: null as Date | null,
          aftercareAt: null as Date | null,
        };
        if (trajectoryId) {
          const steps: [string, Date][] = [['aanmelding', entry]];
          let t = entry.getTime();
          const next = (min: number, max: number) => new Date((t += between(rng, min, max) * DAY));
          let outcome: string | null = null;
          let outcomeKind: string | null = null;
          const stepIfPast = (state: string, at: Date) =>
            at <= until ? (steps.push([state, at]), true) : false;
          if (starts) {
            if (stepIfPast('intake', next(3, 30)) && stepIfPast('begeleiding', next(7, 45))) {
              const aftercare = rng() < 0.5 && stepIfPast('nazorg', next(90, 540));
              const closeAt = next(aftercare ? 30 : 90, aftercare ? 120 : 540);
              if (stepIfPast('afgesloten', closeAt)) {
                outcome = weighted(rng, OUTCOMES as Record<keyof typeof OUTCOMES, number>);
                if (outcome === 'regular_activation') outcomeKind = pick(rng, REGULAR_ACTIVATION_KINDS);
              }
            }
          } else {
            if (rng() < 0.5) stepIfPast('intake', next(3, 30));
            if (stepIfPast('afgesloten', next(7, 60)))
              outcome = rng() < 0.7 ? 'no_result' : 'moved_or_unreachable';
          }
          const at = (s: string) => steps.find(([st]) => st === s)?.[1] ?? null;
          status = steps[steps.length - 1][0];
          closedAt = at('afgesloten');
          trajectoryOutcome = outcome;
          dates = { intakeAt: at('intake'), guidanceAt: at('begeleiding'), aftercareAt: at('nazorg') };
          trajectories.push([
            trajectoryId,
            partnershipId,
            id,
            status,
            channel,
            org.id,
            coach.id,
            coach.teamId,
            entry,
            at('intake'),
            at('begeleiding'),
            at('nazorg'),
            closedAt,
            outcome,
            outcomeKind,
          ]);
          steps.forEach(([st, when], k) =>
            transitions.push([
              partnershipId,
              trajectoryId,
              id,
              k === 0 ? null : steps[k - 1][0],
              st,
              when,
              st === 'afgesloten' ? outcome : null,
              coach.id,
            ]),
          );
          assignments.push([partnershipId, trajectoryId, id, coach.id, org.id, entry, coach.id]);
          const end = (closedAt ?? until).getTime();
          const n = at('begeleiding')
            ? between(rng, Math.floor(guidanceContacts * 0.5), Math.ceil(guidanceContacts * 1.5))
            : between(rng, 0, 4);
          for (let c = 0; c < n; c++) {
            const when = new Date(entry.getTime() + rng() * Math.max(end - entry.getTime(), DAY));
            const kind = weighted(rng, kinds);
            contacts.push(
              contactRow({
                partnershipId,
                trajectoryId,
                participantId: id,
                at: when > until ? until : when,
                kind,
                minutes: kind === 'phone' ? between(rng, 5, 20) : between(rng, 20, 120),
                staffId: coach.id,
                organisationId: org.id,
                summary: `Gesprek over ${pick(rng, ['werk', 'huisvesting', 'schulden', 'opleiding', 'gezondheid', 'mobiliteit'])}`,
                confidential: rng() < (org.secrecy ? 0.3 : 0.02),
              }),
            );
          }
        }
        const wijk = pick(rng, teams.find((t) => t.id === coach.teamId)!.wijken);
        participants.push([
          id,
          partnershipId,
          org.id,
          first,
          last,
          searchName(first, last),
          nameKey(first, last),
          birthDate,
          gender,
          inszHash,
          inszEnc,
          `+32 4${between(rng, 70, 99)} ${between(rng, 10, 99)} ${between(rng, 10, 99)} ${between(rng, 10, 99)}`,
          null,
          `${pick(rng, ['Kerkstraat', 'Stationsstraat', 'Dorpsstraat', 'Molenstraat', 'Nieuwstraat'])} ${between(rng, 1, 250)}`,
          String(between(rng, 1000, 9999)),
          town,
          wijk,
          pick(rng, ['nl', 'nl', 'fr', 'en', 'tr', 'ar', 'pl', 'ro']),
          pick(rng, ['BE', 'BE', 'BE', 'NL', 'PL', 'RO', 'BG', 'TR', 'MA', 'SY']),
          iso(entry),
          weighted(rng, { unemployed: 60, inactive: 30, in_education: 4, employed: 5, self_employed: 1 }),
          rng() < 0.45,
          pick(rng, ['isced_0_2', 'isced_0_2', 'isced_3_4', 'isced_5_8']),
          weighted(rng, { yes: 15, no: 70, declined: 15 }),
          weighted(rng, { yes: 20, no: 60, declined: 20 }),
          channel,
          trajectoryId,
          status,
          trajectoryId ? coach.id : null,
          trajectoryId ? coach.teamId : null,
          coach.id,
          entry,
        ]);
        grants.push(
          grantRow(partnershipId, id, { organisationId: org.id }, 'full', 'owner', id, entry, null),
        );
        if (rng() < 0.8) consents.push(consentRow(partnershipId, id, 'partnership_sharing', entry, coach.id));
        if (rng() < 0.3) consents.push(consentRow(partnershipId, id, 'special_categories', entry, coach.id));
        seeded.push({
          id,
          trajectoryId,
          caseManagerId: coach.id,
          organisationId: org.id,
          teamId: coach.teamId,
          channel,
          startedAt: trajectoryId ? entry : null,
          ...dates,
          closedAt,
          status,
          outcome: trajectoryOutcome,
        });
      }

      add('participants', await insertUnnest(client, 'participants', PARTICIPANT_COLUMNS, participants));
      add('access_grants', await insertUnnest(client, 'access_grants', GRANT_COLUMNS, grants));
      add('trajectories', await insertUnnest(client, 'trajectories', TRAJECTORY_COLUMNS, trajectories));
      add(
        'trajectory_transitions',
        await insertUnnest(client, 'trajectory_transitions', TRANSITION_COLUMNS, transitions),
      );
      add(
        'case_manager_assignments',
        await insertUnnest(client, 'case_manager_assignments', ASSIGNMENT_COLUMNS, assignments),
      );
      add('consents', await insertUnnest(client, 'consents', CONSENT_COLUMNS, consents));
      add('contacts', await insertUnnest(client, 'contacts', CONTACT_COLUMNS, contacts));
      const ctx: PartnershipContext = {
        rng,
        partnershipId,
        until,
        participants: seeded,
        staff,
        organisations: orgs,
        teams,
        insz: { protector: insz, used: usedInsz },
      };
      for (const generate of [seedAssessments, seedFeedback, seedReferrals, seedCaseMeetings])
        for (const [table, n] of Object.entries(await generate(client, ctx))) add(table, n);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    }
    const total = Object.values(rows).reduce((s, n) => s + n, 0);
    log(
      `${partnershipName}: ${count} participants; ${total.toLocaleString('en')} rows so far, ` +
        `${Math.round(total / ((Date.now() - started) / 1000)).toLocaleString('en')} rows/s`,
    );
  }
  return { rows, ms: Date.now() - started, logins };
}
