import { ROLE_PERMISSIONS } from '../../src/access/role-permissions';
import { Permission as P } from '../../src/access/permission';
import { Role } from '../../src/access/role';
import { localDate } from '../../src/common/validation/dates';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * Every participant endpoint × every role × every relation between the caller's organisation
 * and the participant. Each cell is the status and, for a success, the shape of what came back,
 * which is derived from the fields actually present (not from the `scope` the body claims).
 */
const RELATIONS = ['own', 'none', 'consent', 'coCoach', 'otherPartnership'] as const;
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
type Org = keyof TestPartnership['orgs'];
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

const SUMMARY =
  'birthYear caseManagerId currentTrajectoryId firstName id lastName phone pseudonymised scope status teamId vdabTrajectory';
const REFERRAL = `${SUMMARY} contactLanguage educationLevel labourStatus`;
type Body = Record<string, unknown>;

/** The scope a participant body actually carries, judged by its keys. */
function participantShape(b: Body): string {
  const keys = Object.keys(b).sort().join(' ');
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  if (keys === sorted(SUMMARY)) return 'summary';
  if (keys === sorted(REFERRAL)) return b.scope === 'case' ? 'case' : 'referral';
  if ('entryProfile' in b && 'birthDate' in b && 'ownerOrganisationId' in b) return 'full';
  return `unexpected(${keys})`;
}
/** Trajectories: status is summary-level; the rest is case-level. */
const trajectoryShape = (tr: Body) =>
  'referralChannel' in tr && 'ownerOrganisationId' in tr
    ? String(tr.scope)
    : tr.scope === 'summary' && !('outcome' in tr)
      ? 'summary'
      : 'unexpected';

interface Ids {
  participant: string;
  trajectory: string;
  lastName: string;
}

