import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

const SUMMARY_FIELDS = [
  'birthYear',
  'caseManagerId',
  'currentTrajectoryId',
  'firstName',
  'id',
  'lastName',
  'phone',
  'pseudonymised',
  'scope',
  'status',
  'teamId',
  'vdabTrajectory',
];

describe('consents', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const consent = (overrides: Record<string, unknown> = {}) => ({
    scope: 'partnership_sharing',
    basis: 'consent',
    givenAt: new Date(Date.now() - 3600_000).toISOString(),
    evidence: 'Toestemmingsformulier 2025/017, getekend',
    ...overrides,
  });
  const post = (id: string, who: StaffKey, body: Record<string, unknown>, p = a) =>
    as(t, p.auth(who)).post(`/participants/${id}/consents`, body);
  const withdraw = (id: string, cid: string, who: StaffKey = 'coach') =>
    as(t, a.auth(who)).post(`/participants/${id}/consents/${cid}/withdraw`);
  const read = (id: string, who: StaffKey) => as(t, a.auth(who)).get(`/participants/${id}`);

  describe('POST /participants/{id}/consents with partnership_sharing', () => {
    it("shows the participant to another organisation's coach at summary scope only, and hides it again right after withdrawal", async () => {
      const p = await createParticipant(t, a, 'coach');
      await read(p.id, 'coachCaw').expect(404);

      const given = await post(p.id, 'coach', consent()).expect(201);
      expect(given.body).toMatchObject({
        participantId: p.id,
        scope: 'partnership_sharing',
        basis: 'consent',
        active: true,
        withdrawnAt: null,
        recordedBy: a.staff.coach.id,
      });
      const grants = await t.sql<{ organisation_id: string; scope: string }>(
        `select organisation_id, scope from access_grants
          where source_id = $1 and reason = 'consent_partnership' and ended_at is null order by organisation_id`,
        [given.body.id],
      );
      const others = Object.values(a.orgs)
        .filter((o) => o.id !== a.orgs.compaan.id)
        .map((o) => o.id)
        .sort();
      expect(grants.map((g) => g.organisation_id)).toEqual(others);
      expect(new Set(grants.map((g) => g.scope))).toEqual(new Set(['summary']));

      const seen = await read(p.id, 'coachCaw').expect(200);
      expect(Object.keys(seen.body).sort()).toEqual(SUMMARY_FIELDS);
      expect(seen.body).toMatchObject({ scope: 'summary', firstName: p.firstName, birthYear: 1990 });
      const listed = await as(t, a.auth('coachIntro'))
        .get('/participants', { query: { q: String(p.lastName) } })
        .expect(200);
      expect(listed.body.items.map((i: { id: string; scope: string }) => [i.id, i.scope])).toEqual([
        [p.id, 'summary'],
      ]);
      // Summary scope does not reach the consents themselves (case scope, also in RLS).
      await as(t, a.auth('coachCaw')).get(`/participants/${p.id}/consents`).expect(403);
      // Another partnership is not part of "the partnership".
      await as(t, b.auth('coach')).get(`/participants/${p.id}`).expect(404);

      const withdrawn = await withdraw(p.id, given.body.id).expect(200);
      expect(withdrawn.body).toMatchObject({ active: false, withdrawnBy: a.staff.coach.id });
      expect(new Date(withdrawn.body.withdrawnAt).getTime()).not.toBeNaN();
      await read(p.id, 'coachCaw').expect(404);
      await read(p.id, 'spocVdab').expect(404);
      const live = await t.sql<{ n: number }>(
        `select count(*)::int as n from access_grants where source_id = $1 and ended_at is null`,
        [given.body.id],
      );
      expect(live[0].n).toBe(0);
      // The owner keeps the file; the history keeps the consent.
      await read(p.id, 'coach').expect(200);
      const history = await as(t, a.auth('coach2')).get(`/participants/${p.id}/consents`).expect(200);
      expect(history.body.total).toBe(1);
      expect(history.body.items[0]).toMatchObject({ id: given.body.id, active: false });
      const audit = await t.sql<{ action: string; reason: string }>(
        `select action, reason from audit_events where participant_id = $1 and resource_type in ('consent', 'participant')
           and action in ('create', 'grant', 'revoke') order by id`,
        [p.id],
      );
      expect(audit.map((e) => `${e.action}:${e.reason ?? ''}`)).toEqual([
        'create:',
        'create:consent',
        'grant:consent_partnership',
        'revoke:consent_withdrawn',
      ]);
    });

    it('refuses a second withdrawal with 409 and an unknown consent with 404', async () => {
      const p = await createParticipant(t, a);
      const given = await post(p.id, 'coach', consent({ scope: 'vdab_exchange' })).expect(201);
      await withdraw(p.id, given.body.id).expect(200);
      const again = await withdraw(p.id, given.body.id).expect(409);
      expect(again.body.code).toBe('CONSENT_ALREADY_WITHDRAWN');
      await withdraw(p.id, '00000000-0000-4000-8000-000000000000').expect(404);
      // A consent of another participant cannot be withdrawn through this one.
      const q = await createParticipant(t, a);
      const other = await post(q.id, 'coach', consent({ scope: 'vdab_exchange' })).expect(201);
      await withdraw(p.id, other.body.id).expect(404);
    });
  });

  describe('validation and who may record', () => {
    it('requires a reference for a legal basis, and refuses a future givenAt, unknown scopes and extra fields', async () => {
      const p = await createParticipant(t, a);
      const noRef = await post(p.id, 'coach', consent({ basis: 'legal_obligation' })).expect(400);
      expect(noRef.body.errors.map((e: { field: string }) => e.field)).toContain('reference');
      await post(
        p.id,
        'coach',
        consent({ basis: 'public_task', scope: 'ocmw_exchange', reference: 'Art. 60 §1 OCMW-wet' }),
      ).expect(201);
      const future = await post(
        p.id,
        'coach',
        consent({ givenAt: new Date(Date.now() + 86400_000).toISOString() }),
      ).expect(400);
      expect(future.body.code).toBe('DATE_IN_FUTURE');
      await post(p.id, 'coach', consent({ scope: 'everything' })).expect(400);
      await post(p.id, 'coach', consent({ givenAt: 'yesterday' })).expect(400);
      const mass = await post(p.id, 'coach', consent({ partnershipId: b.id, withdrawnAt: null })).expect(400);
      expect(mass.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'partnershipId',
        'withdrawnAt',
      ]);
      const rows = await t.sql<{ scope: string }>('select scope from consents where participant_id = $1', [
        p.id,
      ]);
      expect(rows.map((r) => r.scope)).toEqual(['ocmw_exchange']);
    });

    it('answers 401 without a token, 403 to a role without consent.write, 403 below full scope and 404 outside', async () => {
      const p = await createParticipant(t, a);
      await t.http().post(`/participants/${p.id}/consents`).send(consent()).expect(401);
      await post(p.id, 'coordinator', consent()).expect(403);
      await post(p.id, 'spocVdab', consent()).expect(403);
      await post(p.id, 'coachCaw', consent()).expect(404);
      await post(p.id, 'coach', consent(), b).expect(404);
      // The DPO of another organisation holds no grant on this file.
      await post(p.id, 'dpo', consent()).expect(404);
      const shared = await post(p.id, 'coach', consent()).expect(201);
      const tooNarrow = await post(p.id, 'coachCaw', consent({ scope: 'vdab_exchange' })).expect(403);
      expect(tooNarrow.body.code).toBe('SCOPE_INSUFFICIENT');
      await withdraw(p.id, shared.body.id, 'coachCaw').expect(403);
      await withdraw(p.id, shared.body.id, 'spocOcmw').expect(403);
    });
  });

  describe('special categories (GDPR art. 9)', () => {
    it('shows disability and minority at full scope only while a special_categories basis is live', async () => {
      const p = await createParticipant(t, a, 'coach', { minority: 'declined' });
      // Stored before the basis rule (issue 13, rule 7): the API now refuses 'yes' without a basis.
      await t.sql(`update participants set disability = 'yes' where id = $1`, [p.id]);
      const before = await read(p.id, 'coach').expect(200);
      expect(before.body.entryProfile).not.toHaveProperty('disability');
      expect(before.body.entryProfile).not.toHaveProperty('minority');

      const special = await post(p.id, 'coach', consent({ scope: 'special_categories' })).expect(201);
      const during = await read(p.id, 'coach2').expect(200);
      expect(during.body.entryProfile).toMatchObject({ disability: 'yes', minority: 'declined' });
      const list = await as(t, a.auth('coach'))
        .get('/participants', { query: { q: String(p.lastName) } })
        .expect(200);
      expect(list.body.items[0].entryProfile).toMatchObject({ disability: 'yes', minority: 'declined' });

      // Summary scope (partnership sharing) never shows them, whatever the art. 9 basis.
      await post(p.id, 'coach', consent()).expect(201);
      const other = await read(p.id, 'coachCaw').expect(200);
      expect(other.body.scope).toBe('summary');
      expect(JSON.stringify(other.body)).not.toMatch(/disability|minority|entryProfile/);

      await withdraw(p.id, special.body.id).expect(200);
      const after = await read(p.id, 'coach').expect(200);
      expect(after.body.entryProfile).not.toHaveProperty('disability');
      expect(after.body.entryProfile).not.toHaveProperty('minority');
      expect(after.body.entryProfile.labourStatus).toBe('unemployed');
    });
  });
});
