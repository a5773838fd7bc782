import { once } from 'node:events';
import type { Pool } from 'pg';
import { LIFE_DOMAINS } from '../../src/life-domains/life-domain';
import { Permission } from '../../src/access/permission';
import { permissionsFor } from '../../src/access/role-permissions';
import { Role, ROLES } from '../../src/access/role';
import { buildOpenApiDocument } from '../../src/common/http/openapi';
import { localDate } from '../../src/common/validation/dates';
import {
  createPartnership,
  createStaffMember,
  StaffKey,
  TEST_PASSWORD,
  TestPartnership,
} from '../factories/partnership.factory';
import { participantBody } from '../factories/participant.factory';
import { ResponseContract } from '../harness/response-contract';
import { createTestApp, TestApp } from '../harness/test-app';
import { unzipText } from '../support/unzip';
import { buildWorld, consent, Org, person, transfer, World, worldApi } from './matrix-world';

/**
 * Every operation of the OpenAPI document × every role × {own organisation's record, another
 * organisation's record without any grant, another partnership's record}. It proves four things:
 * never a 5xx; a role without the route's permission gets 403; another organisation's or
 * partnership's record is never returned (404, or what the table below documents) and its names
 * and ids never appear in a body; the own record with the permission gives a 2xx, or a
 * business-rule 4xx that the table documents. A route missing from ROUTES fails the test.
 */
const RELATIONS = ['own', 'otherOrg', 'otherPartnership'] as const;
type Relation = (typeof RELATIONS)[number];

const ROLE_KEYS: Record<Role, StaffKey> = {
  admin: 'admin',
  org_admin: 'orgAdmin',
  coordinator: 'coordinator',
  dpo: 'dpo',
  coach: 'coach',
  spoc_vdab: 'spocVdab',
  spoc_ocmw: 'spocOcmw',
  expertise: 'expertise',
};
const ORG_OF: Record<Role, Org> = {
  admin: 'stad',
  org_admin: 'stad',
  coordinator: 'stad',
  dpo: 'stad',
  coach: 'compaan',
  spoc_vdab: 'vdab',
  spoc_ocmw: 'ocmw',
  expertise: 'intro',
};

type Ids = World & {
  referral: string;
  organisation: string;
  staffMember: string;
  team: string;
  coCoach: string;
  /** A fresh one-time token for POST /auth/activate. */
  credentialToken?: string;
  /** A report submission of the relation's partnership, made fresh by its coordinator. */
  submission?: string;
  employer: string;
  placement: string;
  /** A fresh persona of the relation's partnership, for PATCH /personas/{id}. */
  persona?: string;
};
interface Ctx {
  t: TestApp;
  a: TestPartnership;
  role: Role;
  relation: Relation;
  ids: Ids;
}
type Want = Partial<Record<Role | '*', string>>;

interface RouteCase {
  params?: (x: Ids) => Record<string, string>;
  query?: (x: Ids) => Record<string, string>;
  body?: (x: Ids, c: Ctx) => object;
  /** The current version for If-Match, read as the superuser so the read itself is no access answer. */
  version?: (x: Ids, c: Ctx) => Promise<number>;
  /** Records this call consumes (a state change, a deactivation), created fresh for the relations in freshFor. */
  fresh?: (c: Ctx) => Promise<Partial<Ids>>;
  freshFor?: Relation[];
  /**
   * record: the path names one participant-linked record (default: own 2xx, others 404).
   * partnership: directory data every organisation of the partnership shares (otherOrg 2xx too).
   * none: no record in the path; the relation only changes the query or body (all 2xx).
   */
  kind?: 'record' | 'partnership' | 'none';
  /** Documented exceptions to the defaults, per relation, per role ('*' for every allowed role). */
  expect?: Partial<Record<Relation, Want>>;
  /** Who may see another organisation's participant in this body: ids only, or everything (DPO duties). */
  reveals?: Partial<Record<Role, 'ids' | 'all'>>;
  /** What the own record's 2xx body must contain: proof that the leak search looks where the data is. */
  shows?: (x: Ids) => string[];
}

const now = () => new Date().toISOString();
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const version =
  (table: string, column = 'version') =>
  (id: string) =>
  async (_x: Ids, c: Ctx) =>
    (await c.t.sql<{ v: number }>(`select ${column} as v from ${table} where id = $1`, [id]))[0]?.v ?? 1;
const p = (x: Ids) => ({ id: x.participant.id });
const tr = (x: Ids) => ({ id: x.trajectory });
const period = () => ({ from: '2020-01-01', to: localDate(new Date()) });
const thisQuarter = () => ({
  year: String(new Date().getFullYear()),
  quarter: String(Math.floor(new Date().getMonth() / 3) + 1),
});
const lifeDomainScores = () => Object.fromEntries(LIFE_DOMAINS.map((d) => [d, 3]));

/** A new participant (with an open, closed or no trajectory) in the caller's world, built as its creator. */
async function freshCase(c: Ctx, opts: { trajectory?: 'open' | 'closed' | 'none'; coCoach?: StaffKey } = {}) {
  const w = c.ids;
  const call = worldApi(c.t, w.p);
  const made = await person(c.t, w.p, w.creator, opts.trajectory !== 'none');
  if (opts.trajectory === 'closed')
    await call('post', `/trajectories/${made.trajectory}/transitions`, w.creator, {
      to: 'afgesloten',
      at: now(),
      outcome: 'no_result',
    });
  if (opts.coCoach)
    await call('post', `/trajectories/${made.trajectory}/co-coaches`, w.creator, {
      staffId: w.p.staff[opts.coCoach].id,
    });
  if (w.p.staff[w.creator].organisationId !== w.p.orgs[w.org].id)
    await transfer(c.t, w.p, made.person.id, w.org);
  return { participant: { ...w.participant, id: made.person.id }, trajectory: made.trajectory };
}

const quarterBody = () => ({ year: Number(thisQuarter().year), quarter: Number(thisQuarter().quarter) });