interface Endpoint {
  name: string;
  permission: P;
  /** Expected outcome per relation for a role that holds the permission. */
  expect: Record<Relation, string>;
  /** The DPO's duties reach beyond grants on some endpoints. */
  dpo?: Record<Relation, string>;
  call(t: TestApp, auth: string, ids: Ids): Promise<{ status: number; body: Body }>;
  shape?(body: Body, ids: Ids): string;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /participants/{id}',
    permission: P.ParticipantRead,
    expect: {
      own: '200 full',
      none: '404',
      consent: '200 summary',
      coCoach: '200 case',
      otherPartnership: '404',
    },
    call: (t, auth, ids) => as(t, auth).get(`/participants/${ids.participant}`),
    shape: participantShape,
  },
  {
    name: 'PATCH /participants/{id}',
    permission: P.ParticipantUpdate,
    expect: { own: '200 full', none: '404', consent: '403', coCoach: '403', otherPartnership: '404' },
    call: async (t, auth, ids) => {
      const [row] = await t.sql<{ version: number }>('select version from participants where id = $1', [
        ids.participant,
      ]);
      return as(t, auth).patch(
        `/participants/${ids.participant}`,
        { phone: '0470 99 99 99' },
        { ifMatch: `"${row.version}"` },
      );
    },
    shape: participantShape,
  },
  {
    name: 'GET /participants?q=',
    permission: P.ParticipantRead,
    expect: {
      own: '200 full',
      none: '200 absent',
      consent: '200 summary',
      coCoach: '200 case',
      otherPartnership: '200 absent',
    },
    call: (t, auth, ids) => as(t, auth).get('/participants', { query: { q: ids.lastName } }),
    shape: (b, ids) => {
      const item = (b.items as Body[]).find((i) => i.id === ids.participant);
      return item ? participantShape(item) : 'absent';
    },
  },
  {
    name: 'GET /participants/{id}/trajectories',
    permission: P.ParticipantRead,
    expect: {
      own: '200 full',
      none: '404',
      consent: '200 summary',
      coCoach: '200 case',
      otherPartnership: '404',
    },
    call: (t, auth, ids) => as(t, auth).get(`/participants/${ids.participant}/trajectories`),
    shape: (b) => (b.items as Body[]).map(trajectoryShape).join(','),
  },
  {
    name: 'GET /trajectories/{id}',
    permission: P.ParticipantRead,
    expect: {
      own: '200 full',
      none: '404',
      consent: '200 summary',
      coCoach: '200 case',
      otherPartnership: '404',
    },
    call: (t, auth, ids) => as(t, auth).get(`/trajectories/${ids.trajectory}`),
    shape: trajectoryShape,
  },
  {
    name: 'GET /trajectories/{id}/placements',
    permission: P.ParticipantRead,
    expect: { own: '200 list', none: '404', consent: '403', coCoach: '200 list', otherPartnership: '404' },
    call: (t, auth, ids) => as(t, auth).get(`/trajectories/${ids.trajectory}/placements`),
    shape: (b) => (Array.isArray(b.items) ? 'list' : 'unexpected'),
  },
  {
    name: 'POST /trajectories/{id}/placements',
    permission: P.TrajectoryWrite,
    expect: {
      own: '201 placement',
      none: '404',
      consent: '403',
      coCoach: '201 placement',
      otherPartnership: '404',
    },
    call: (t, auth, ids) =>
      as(t, auth).post(`/trajectories/${ids.trajectory}/placements`, {
        kind: 'training',
        startDate: localDate(new Date()),
        hoursPerWeek: 8,
        contractType: 'none',
      }),
    shape: (b, ids) =>
      b.trajectoryId === ids.trajectory && b.kind === 'training' ? 'placement' : 'unexpected',
  },
  {
    name: 'PUT /trajectories/{id}/persona',
    permission: P.TrajectoryWrite,
    // The persona is part of the trajectory details: case scope (owner, co-coach); summary is too narrow.
    expect: { own: '200 set', none: '404', consent: '403', coCoach: '200 set', otherPartnership: '404' },
    call: async (t, auth, ids) => {
      const [row] = await t.sql<{ version: number }>('select version from trajectories where id = $1', [
        ids.trajectory,
      ]);
      return as(t, auth).put(
        `/trajectories/${ids.trajectory}/persona`,
        { personaId: null },
        { ifMatch: `"${row.version}"` },
      );
    },
    shape: (b, ids) => (b.trajectoryId === ids.trajectory && b.personaId === null ? 'set' : 'unexpected'),
  },
  {
    name: 'GET /participants/{id}/consents',
    permission: P.ParticipantRead,
    expect: {
      own: '200 history',
      none: '404',
      consent: '403',
      coCoach: '200 history',
      otherPartnership: '404',
    },
    call: (t, auth, ids) => as(t, auth).get(`/participants/${ids.participant}/consents`),
    shape: (b) => (Array.isArray(b.items) && b.items.length > 0 ? 'history' : 'empty'),
  },
  {
    name: 'POST /participants/{id}/consents',
    permission: P.ConsentWrite,
    expect: { own: '201 recorded', none: '404', consent: '403', coCoach: '403', otherPartnership: '404' },
    call: (t, auth, ids) =>
      as(t, auth).post(`/participants/${ids.participant}/consents`, {
        scope: 'vdab_exchange',
        basis: 'consent',
        givenAt: new Date().toISOString(),
        evidence: 'Formulier M-1',
      }),
    shape: (b) => (b.active === true && b.scope === 'vdab_exchange' ? 'recorded' : 'unexpected'),
  },
  {
    name: 'GET /trajectories/{id}/feedback',
    permission: P.FeedbackRead,
    expect: { own: '200 list', none: '404', consent: '403', coCoach: '200 list', otherPartnership: '404' },
    call: (t, auth, ids) => as(t, auth).get(`/trajectories/${ids.trajectory}/feedback`),
    shape: (b) => (Array.isArray(b.items) ? 'list' : 'unexpected'),
  },
  {
    name: 'POST /trajectories/{id}/feedback',
    permission: P.FeedbackWrite,
    expect: {
      own: '201 recorded',
      none: '404',
      consent: '403',
      coCoach: '201 recorded',
      otherPartnership: '404',
    },
    call: (t, auth, ids) => as(t, auth).post(`/trajectories/${ids.trajectory}/feedback`, { satisfaction: 4 }),
    shape: (b) => (b.satisfaction === 4 && b.comment === null ? 'recorded' : 'unexpected'),
  },
  {
    name: 'GET /participants/{id}/access-log',
    permission: P.ParticipantRead,
    expect: { own: '200 log', none: '404', consent: '403', coCoach: '403', otherPartnership: '404' },
    dpo: { own: '200 log', none: '200 log', consent: '200 log', coCoach: '200 log', otherPartnership: '404' },
    call: (t, auth, ids) => as(t, auth).get(`/participants/${ids.participant}/access-log`),
    shape: (b) =>
      (b.items as Body[]).length > 0 && !/Test |@test\./.test(JSON.stringify(b)) ? 'log' : 'unexpected',
  },
  {
    name: 'GET /participants/{id}/export',
    permission: P.SubjectExport,
    expect: { own: '200 file', none: '404', consent: '403', coCoach: '403', otherPartnership: '404' },
    dpo: {
      own: '200 file',
      none: '200 file',
      consent: '200 file',
      coCoach: '200 file',
      otherPartnership: '404',
    },
    call: (t, auth, ids) => as(t, auth).get(`/participants/${ids.participant}/export`),
    shape: (b, ids) =>
      b.participantId === ids.participant && (b.identity as Body).lastName === ids.lastName
        ? 'file'
        : 'unexpected',
  },
  {
    name: 'GET /audit-events?participantId=',
    permission: P.AuditRead,
    expect: {
      own: '200 events',
      none: '200 events',
      consent: '200 events',
      coCoach: '200 events',
      otherPartnership: '200 none',
    },
    call: (t, auth, ids) => as(t, auth).get('/audit-events', { query: { participantId: ids.participant } }),
    shape: (b) => (Number(b.total) > 0 ? 'events' : 'none'),
  },
];

describe('permission matrix: endpoint × role × relation', () => {
  let t: TestApp;
  let a: TestPartnership;
  const fixtures = {} as Record<Exclude<Relation, 'own'>, Ids> & { own: Record<Org, Ids> };

  /** A participant with one trajectory, created by `who`, optionally handed to another organisation. */
  async function participant(p: TestPartnership, who: StaffKey, ownerOrg?: Org): Promise<Ids> {
    const created = await createParticipant(t, p, who);
    const tr = await startTrajectory(t, p, created.id, who);
    if (ownerOrg) {
      const org = p.orgs[ownerOrg].id;
      await t.sql('update participants set owner_organisation_id = $2 where id = $1', [created.id, org]);
      await t.sql('update trajectories set owner_organisation_id = $2 where participant_id = $1', [
        created.id,
        org,
      ]);
      await t.sql(
        `update access_grants set organisation_id = $2 where participant_id = $1 and reason = 'owner'`,
        [created.id, org],
      );
    }
    // Every file holds a consent, so the consent history has something to show (or to hide).
    await t.sql(
      `insert into consents (partnership_id, participant_id, scope, basis, given_at, evidence, recorded_by)
       values ($1, $2, 'case_meeting', 'consent', now() - interval '1 day', 'Formulier CM-1', $3)`,
      [p.id, created.id, p.staff[who].id],
    );
    return { participant: created.id, trajectory: tr.id, lastName: String(created.lastName) };
  }

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    const b = await createPartnership(t, 'B');
    fixtures.own = {} as Record<Org, Ids>;
    for (const org of ['stad', 'compaan', 'intro', 'vdab', 'ocmw'] as Org[])
      fixtures.own[org] = await participant(a, 'coach', org === 'compaan' ? undefined : org);
    fixtures.none = await participant(a, 'coachCaw');
    fixtures.consent = await participant(a, 'coachCaw');
    await as(t, a.auth('coachCaw'))
      .post(`/participants/${fixtures.consent.participant}/consents`, {
        scope: 'partnership_sharing',
        basis: 'consent',
        givenAt: new Date().toISOString(),
        evidence: 'F-1',
      })
      .expect(201);
    fixtures.coCoach = await participant(a, 'coachCaw');
    for (const key of ['coach', 'coachIntro'] as StaffKey[])
      await as(t, a.auth('coachCaw'))
        .post(`/trajectories/${fixtures.coCoach.trajectory}/co-coaches`, { staffId: a.staff[key].id })
        .expect(201);
    // Stad, VDAB and OCMW have no coach to add as co-coach: their co_coach grant is written directly.
    for (const org of ['stad', 'vdab', 'ocmw'] as Org[])
      await t.sql(
        `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, valid_from)
         values ($1, $2, $3, 'case', 'co_coach', now() - interval '1 minute')`,
        [a.id, fixtures.coCoach.participant, a.orgs[org].id],
      );
    fixtures.otherPartnership = await participant(b, 'coach');
  });
  afterAll(() => t.close());

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const role of Object.keys(ROLE_KEYS) as Role[]) {
        const allowed = ROLE_PERMISSIONS[role].includes(endpoint.permission);
        for (const relation of RELATIONS) {
          const ids = relation === 'own' ? fixtures.own[ORG_OF[role]] : fixtures[relation];
          const cell = `${role.padEnd(11)} ${relation}`;
          want[cell] = !allowed
            ? '403'
            : (role === 'dpo' && endpoint.dpo?.[relation]) || endpoint.expect[relation];
          const res = await endpoint.call(t, a.auth(ROLE_KEYS[role]), ids);
          got[cell] =
            res.status < 300 && endpoint.shape
              ? `${res.status} ${endpoint.shape(res.body, ids)}`
              : String(res.status);
        }
      }
      expect(got).toEqual(want);
    });
  }
});