/** A route on one submission: a fresh one of the relation's partnership, made by its coordinator. */
function submissionCase(kind: 'esf' | 'quarterly'): RouteCase {
  return {
    kind: 'partnership',
    params: (x) => ({ id: x.submission ?? '00000000-0000-4000-8000-000000000000' }),
    fresh: async (c) => ({
      submission: (
        await worldApi(c.t, c.ids.p)(
          'post',
          `/reports/${kind}/submissions`,
          'coordinator',
          kind === 'esf' ? period() : quarterBody(),
        )
      ).id,
    }),
    freshFor: ['own', 'otherOrg', 'otherPartnership'],
  };
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${++serial}`;
const adminCreate = (c: Ctx, url: string, body: object) => worldApi(c.t, c.a)('post', url, 'admin', body);

const ROUTES: Record<string, RouteCase> = {
  // --- public and about the caller: no record, every role alike ---
  'GET /health': { kind: 'none' },
  'GET /health/ready': { kind: 'none' },
  'POST /auth/login': {
    kind: 'none',
    body: (_x, c) => ({ email: c.a.staff[ROLE_KEYS[c.role]].email, password: TEST_PASSWORD }),
  },
  'GET /auth/me': { kind: 'none' },
  // Public: the token is the credential. Each call redeems a fresh reset token of a fresh account.
  'POST /auth/activate': {
    kind: 'none',
    body: (x) => ({ token: x.credentialToken, password: 'Wolk-Tram-Sleutel-Mosterd-42' }),
    fresh: async (c) => ({ credentialToken: await freshResetToken(c) }),
    freshFor: ['own', 'otherOrg', 'otherPartnership'],
  },
  // A wrong current password for every cell: a right one would end the token every other cell uses.
  // The happy path is in test/foundation/staff-administration.e2e-spec.ts.
  'POST /auth/password': {
    kind: 'none',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'Wolk-Tram-Sleutel-Mosterd-42' }),
    expect: { own: { '*': '400' }, otherOrg: { '*': '400' }, otherPartnership: { '*': '400' } },
  },
  'GET /me/agenda': { kind: 'none' },

  // --- directory: shared by the whole partnership, never across partnerships ---
  'GET /organisations': { kind: 'none' },
  'GET /organisations/{id}': { kind: 'partnership', params: (x) => ({ id: x.organisation }) },
  'POST /organisations': { kind: 'none', body: () => ({ name: `Org ${unique()}`, kind: 'partner' }) },
  'PATCH /organisations/{id}': {
    kind: 'partnership',
    params: (x) => ({ id: x.organisation }),
    version: (x, c) => version('organisations')(x.organisation)(x, c),
    body: () => ({ name: `Hernoemd ${unique()}` }),
    fresh: async (c) => ({
      organisation: (await adminCreate(c, '/organisations', { name: `Org ${unique()}`, kind: 'partner' })).id,
    }),
    freshFor: ['own', 'otherOrg'],
  },
  'POST /organisations/{id}/deactivate': {
    kind: 'partnership',
    params: (x) => ({ id: x.organisation }),
    fresh: async (c) => ({
      organisation: (await adminCreate(c, '/organisations', { name: `Org ${unique()}`, kind: 'partner' })).id,
    }),
    freshFor: ['own', 'otherOrg'],
  },
  'GET /teams': { kind: 'none' },
  'GET /teams/{id}': { kind: 'partnership', params: (x) => ({ id: x.team }) },
  'POST /teams': { kind: 'none', body: () => ({ name: `Team ${unique()}`, location: 'Gent', wijken: [] }) },
  'PATCH /teams/{id}': {
    kind: 'partnership',
    params: (x) => ({ id: x.team }),
    version: (x, c) => version('teams')(x.team)(x, c),
    body: () => ({ location: 'Ledeberg' }),
    fresh: async (c) => ({
      team: (await adminCreate(c, '/teams', { name: `Team ${unique()}`, location: 'Gent', wijken: [] })).id,
    }),
    freshFor: ['own', 'otherOrg'],
  },
  'POST /teams/{id}/deactivate': {
    kind: 'partnership',
    params: (x) => ({ id: x.team }),
    fresh: async (c) => ({
      team: (await adminCreate(c, '/teams', { name: `Team ${unique()}`, location: 'Gent', wijken: [] })).id,
    }),
    freshFor: ['own', 'otherOrg'],
  },
  'GET /staff': { kind: 'none', query: (x) => ({ organisationId: x.organisation }) },
  'GET /staff/{id}': { kind: 'partnership', params: (x) => ({ id: x.staffMember }) },
  'POST /staff': {
    kind: 'none',
    body: (x) => ({
      email: `nieuw.${unique()}@test.jobteam.example`,
      name: 'Nieuwe collega',
      organisationId: x.organisation,
      roles: ['coach'],
    }),
    // Only the organisation's own org_admin creates its staff; the partnership admin only a first org_admin
    // of an empty organisation. An organisation of another partnership is unknown: a field error.
    expect: { own: { admin: '403' }, otherOrg: { '*': '403' }, otherPartnership: { '*': '400' } },
  },
  'PATCH /staff/{id}': {
    kind: 'partnership',
    params: (x) => ({ id: x.staffMember }),
    version: (x, c) => version('staff')(x.staffMember)(x, c),
    body: () => ({ name: 'Hernoemd' }),
    fresh: async (c) => ({ staffMember: await freshStaff(c) }),
    freshFor: ['own', 'otherOrg'],
    // Staff are read by the whole partnership, but changed only by their own organisation's org_admin.
    expect: { own: { admin: '403' }, otherOrg: { '*': '403' } },
  },
  'POST /staff/{id}/deactivate': {
    kind: 'partnership',
    params: (x) => ({ id: x.staffMember }),
    fresh: async (c) => ({ staffMember: await freshStaff(c) }),
    freshFor: ['own', 'otherOrg'],
    expect: { own: { admin: '403' }, otherOrg: { '*': '403' } },
  },
  'POST /staff/{id}/password-reset': {
    kind: 'partnership',
    params: (x) => ({ id: x.staffMember }),
    fresh: async (c) => ({ staffMember: await freshStaff(c) }),
    freshFor: ['own', 'otherOrg'],
    expect: { own: { admin: '403' }, otherOrg: { '*': '403' } },
  },
  'GET /instruments': { kind: 'none' },
  'GET /instruments/{id}': { kind: 'partnership', params: (x) => ({ id: x.instrument }) },
  'GET /employers': { kind: 'none', query: () => ({ q: 'Matrixwerkgever' }) },
  'GET /employers/{id}': { kind: 'partnership', params: (x) => ({ id: x.employer }) },
  'POST /employers': {
    kind: 'none',
    body: () => ({ name: `Werkgever ${unique()}`, kind: 'employer', inclusive: false }),
  },
  'PATCH /employers/{id}': {
    kind: 'partnership',
    params: (x) => ({ id: x.employer }),
    version: (x, c) => version('employers')(x.employer)(x, c),
    body: () => ({ sector: `Sector ${unique()}` }),
  },
  'POST /instruments': {
    kind: 'none',
    body: () => ({
      key: `m_${unique()}`,
      name: { nl: 'Matrix', en: 'Matrix' },
      dimensions: [{ key: 'werk', label: { nl: 'Werk', en: 'Work' } }],
      scaleMin: 1,
      scaleMax: 10,
    }),
  },

  // --- participants ---
  'POST /participants': { kind: 'none', body: () => participantBody() },
  'GET /participants': {
    kind: 'none',
    query: (x) => ({ q: x.participant.lastName }),
    shows: (x) => [x.participant.lastName],
  },
  'GET /participants/{id}': { params: p, shows: (x) => [x.participant.lastName] },
  'PATCH /participants/{id}': {
    params: p,
    version: (x, c) => version('participants')(x.participant.id)(x, c),
    body: () => ({ phone: '0470 12 34 56' }),
  },
  'GET /participants/{id}/trajectories': { params: p, shows: (x) => [x.trajectory] },
  'POST /participants/{id}/trajectories': {
    params: p,
    body: () => ({}),
    fresh: (c) => freshCase(c, { trajectory: 'none' }),
  },
  'GET /participants/{id}/consents': { params: p, shows: (x) => [x.consent] },
  'POST /participants/{id}/consents': {
    params: p,
    body: () => ({
      scope: 'special_categories',
      basis: 'consent',
      givenAt: hourAgo(),
      evidence: 'Formulier S-1',
    }),
  },
  'POST /participants/{id}/consents/{consentId}/withdraw': {
    params: (x) => ({ id: x.participant.id, consentId: x.consent }),
    fresh: async (c) => ({ consent: await consent(c.t, c.ids.p, c.ids.participant.id, 'ocmw_exchange') }),
  },
  // The DPO answers for the whole partnership (GDPR art. 15, 20, 30): ids and content of any file.
  'GET /participants/{id}/access-log': { params: p, expect: { otherOrg: { dpo: '2xx' } } },
  'GET /participants/{id}/export': {
    params: p,
    expect: { otherOrg: { dpo: '2xx' } },
    reveals: { dpo: 'all' },
    shows: (x) => [x.participant.lastName],
  },
  'GET /participants/{id}/confidential-contacts': {
    params: p,
    expect: { otherOrg: { dpo: '2xx' } },
    reveals: { dpo: 'ids' },
  },
  'POST /participants/{id}/pseudonymise': {
    params: p,
    body: () => ({ note: 'Verzoek tot wissing AV-1' }),
    fresh: (c) => freshCase(c, { trajectory: 'closed' }),
    // The DPO reaches every file of the partnership; the other file's trajectory is still open.
    expect: { otherOrg: { dpo: '409' } },
  },
  'POST /participants/{id}/vdab-trajectory-check': {
    params: p,
    body: () => ({ status: 'none', checkedAt: hourAgo() }),
  },

  // --- trajectories and the case file ---
  'GET /trajectories/{id}': { params: tr },
  'POST /trajectories/{id}/transitions': {
    params: tr,
    body: () => ({ to: 'intake', at: now() }),
    fresh: (c) => freshCase(c),
  },
  'PUT /trajectories/{id}/case-manager': {
    params: tr,
    version: (x, c) => version('trajectories')(x.trajectory)(x, c),
    body: (_x, c) => ({ staffId: c.a.staff.coach2.id, note: 'Warme overdracht' }),
    fresh: (c) => freshCase(c),
  },
  'POST /trajectories/{id}/co-coaches': {
    params: tr,
    body: (_x, c) => ({ staffId: c.a.staff.coach2.id }),
    fresh: (c) => freshCase(c),
  },
  'DELETE /trajectories/{id}/co-coaches/{staffId}': {
    params: (x) => ({ id: x.trajectory, staffId: x.coCoach }),
    fresh: (c) => freshCase(c, { coCoach: 'coach2' }),
  },
  'PUT /trajectories/{id}/persona': {
    params: tr,
    version: (x, c) => version('trajectories')(x.trajectory)(x, c),
    body: () => ({ personaId: null }),
  },
  'POST /trajectories/{id}/follow-ups': {
    params: tr,
    body: () => ({ at: localDate(new Date()), situation: 'employed' }),
    fresh: (c) => freshCase(c, { trajectory: 'closed' }),
  },
  'GET /trajectories/{id}/assessments': { params: tr, shows: (x) => [x.trajectory] },
  // A second baseline is refused (409), so each call gets a fresh trajectory to score.
  'POST /trajectories/{id}/assessments': {
    params: tr,
    body: () => ({
      instrument: 'life_domain_star',
      kind: 'baseline',
      // A few seconds ahead (within the clock slack): the fresh trajectory started just before.
      takenAt: new Date(Date.now() + 5000).toISOString(),
      scores: lifeDomainScores(),
    }),
    fresh: (c) => freshCase(c),
  },
  'GET /trajectories/{id}/assessments/due': { params: tr },
  'GET /trajectories/{id}/assessments/progress': { params: tr, query: () => ({ instrument: 'empowerment' }) },
  'GET /trajectories/{id}/assessments/star.svg': {
    params: tr,
    query: () => ({ instrument: 'empowerment', compare: 'baseline,latest' }),
  },
  'GET /trajectories/{id}/assessments/star.png': {
    params: tr,
    query: () => ({ instrument: 'empowerment', compare: 'baseline,latest' }),
  },
  'GET /trajectories/{id}/assessments/release.svg': { params: tr },
  'GET /trajectories/{id}/assessments/release.png': { params: tr },
  'GET /trajectories/{id}/feedback': { params: tr, shows: (x) => [x.feedback] },
  'POST /trajectories/{id}/feedback': { params: tr, body: () => ({ satisfaction: 5, comment: 'Fijn' }) },
  'GET /assessments/overdue': { kind: 'none' },
  'GET /assessments/progress': {
    kind: 'none',
    query: () => ({ instrument: 'empowerment', ...period(), groupBy: 'organisation' }),
  },
  'GET /trajectories/{id}/goals': { params: tr, shows: (x) => [x.goal] },
  'POST /trajectories/{id}/goals': {
    params: tr,
    body: () => ({ lifeDomain: 'income_debt', title: 'Budgetplan', targetDate: '2030-01-31' }),
  },
  'GET /trajectories/{id}/goals/{goalId}': { params: (x) => ({ id: x.trajectory, goalId: x.goal }) },
  'PATCH /trajectories/{id}/goals/{goalId}': {
    params: (x) => ({ id: x.trajectory, goalId: x.goal }),
    version: (x, c) => version('goals')(x.goal)(x, c),
    body: () => ({ title: `Rijbewijs B ${unique()}` }),
  },
  'GET /trajectories/{id}/placements': { params: tr, shows: (x) => [x.placement] },
  'POST /trajectories/{id}/placements': {
    params: tr,
    body: () => ({
      kind: 'training',
      startDate: localDate(new Date()),
      hoursPerWeek: 8,
      contractType: 'none',
    }),
  },
  'GET /trajectories/{id}/placements/{placementId}': {
    params: (x) => ({ id: x.trajectory, placementId: x.placement }),
  },
  'PATCH /trajectories/{id}/placements/{placementId}': {
    params: (x) => ({ id: x.trajectory, placementId: x.placement }),
    version: (x, c) => version('placements')(x.placement)(x, c),
    body: () => ({ hoursPerWeek: 1 + (++serial % 50) }),
  },
  'GET /trajectories/{id}/contacts': { params: tr, shows: (x) => [x.contact] },
  'POST /trajectories/{id}/contacts': {
    params: tr,
    body: () => ({ at: hourAgo(), kind: 'phone', durationMinutes: 10 }),
  },
  'GET /trajectories/{id}/contacts/{contactId}': {
    params: (x) => ({ id: x.trajectory, contactId: x.contact }),
  },
  'PATCH /trajectories/{id}/contacts/{contactId}': {
    params: (x) => ({ id: x.trajectory, contactId: x.contact }),
    version: (x, c) => version('contacts')(x.contact)(x, c),
    body: () => ({ durationMinutes: 40 }),
  },
  'GET /trajectories/{id}/life-domains': { params: tr },
  'PUT /trajectories/{id}/life-domains': {
    params: tr,
    version: (x, c) => version('trajectories', 'life_domains_version')(x.trajectory)(x, c),
    body: () => ({ domains: [{ domain: 'housing', severity: 2 }] }),
  },

  // --- collaboration ---
  'GET /referrals': { kind: 'none', shows: (x) => [x.referral] },
  'POST /referrals': {
    kind: 'none',
    // Coaches refer out; SPOCs refer a known participant in to a partner organisation.
    body: (x, c) =>
      c.role === 'coach'
        ? { direction: 'outbound', target: 'vdab', kind: 'bit_evaluation', participantId: x.participant.id }
        : {
            direction: 'inbound',
            target: 'partnership',
            kind: 'intake_check',
            participantId: x.participant.id,
            targetOrganisationId: c.a.orgs.compaan.id,
          },
    expect: { otherOrg: { '*': '404' }, otherPartnership: { '*': '404' } },
  },
  'GET /referrals/{id}': { params: (x) => ({ id: x.referral }), shows: (x) => [x.referral] },
  'POST /referrals/{id}/transitions': {
    params: (x) => ({ id: x.referral }),
    // The sender may cancel, the receiving SPOC accepts: each side's own move.
    body: (_x, c) => ({ to: c.role === 'coach' ? 'cancelled' : 'accepted' }),
  },
  // Only the SPOCs of the organisation that handles a referral reassign it; the sender's coach may not.
  'PUT /referrals/{id}/assignee': {
    params: (x) => ({ id: x.referral }),
    body: (_x, c) => ({
      assignedSpocId: c.role === 'spoc_ocmw' ? c.a.staff.spocOcmw.id : c.a.staff.spocVdab.id,
    }),
    expect: { own: { coach: '403' } },
  },
  'POST /case-meetings': {
    kind: 'none',
    body: (x) => ({
      teamId: x.team,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      location: 'Rabot',
      attendeeIds: [],
    }),
    // A team of another partnership is an unknown team in the body: a field error.
    expect: { otherPartnership: { '*': '400' } },
  },
  'GET /case-meetings': { kind: 'none' },
  'GET /case-meetings/{id}': { params: (x) => ({ id: x.meeting }), shows: (x) => [x.item] },
  'GET /case-meetings/{id}/agenda': {
    params: (x) => ({ id: x.meeting }),
    shows: (x) => [x.participant.lastName],
  },
  'POST /case-meetings/{id}/items': {
    params: (x) => ({ id: x.meeting }),
    body: (x) => ({ trajectoryId: x.trajectory, participantPresent: true, summary: 'Opvolging' }),
  },
  'POST /case-meetings/{id}/cancel': {
    params: (x) => ({ id: x.meeting }),
    // The Stad world's meeting is planned by its creator, a coach of another organisation: the
    // coordinator neither organises nor attends it, so it does not exist for them.
    expect: { own: { coordinator: '404' } },
    // Cancelling consumes the meeting: a fresh one with an item, planned by the world's creator.
    fresh: async (c) => {
      const call = worldApi(c.t, c.ids.p);
      const m = await call('post', '/case-meetings', c.ids.creator, {
        teamId: c.ids.p.teams[0].id,
        scheduledAt: hourAgo(),
        location: 'Rabot',
        attendeeIds: [],
      });
      return { meeting: m.id as string };
    },
  },
  'PUT /case-meetings/{id}/items/{itemId}/value-question': {
    params: (x) => ({ id: x.meeting, itemId: x.item }),
    body: () => ({ valueQuestion: 'Zelf kiezen', waste: 'Dubbele intake' }),
    shows: () => ['Zelf kiezen'],
  },
  // Each world's item gets a value question first, so a 404 hides a row that exists.
  'GET /case-meetings/{id}/items/{itemId}/value-question': {
    params: (x) => ({ id: x.meeting, itemId: x.item }),
    fresh: async (c) => {
      await c.t.sql(
        `insert into case_meeting_value_questions (partnership_id, case_meeting_id, item_id, trajectory_id, participant_id,
                team_id, meeting_at, value_question, recorded_by, recorded_by_organisation_id)
         select i.partnership_id, i.case_meeting_id, i.id, i.trajectory_id, i.participant_id, m.team_id, m.scheduled_at,
                'Zelf kiezen', i.author_id, i.author_organisation_id
           from case_meeting_items i join case_meetings m on m.id = i.case_meeting_id where i.id = $1
         on conflict (item_id) do nothing`,
        [c.ids.item],
      );
      return {};
    },
    freshFor: ['own', 'otherOrg', 'otherPartnership'],
    shows: () => ['Zelf kiezen'],
  },
  // Only the item's author (the world's coach) changes or removes it, and only before the meeting.
  'PATCH /case-meetings/{id}/items/{itemId}': {
    params: (x) => ({ id: x.meeting, itemId: x.item }),
    body: () => ({ decisions: 'Opvolging afgesproken' }),
    // The world's meeting has taken place, so its author gets 409 CASE_MEETING_HELD (the happy path
    // before the meeting is in test/collaboration/field-frictions.e2e-spec.ts).
    expect: { own: { coordinator: '403', coach: '409' } },
  },
  'DELETE /case-meetings/{id}/items/{itemId}': {
    params: (x) => ({ id: x.meeting, itemId: x.item }),
    // Removing consumes the item: a fresh one, put on the agenda by the world's creator.
    fresh: async (c) => {
      const [row] = await c.t.sql<{ id: string }>(
        `insert into case_meeting_items (partnership_id, case_meeting_id, trajectory_id, participant_id, participant_present,
                                         basis, author_id, author_organisation_id)
         values ($1, $2, $3, $4, true, 'present', $5, $6) returning id`,
        [
          c.ids.p.id,
          c.ids.meeting,
          c.ids.trajectory,
          c.ids.participant.id,
          c.ids.p.staff[c.ids.creator].id,
          c.ids.p.orgs[c.ids.org].id,
        ],
      );
      return { item: row.id };
    },
    // The world's meeting has taken place, so its author gets 409 CASE_MEETING_HELD (the happy path
    // before the meeting is in test/collaboration/field-frictions.e2e-spec.ts).
    expect: { own: { coordinator: '403', coach: '409' } },
  },
  'POST /case-meetings/{id}/actions/{actionId}/complete': {
    params: (x) => ({ id: x.meeting, actionId: x.action }),
    fresh: async (c) => {
      const [row] = await c.t.sql<{ id: string }>(
        `insert into case_meeting_actions (partnership_id, case_meeting_id, item_id, participant_id, description, owner_staff_id, due_at)
         values ($1, $2, $3, $4, 'Opvolgen', $5, now() + interval '1 day') returning id`,
        [c.ids.p.id, c.ids.meeting, c.ids.item, c.ids.participant.id, c.ids.p.staff[c.ids.creator].id],
      );
      return { action: row.id };
    },
  },
  'POST /group-sessions': {
    kind: 'none',
    body: () => ({
      theme: 'Taal',
      tag: 'language',
      at: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 60,
      location: 'Muide',
    }),
  },
  'GET /group-sessions': { kind: 'none' },
  // The calendar is partnership-wide; the attendance in it follows the grants.
  'GET /group-sessions/{id}': {
    kind: 'partnership',
    params: (x) => ({ id: x.session }),
    shows: (x) => [x.participant.lastName],
  },
  'POST /group-sessions/{id}/attendance': {
    params: (x) => ({ id: x.session }),
    body: (x) => ({ participantId: x.participant.id, attended: false }),
  },

  // --- reports and audit: aggregates and ids over the partnership, names only with a grant ---
  'GET /reports/esf': { kind: 'none', query: period },
  'GET /reports/esf/participants': {
    kind: 'none',
    query: () => ({ ...period(), indicator: 'EECO02' }),
    reveals: { coordinator: 'ids' },
  },
  'GET /reports/esf.csv': {
    kind: 'none',
    query: period,
    reveals: { coordinator: 'ids' },
    shows: (x) => [x.participant.lastName],
  },
  // Read unzipped: the leak check looks inside the workbook's XML.
  'GET /reports/esf.xlsx': {
    kind: 'none',
    query: period,
    reveals: { coordinator: 'ids' },
    shows: (x) => [x.participant.lastName],
  },
  'GET /reports/quarterly': { kind: 'none', query: () => thisQuarter() },
  // Aggregates only: the workbook is read unzipped and must hold no other organisation's record.
  'GET /reports/quarterly.xlsx': { kind: 'none', query: () => thisQuarter() },
  // Submissions are the partnership's: every organisation's coordinator sees them, another partnership never.
  'POST /reports/esf/submissions': { kind: 'none', body: () => ({ ...period(), note: 'Matrix' }) },
  'GET /reports/esf/submissions': { kind: 'none' },
  'GET /reports/esf/submissions/{id}': submissionCase('esf'),
  'GET /reports/esf/submissions/{id}/restatement': {
    ...submissionCase('esf'),
    reveals: { coordinator: 'ids' },
  },
  'GET /reports/esf/submissions/{id}.csv': {
    ...submissionCase('esf'),
    reveals: { coordinator: 'ids' },
    shows: (x) => [x.participant.id],
  },
  'GET /reports/esf/submissions/{id}.xlsx': {
    ...submissionCase('esf'),
    reveals: { coordinator: 'ids' },
    shows: (x) => [x.participant.id],
  },
  'POST /reports/quarterly/submissions': { kind: 'none', body: () => ({ ...quarterBody(), note: 'Matrix' }) },
  'GET /reports/quarterly/submissions': { kind: 'none' },
  'GET /reports/quarterly/submissions/{id}': submissionCase('quarterly'),
  'GET /reports/quarterly/submissions/{id}/restatement': {
    ...submissionCase('quarterly'),
    reveals: { coordinator: 'ids' },
  },
  'GET /reports/data-quality': { kind: 'none', reveals: { coordinator: 'ids' } },
  'GET /reports/follow-ups-due': { kind: 'none' },
  // Partnership data without participant data: the coordinator's lists hold no names and no record ids.
  'GET /reports/signals': { kind: 'none', query: () => thisQuarter() },
  'GET /reports/value-questions': { kind: 'none', query: () => thisQuarter() },
  'POST /signals': {
    kind: 'none',
    body: () => ({ category: 'housing', text: 'De wachtlijst voor sociale huur is vier jaar.' }),
  },
  'GET /personas': { kind: 'none' },
  'POST /personas': {
    kind: 'none',
    body: () => ({ name: `Persona ${unique()}`, description: 'Een synthetisch profiel' }),
  },
  // Partnership data: the whole partnership shares it; another partnership's persona is unknown.
  'PATCH /personas/{id}': {
    kind: 'partnership',
    // Roles without the permission are refused before the id is read: any id will do for them.
    params: (x) => ({ id: x.persona ?? '00000000-0000-4000-8000-000000000000' }),
    version: () => Promise.resolve(1),
    body: () => ({ description: 'Bijgewerkt profiel' }),
    fresh: async (c) => ({
      persona: String(
        (
          await worldApi(c.t, c.ids.p)('post', '/personas', 'coordinator', {
            name: `Persona ${unique()}`,
            description: 'Een synthetisch profiel',
          })
        ).id,
      ),
    }),
    freshFor: ['own', 'otherOrg', 'otherPartnership'],
  },
  'GET /audit-events': {
    kind: 'none',
    query: (x) => ({ participantId: x.participant.id }),
    reveals: { dpo: 'ids' },
    shows: (x) => [x.participant.id],
  },
};

/** A coach of the relation's organisation, written to the database (the API never takes a password). */
async function freshStaff(c: Ctx): Promise<string> {
  const created = await createStaffMember(c.t, c.ids.p, {
    email: `vers.${unique()}@test.jobteam.example`,
    name: 'Tijdelijke collega',
    organisationId: c.ids.organisation,
    roles: ['coach'],
  });
  return created.id;
}

/** A reset token for a fresh account of partnership A's Stad Gent, issued by its org_admin. */
async function freshResetToken(c: Ctx): Promise<string> {
  const staff = await createStaffMember(c.t, c.a, { organisationId: c.a.orgs.stad.id, roles: ['coach'] });
  const res = await worldApi(c.t, c.a)('post', `/staff/${staff.id}/password-reset`, 'orgAdmin', {});
  return String(res.token);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every participant-data route that answers 2xx leaves at least one audit row with the request's id
 * (issue 15). Which routes are participant data follows from the permission the OpenAPI document
 * names: all but the ones below, so a new route or a new permission is audited unless someone says
 * otherwise here, and a route that stops auditing shows as `NO AUDIT` in its cell.
 */
const NOT_PARTICIPANT_DATA: readonly (Permission | null)[] = [
  null, // public: health, login, activation
  Permission.SelfRead,
  Permission.SelfWrite,
  Permission.OrganisationRead,
  Permission.OrganisationWrite,
  Permission.TeamRead,
  Permission.TeamWrite,
  Permission.StaffRead,
  Permission.StaffWrite,
  Permission.InstrumentRead,
  Permission.InstrumentWrite,
  // The employer register is partnership data: it names no participant (issue 16, item 8).
  Permission.EmployerRead,
  Permission.EmployerWrite,
  // Personas and signals are partnership data: no participant in them (issue 16, items 10 and 11).
  Permission.PersonaRead,
  Permission.PersonaWrite,
  Permission.SignalWrite,
];
/**
 * Participant-data routes that legitimately answer 2xx without an audit row (for the relations in
 * `when`, or always), each with its reason. An audit row is written for every participant shown or
 * changed: an answer that shows none has nothing to record.
 */
const AUDIT_EXEMPT: Record<string, { when?: Relation[]; reason: string }> = {
  'GET /participants': {
    when: ['otherOrg', 'otherPartnership'],
    reason: 'the search names a participant the caller may not see: the answer is empty, nobody is read',
  },
  'GET /group-sessions/{id}': {
    when: ['otherOrg'],
    reason: 'the session is partnership-wide; its only attendee is another organisation’s, so none is shown',
  },
  'POST /case-meetings': {
    reason: 'a new meeting holds a team, a time and staff attendees; participants come with items (audited)',
  },
  'GET /case-meetings': {
    reason:
      'the meeting calendar: times, places, staff ids; the items are in GET /case-meetings/{id} (audited)',
  },
  'POST /group-sessions': {
    reason: 'a new session holds a theme, a time and a place; attendance is POST …/attendance (audited)',
  },
  'GET /group-sessions': {
    reason: 'the session calendar, without attendance; attendance is in GET /group-sessions/{id} (audited)',
  },
};

function mustAudit(key: string, permission: Permission | null, relation: Relation): boolean {
  if (NOT_PARTICIPANT_DATA.includes(permission)) return false;
  const exempt = AUDIT_EXEMPT[key];
  return !exempt || (exempt.when !== undefined && !exempt.when.includes(relation));
}

/**
 * Whether the request left an audit row. A streamed answer (CSV, XLSX) reaches the client before its
 * transaction commits, so while a connection of the app's pool is still out, the check waits for it
 * to come back (pg-pool's 'release' comes after the COMMIT) and looks again: no sleep, no flake.
 */
async function audited(t: TestApp, requestId: string): Promise<boolean> {
  const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
  for (;;) {
    // Read the pool before the rows: with no connection out, every transaction has committed.
    const busy = pool.totalCount > pool.idleCount;
    const released = busy ? once(pool, 'release') : undefined;
    const rows = await t.sql('select 1 from audit_events where request_id = $1 limit 1', [requestId]);
    if (rows.length > 0) return true;
    if (!released) return false;
    await released;
  }
}

describe('OpenAPI matrix: every operation × role × relation', () => {
  let t: TestApp;
  let a: TestPartnership;
  const worlds = {} as Record<Org | 'b', World>;
  let operations: { key: string; permission: Permission | null }[] = [];
  /** Every 2xx JSON body is checked against its operation's schema: a schema that lies fails here. */
  let contract: ResponseContract;
  /** One register entry per partnership and one placement per world's trajectory (written as the owner). */
  const employers = new Map<string, string>();
  const placements = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    const b = await createPartnership(t, 'B');
    const attendees: Partial<Record<Org, StaffKey[]>> = {
      stad: ['coordinator'],
      vdab: ['spocVdab'],
      ocmw: ['spocOcmw'],
      intro: ['expertise'],
    };
    for (const org of ['compaan', 'stad', 'vdab', 'ocmw', 'intro'] as Org[])
      worlds[org] = await buildWorld(t, a, org, {
        creator: 'coach',
        attendees: attendees[org] ?? [],
        referralTargets: [org === 'ocmw' ? 'ocmw' : 'vdab'],
      });
    // The other organisation: CAW keeps everything to itself; its referrals go to VDAB and OCMW about other people.
    worlds.caw = await buildWorld(t, a, 'caw', {
      creator: 'coachCaw',
      attendees: [],
      referralTargets: ['vdab', 'ocmw'],
    });
    worlds.b = await buildWorld(t, b, 'compaan', {
      creator: 'coach',
      attendees: [],
      referralTargets: ['vdab'],
    });

    for (const w of Object.values(worlds)) {
      if (!employers.has(w.p.id)) {
        const [e] = await t.sql<{ id: string }>(
          `insert into employers (partnership_id, name, kind, created_by) values ($1, 'Matrixwerkgever', 'employer', $2) returning id`,
          [w.p.id, w.p.staff.coach.id],
        );
        employers.set(w.p.id, e.id);
      }
      const [pl] = await t.sql<{ id: string }>(
        `insert into placements (partnership_id, trajectory_id, participant_id, kind, employer_id, start_date,
           hours_per_week, contract_type, created_by)
         select t.partnership_id, t.id, t.participant_id, 'job', $2, (t.started_at at time zone 'Europe/Brussels')::date,
           19, 'fixed_term', $3 from trajectories t where t.id = $1 returning id`,
        [w.trajectory, employers.get(w.p.id), w.p.staff[w.creator].id],
      );
      placements.set(w.trajectory, pl.id);
    }

    const doc = buildOpenApiDocument(t.app);
    contract = new ResponseContract(doc);
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => {
        const op = item[m] as { 'x-permission'?: Permission };
        return { key: `${m.toUpperCase()} ${path}`, permission: op['x-permission'] ?? null };
      }),
    );
  });
  afterAll(() => t.close());

  function idsFor(relation: Relation, role: Role): Ids {
    const w = relation === 'own' ? worlds[ORG_OF[role]] : relation === 'otherOrg' ? worlds.caw : worlds.b;
    // SPOC VDAB legitimately sees CAW's referral to VDAB: its "other" referral is the one to OCMW.
    const target =
      relation === 'otherOrg' && role === 'spoc_vdab'
        ? 'ocmw'
        : relation === 'own' && w.org === 'ocmw'
          ? 'ocmw'
          : 'vdab';
    return {
      ...w,
      referral: w.referrals[target]!.id,
      organisation: w.p.orgs[w.org].id,
      staffMember: w.p.staff[w.creator].id,
      team: w.p.teams[0].id,
      coCoach: w.p.staff.coach2.id,
      employer: employers.get(w.p.id)!,
      placement: placements.get(w.trajectory)!,
    };
  }

  /** What the caller must never see of the other record: names always, ids unless the caller sent them. */
  function secrets(relation: Relation, role: Role, ids: Ids, reveals: RouteCase['reveals']) {
    if (relation === 'own' || reveals?.[role] === 'all') return [];
    const ref = Object.values(ids.referrals).find((r) => r!.id === ids.referral)!;
    const names = [
      ids.participant.firstName,
      ids.participant.lastName,
      ref.participant.firstName,
      ref.participant.lastName,
    ];
    if (relation === 'otherOrg' && reveals?.[role] === 'ids') return names;
    const recordIds = [
      ids.participant.id,
      ref.participant.id,
      ids.trajectory,
      ids.goal,
      ids.contact,
      ids.consent,
      ids.placement,
    ];
    recordIds.push(ids.meeting, ids.item, ids.action, ids.referral);
    if (relation === 'otherPartnership')
      recordIds.push(
        ids.employer,
        ids.session,
        ids.instrument,
        ...Object.values(ids.p.orgs).map((o) => o.id),
        ...Object.values(ids.p.staff).map((s) => s.id),
        ...ids.p.teams.map((tm) => tm.id),
      );
    return [...names, ...recordIds];
  }

  function want(route: RouteCase, relation: Relation, role: Role, allowed: boolean): string {
    if (!allowed) return '403';
    const override = route.expect?.[relation];
    const documented = override?.[role] ?? override?.['*'];
    if (documented) return documented;
    const kind = route.kind ?? 'record';
    if (kind === 'none' || relation === 'own') return '2xx';
    return kind === 'partnership' && relation === 'otherOrg' ? '2xx' : '404';
  }

  async function call(route: RouteCase, key: string, c: Ctx) {
    const [method, path] = key.split(' ');
    const params = route.params?.(c.ids) ?? {};
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!params[name]) throw new Error(`${key}: no fixture for {${name}}`);
      return params[name];
    });
    const query = route.query?.(c.ids) ?? {};
    const body = route.body?.(c.ids, c);
    const verb = method.toLowerCase() as (typeof METHODS)[number];
    const req = t.http()[verb](url).query(query).set('authorization', a.auth(ROLE_KEYS[c.role]));
    if (route.version) req.set('if-match', `"${await route.version(c.ids, c)}"`);
    // Every body is read raw, so JSON, CSV, Markdown and an unzipped workbook are searched alike.
    req.buffer(true).parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const res = await (body ? req.send(body) : req);
    const raw = res.body as Buffer;
    const text = raw.subarray(0, 2).toString() === 'PK' ? unzipText(raw) : raw.toString('utf8');
    const sent = `${url} ${JSON.stringify(query)} ${JSON.stringify(body ?? {})}`;
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0];
    const schema =
      res.status < 300 && mediaType === 'application/json'
        ? contract.check(key, res.status, mediaType, JSON.parse(text) as unknown)
        : [];
    return { status: res.status, text, sent, schema, requestId: String(res.headers['x-request-id']) };
  }

  it('has a case for every operation in the OpenAPI document, and no stale ones', () => {
    const keys = operations.map((o) => o.key);
    expect({
      missing: keys.filter((k) => !ROUTES[k]),
      stale: Object.keys(ROUTES).filter((k) => !keys.includes(k)),
    }).toEqual({
      missing: [],
      stale: [],
    });
  });

  it('exempts from the audit check only operations that exist', () => {
    expect(Object.keys(AUDIT_EXEMPT).filter((k) => !operations.some((o) => o.key === k))).toEqual([]);
  });

  it('covers the operations', () => {
    expect(operations.length).toBeGreaterThan(70);
  });

  for (const key of Object.keys(ROUTES)) {
    it(key, async () => {
      const route = ROUTES[key];
      const op = operations.find((o) => o.key === key);
      if (!op) throw new Error(`${key} is in ROUTES but not in the OpenAPI document`);
      const got: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const role of ROLES) {
        const allowed = op.permission === null || permissionsFor([role]).has(op.permission);
        for (const relation of RELATIONS) {
          const cell = `${role.padEnd(11)} ${relation}`;
          const c: Ctx = { t, a, role, relation, ids: idsFor(relation, role) };
          if (allowed && route.fresh && (route.freshFor ?? ['own']).includes(relation))
            Object.assign(c.ids, await route.fresh(c));
          const res = await call(route, key, c);
          const leaked = secrets(relation, role, c.ids, route.reveals).filter(
            (s) => !res.sent.includes(s) && res.text.includes(s),
          );
          wanted[cell] = want(route, relation, role, allowed);
          got[cell] =
            (res.status < 300 ? '2xx' : String(res.status)) +
            (leaked.length ? ` LEAK ${leaked.join(',')}` : '');
          const missing = relation === 'own' && res.status < 300 ? (route.shows?.(c.ids) ?? []) : [];
          for (const token of missing.filter((m) => !res.text.includes(m))) got[cell] += ` MISSING ${token}`;
          if (res.status >= 500) got[cell] += ` ${res.text.slice(0, 200)}`;
          if (res.schema.length) got[cell] += ` SCHEMA ${res.schema.slice(0, 5).join('; ')}`;
          if (
            res.status < 300 &&
            mustAudit(key, op.permission, relation) &&
            !(await audited(t, res.requestId))
          )
            got[cell] += ' NO AUDIT';
        }
      }
      expect(got).toEqual(wanted);
    });
  }

  /**
   * The parent in the path is the caller's own, the child (in the path or the body) belongs to
   * another organisation or partnership: the classic way to reach a record through a door one
   * may open. Each must answer as if the child did not exist, and never show it.
   */
  it('refuses another organisation’s child under the caller’s own parent', async () => {
    const own = worlds.compaan;
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const [name, other] of [
      ['otherOrg', worlds.caw],
      ['otherPartnership', worlds.b],
    ] as const) {
      const cases: [string, string, string, object?][] = [
        ['get', `/trajectories/${own.trajectory}/goals/${other.goal}`, '404'],
        ['get', `/trajectories/${own.trajectory}/contacts/${other.contact}`, '404'],
        ['get', `/trajectories/${own.trajectory}/placements/${placements.get(other.trajectory)}`, '404'],
        ['post', `/participants/${own.participant.id}/consents/${other.consent}/withdraw`, '404'],
        ['post', `/case-meetings/${own.meeting}/actions/${other.action}/complete`, '404'],
        [
          'post',
          `/case-meetings/${own.meeting}/items`,
          '404',
          { trajectoryId: other.trajectory, participantPresent: true },
        ],
        [
          'put',
          `/case-meetings/${own.meeting}/items/${other.item}/value-question`,
          '404',
          { valueQuestion: 'Overgenomen' },
        ],
        [
          'post',
          `/group-sessions/${own.session}/attendance`,
          '404',
          { participantId: other.participant.id, attended: true },
        ],
      ];
      // Staff are directory data of the whole partnership: only another partnership's are unknown.
      if (name === 'otherPartnership')
        cases.push(
          ['post', `/trajectories/${own.trajectory}/co-coaches`, '400', { staffId: other.p.staff.coach2.id }],
          ['delete', `/trajectories/${own.trajectory}/co-coaches/${other.p.staff.coach2.id}`, '404'],
        );
      for (const [method, url, expected, body] of cases) {
        const key = `${name} ${method.toUpperCase()} ${url.replace(/[0-9a-f-]{36}/g, '…')}`;
        const req = t.http()[method as 'get'](url).set('authorization', a.auth('coach'));
        const res = await (body ? req.send(body) : req);
        const secret = [other.participant.firstName, other.participant.lastName, other.participant.id];
        const leaked = secret.filter((s) => !JSON.stringify(body ?? {}).includes(s) && res.text.includes(s));
        want[key] = expected;
        got[key] = String(res.status) + (leaked.length ? ` LEAK ${leaked.join(',')}` : '');
      }
    }
    expect(got).toEqual(want);
  });
});
