import { createHmac } from 'node:crypto';
import { StaffEntity } from '../../src/staff/staff.entity';
import {
  createPartnership,
  createStaffMember,
  TEST_PASSWORD,
  TestPartnership,
} from '../factories/partnership.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * Issue 12, item 1 and 11: nobody outside an organisation can act as a member of it. Each attack the
 * issue describes is performed here and must fail; the legitimate paths next to them must work.
 */
const STRONG = 'Wolk-Tram-Sleutel-Mosterd-42';
const HOUR = 3_600_000;

type Staff = StaffEntity & { bearer: string };

describe('staff administration', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let orgAdminCaw: Staff;
  let orgAdminCompaan: Staff;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'Staff A');
    b = await createPartnership(t, 'Staff B');
    orgAdminCaw = await createStaffMember(t, a, { organisationId: a.orgs.caw.id, roles: ['org_admin'] });
    orgAdminCompaan = await createStaffMember(t, a, {
      organisationId: a.orgs.compaan.id,
      roles: ['org_admin'],
    });
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const email = () => `collega.${Date.now().toString(36)}.${++serial}@test.jobteam.example`;
  const login = (mail: string, password: string) =>
    t.http().post('/auth/login').send({ email: mail, password });
  const me = (bearer: string) => as(t, bearer).get('/auth/me');
  const staffRow = async (id: string) =>
    (
      await t.sql<{
        organisation_id: string;
        roles: string[];
        active: boolean;
        password_hash: string | null;
      }>('select organisation_id, roles, active, password_hash from staff where id = $1', [id])
    )[0];
  const auditOf = (id: string) =>
    t.sql<{
      action: string;
      resource_type: string;
      actor_id: string;
      reason: string | null;
      details: unknown;
    }>(
      `select action, resource_type, actor_id, reason, details from audit_events where resource_id = $1 order by id`,
      [id],
    );
  const coachOf = (org: keyof TestPartnership['orgs']) =>
    createStaffMember(t, a, { organisationId: a.orgs[org].id, roles: ['coach'] });
  const post = (url: string, bearer: string, body: object = {}) => as(t, bearer).post(url, body);
  const patch = (id: string, bearer: string, body: object, version = 1) =>
    as(t, bearer).patch(`/staff/${id}`, body, { ifMatch: `"${version}"` });

  describe('POST /staff', () => {
    it("lets an org_admin create its own organisation's staff, with a one-time activation token valid 72 hours", async () => {
      const mail = email();
      const res = await post('/staff', orgAdminCaw.bearer, {
        email: mail,
        name: 'Nieuwe Collega',
        organisationId: a.orgs.caw.id,
        roles: ['coach'],
      }).expect(201);
      expect(res.body).toMatchObject({
        email: mail,
        organisationId: a.orgs.caw.id,
        roles: ['coach'],
        active: true,
      });
      expect(Object.keys(res.body.activation).sort()).toEqual(['expiresAt', 'token']);
      const { token, expiresAt } = res.body.activation as { token: string; expiresAt: string };
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const ttl = new Date(expiresAt).getTime() - Date.now();
      expect(ttl).toBeGreaterThan(72 * HOUR - 60_000);
      expect(ttl).toBeLessThanOrEqual(72 * HOUR);
      expect(res.body).not.toHaveProperty('password');

      // No password yet, and the token is stored only as its hash.
      expect((await staffRow(res.body.id)).password_hash).toBeNull();
      await login(mail, STRONG).expect(401);
      const stored = await t.sql<{ row: string }>(
        'select row_to_json(c)::text as row from staff_credential_tokens c where staff_id = $1',
        [res.body.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].row).not.toContain(token);
      expect(stored[0].row).not.toContain(Buffer.from(token).toString('hex'));

      expect(await auditOf(res.body.id)).toEqual([
        expect.objectContaining({ action: 'create', resource_type: 'staff', actor_id: orgAdminCaw.id }),
      ]);
    });

    it('refuses a password in the body with 400 naming it, and writes nothing', async () => {
      const mail = email();
      const res = await post('/staff', orgAdminCaw.bearer, {
        email: mail,
        name: 'Met Wachtwoord',
        organisationId: a.orgs.caw.id,
        roles: ['coach'],
        password: STRONG,
      }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('password');
      expect(await t.sql('select id from staff where email = $1', [mail])).toEqual([]);
    });

    it("attack: the Stad Gent admin creates a staff member in CAW's organisation — refused, nothing written", async () => {
      const mail = email();
      for (const roles of [['coach'], ['coordinator'], ['coach', 'org_admin']]) {
        const res = await post('/staff', a.auth('admin'), {
          email: mail,
          name: 'Indringer',
          organisationId: a.orgs.caw.id,
          roles,
        }).expect(403);
        expect(res.body.code).toBe('STAFF_ADMIN_FIRST_ORG_ADMIN_ONLY');
      }
      // Not even an org_admin, since CAW already has active staff.
      const res = await post('/staff', a.auth('admin'), {
        email: mail,
        name: 'Indringer',
        organisationId: a.orgs.caw.id,
        roles: ['org_admin'],
      }).expect(409);
      expect(res.body.code).toBe('STAFF_ORGANISATION_HAS_STAFF');
      expect(await t.sql('select id from staff where email = $1', [mail])).toEqual([]);
    });

    it('lets the admin create the first org_admin of an organisation without staff, and only the first', async () => {
      const org = await post('/organisations', a.auth('admin'), {
        name: `Voluit ${serial}`,
        kind: 'partner',
      }).expect(201);
      const first = await post('/staff', a.auth('admin'), {
        email: email(),
        name: 'Eerste Beheerder',
        organisationId: org.body.id,
        roles: ['org_admin'],
      }).expect(201);
      expect(first.body.activation.token).toEqual(expect.any(String));
      const second = await post('/staff', a.auth('admin'), {
        email: email(),
        name: 'Tweede Beheerder',
        organisationId: org.body.id,
        roles: ['org_admin'],
      }).expect(409);
      expect(second.body.code).toBe('STAFF_ORGANISATION_HAS_STAFF');
      // And the admin cannot act on the account it created: it belongs to that organisation now.
      const reset = await post(`/staff/${first.body.id}/password-reset`, a.auth('admin')).expect(403);
      expect(reset.body.code).toBe('STAFF_NOT_MANAGED');
    });

    it('refuses an org_admin creating staff in another organisation with 403 STAFF_NOT_MANAGED', async () => {
      const res = await post('/staff', orgAdminCaw.bearer, {
        email: email(),
        name: 'Verkeerde Organisatie',
        organisationId: a.orgs.compaan.id,
        roles: ['coach'],
      }).expect(403);
      expect(res.body.code).toBe('STAFF_NOT_MANAGED');
    });

    it('refuses an org_admin granting the partnership admin role', async () => {
      const res = await post('/staff', orgAdminCaw.bearer, {
        email: email(),
        name: 'Nieuwe Admin',
        organisationId: a.orgs.caw.id,
        roles: ['admin'],
      }).expect(403);
      expect(res.body.code).toBe('STAFF_ROLE_NOT_GRANTABLE');
    });

    it('refuses a coach (no staff.write) with 403, and an organisation of another partnership with 400', async () => {
      const body = { email: email(), name: 'X Y', organisationId: a.orgs.compaan.id, roles: ['coach'] };
      expect((await post('/staff', a.auth('coach'), body).expect(403)).body.code).toBe('FORBIDDEN');
      const other = await post('/staff', b.auth('orgAdmin'), body).expect(400);
      expect(other.body.code).toBe('STAFF_ORGANISATION_UNKNOWN');
    });
  });

  describe('PATCH /staff/{id}', () => {
    it('lets an org_admin re-role its own staff, and audits the change', async () => {
      const coach = await coachOf('caw');
      const res = await patch(coach.id, orgAdminCaw.bearer, { roles: ['coordinator'] }).expect(200);
      expect(res.body).toMatchObject({ roles: ['coordinator'], version: 2 });
      expect(await auditOf(coach.id)).toEqual([
        expect.objectContaining({
          action: 'update',
          resource_type: 'staff',
          actor_id: orgAdminCaw.id,
          reason: 'roles changed',
          details: expect.objectContaining({ rolesBefore: ['coach'], rolesAfter: ['coordinator'] }),
        }),
      ]);
    });

    it('rejects a password with 400 naming it, and changes nothing', async () => {
      const coach = await coachOf('caw');
      const before = await staffRow(coach.id);
      const res = await patch(coach.id, orgAdminCaw.bearer, { password: STRONG }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('password');
      expect(await staffRow(coach.id)).toEqual(before);
      await login(coach.email, TEST_PASSWORD).expect(200);
    });

    it('attack: the Stad Gent admin edits, re-roles or moves a CAW coach into its own organisation — refused', async () => {
      const coach = await coachOf('caw');
      const before = await staffRow(coach.id);
      for (const body of [
        { name: 'Overgenomen' },
        { roles: ['coordinator'] },
        { organisationId: a.orgs.stad.id },
        { email: email() },
        { active: false },
      ]) {
        const res = await patch(coach.id, a.auth('admin'), body).expect(403);
        expect([JSON.stringify(body), res.body.code]).toEqual([JSON.stringify(body), 'STAFF_NOT_MANAGED']);
      }
      expect((await post(`/staff/${coach.id}/deactivate`, a.auth('admin')).expect(403)).body.code).toBe(
        'STAFF_NOT_MANAGED',
      );
      expect(await staffRow(coach.id)).toEqual(before);
      await me(coach.bearer).expect(200);
    });

    it('attack: an org_admin moves its coach into another organisation, or edits one of another organisation — refused', async () => {
      const coach = await coachOf('caw');
      const moved = await patch(coach.id, orgAdminCaw.bearer, { organisationId: a.orgs.compaan.id }).expect(
        403,
      );
      expect(moved.body.code).toBe('STAFF_MOVE_FORBIDDEN');
      const foreign = await patch(coach.id, orgAdminCompaan.bearer, { name: 'Van Compaan' }).expect(403);
      expect(foreign.body.code).toBe('STAFF_NOT_MANAGED');
      const foreignRoles = await patch(coach.id, orgAdminCompaan.bearer, { roles: ['org_admin'] }).expect(
        403,
      );
      expect(foreignRoles.body.code).toBe('STAFF_NOT_MANAGED');
      expect((await staffRow(coach.id)).organisation_id).toBe(a.orgs.caw.id);
    });

    it('attack: an org_admin makes someone (or itself) partnership admin, or re-roles itself — refused', async () => {
      const coach = await coachOf('caw');
      const grant = await patch(coach.id, orgAdminCaw.bearer, { roles: ['coach', 'admin'] }).expect(403);
      expect(grant.body.code).toBe('STAFF_ROLE_NOT_GRANTABLE');
      const self = await createStaffMember(t, a, { organisationId: a.orgs.caw.id, roles: ['org_admin'] });
      const own = await patch(self.id, self.bearer, { roles: ['org_admin', 'coach'] }).expect(403);
      expect(own.body.code).toBe('STAFF_OWN_ROLES');
      const ownAdmin = await patch(self.id, self.bearer, { roles: ['org_admin', 'admin'] }).expect(403);
      expect(ownAdmin.body.code).toBe('STAFF_OWN_ROLES');
      expect((await staffRow(self.id)).roles).toEqual(['org_admin']);
      expect((await staffRow(coach.id)).roles).toEqual(['coach']);
    });

    it("refuses Stad Gent's org_admin any action on the partnership admin's account", async () => {
      const before = await staffRow(a.staff.admin.id);
      await patch(a.staff.admin.id, a.auth('orgAdmin'), { roles: ['coordinator'] }).expect(403);
      await post(`/staff/${a.staff.admin.id}/password-reset`, a.auth('orgAdmin')).expect(403);
      await post(`/staff/${a.staff.admin.id}/deactivate`, a.auth('orgAdmin')).expect(403);
      expect(await staffRow(a.staff.admin.id)).toEqual(before);
    });

    it("answers 404 for another partnership's staff member", async () => {
      await patch(b.staff.coach.id, a.auth('orgAdmin'), { name: 'X' }).expect(404);
      await post(`/staff/${b.staff.coach.id}/password-reset`, a.auth('orgAdmin')).expect(404);
    });
  });

  describe('POST /staff/{id}/password-reset and POST /auth/activate', () => {
    it("attack: the Stad Gent admin resets a CAW coach's password — refused, the coach keeps working", async () => {
      const coach = await coachOf('caw');
      for (const bearer of [a.auth('admin'), a.auth('orgAdmin'), orgAdminCompaan.bearer]) {
        const res = await post(`/staff/${coach.id}/password-reset`, bearer).expect(403);
        expect(res.body.code).toBe('STAFF_NOT_MANAGED');
      }
      expect(await t.sql('select id from staff_credential_tokens where staff_id = $1', [coach.id])).toEqual(
        [],
      );
      await me(coach.bearer).expect(200);
      await login(coach.email, TEST_PASSWORD).expect(200);
    });

    it("lets CAW's org_admin issue a one-hour reset: existing tokens stop, the owner sets the password once", async () => {
      const coach = await coachOf('caw');
      const session = `Bearer ${(await login(coach.email, TEST_PASSWORD).expect(200)).body.accessToken}`;
      await me(session).expect(200);
      const reset = await post(`/staff/${coach.id}/password-reset`, orgAdminCaw.bearer).expect(201);
      expect(Object.keys(reset.body).sort()).toEqual(['expiresAt', 'token']);
      const ttl = new Date(reset.body.expiresAt).getTime() - Date.now();
      expect(ttl).toBeGreaterThan(HOUR - 60_000);
      expect(ttl).toBeLessThanOrEqual(HOUR);
      // The account's tokens stop at once: the harness token and the one from login alike.
      await me(session).expect(401);
      await me(coach.bearer).expect(401);

      await t.http().post('/auth/activate').send({ token: reset.body.token, password: STRONG }).expect(204);
      await login(coach.email, TEST_PASSWORD).expect(401);
      const fresh = await login(coach.email, STRONG).expect(200);
      await me(`Bearer ${fresh.body.accessToken}`).expect(200);

      const again = await t
        .http()
        .post('/auth/activate')
        .send({ token: reset.body.token, password: `${STRONG}!` });
      expect([again.status, again.body.code]).toEqual([400, 'CREDENTIAL_TOKEN_INVALID']);
      await login(coach.email, STRONG).expect(200);

      const events = await auditOf(coach.id);
      expect(events.map((e) => [e.resource_type, e.reason, e.actor_id])).toEqual([
        ['staff_password_reset', 'password reset issued', orgAdminCaw.id],
        ['staff', 'password reset completed', coach.id],
      ]);
    });

    it('refuses a reset token after one hour, and an activation token after 72 hours', async () => {
      const coach = await coachOf('caw');
      const reset = await post(`/staff/${coach.id}/password-reset`, orgAdminCaw.bearer).expect(201);
      t.clock.travel(HOUR + 60_000);
      const late = await t.http().post('/auth/activate').send({ token: reset.body.token, password: STRONG });
      expect([late.status, late.body.code]).toEqual([400, 'CREDENTIAL_TOKEN_INVALID']);
      t.clock.reset();

      const created = await post('/staff', orgAdminCaw.bearer, {
        email: email(),
        name: 'Late Starter',
        organisationId: a.orgs.caw.id,
        roles: ['coach'],
      }).expect(201);
      t.clock.travel(71 * HOUR);
      const early = created.body.activation.token as string;
      t.clock.travel(2 * HOUR);
      const expired = await t.http().post('/auth/activate').send({ token: early, password: STRONG });
      expect([expired.status, expired.body.code]).toEqual([400, 'CREDENTIAL_TOKEN_INVALID']);
      expect((await staffRow(created.body.id)).password_hash).toBeNull();
    });

    it.each([
      ['twelve times the same letter', () => 'aaaaaaaaaaaa'],
      ['digits in a row', () => '123456789012'],
      ["the account's own email", (mail: string) => mail],
      ["the account's name inside", () => 'Zwaluw-Timmermans-Brug-77'],
    ])('refuses %s with 400 PASSWORD_WEAK and the reasons, and keeps the token usable', async (_n, pw) => {
      const mail = email();
      const created = await post('/staff', orgAdminCaw.bearer, {
        email: mail,
        name: 'Lieve Timmermans',
        organisationId: a.orgs.caw.id,
        roles: ['coach'],
      }).expect(201);
      const token = created.body.activation.token as string;
      const res = await t
        .http()
        .post('/auth/activate')
        .send({ token, password: pw(mail) })
        .expect(400);
      expect(res.body.code).toBe('PASSWORD_WEAK');
      expect(res.body.reasons.length).toBeGreaterThan(0);
      expect(res.body.errors[0]).toMatchObject({ field: 'password' });
      expect((await staffRow(created.body.id)).password_hash).toBeNull();
      await t.http().post('/auth/activate').send({ token, password: STRONG }).expect(204);
      await login(mail, STRONG).expect(200);
    });

    it('refuses an unknown token, a missing password and the token of a deactivated account', async () => {
      const unknown = await t
        .http()
        .post('/auth/activate')
        .send({ token: 'x'.repeat(43), password: STRONG });
      expect([unknown.status, unknown.body.code]).toEqual([400, 'CREDENTIAL_TOKEN_INVALID']);
      const missing = await t
        .http()
        .post('/auth/activate')
        .send({ token: 'x'.repeat(43) })
        .expect(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');

      const coach = await coachOf('caw');
      const reset = await post(`/staff/${coach.id}/password-reset`, orgAdminCaw.bearer).expect(201);
      await post(`/staff/${coach.id}/deactivate`, orgAdminCaw.bearer).expect(200);
      const res = await t.http().post('/auth/activate').send({ token: reset.body.token, password: STRONG });
      expect([res.status, res.body.code]).toEqual([400, 'CREDENTIAL_TOKEN_INVALID']);
    });
  });

  describe('POST /auth/password', () => {
    it('changes the own password: every token of the account stops, the new password works', async () => {
      const coach = await coachOf('compaan');
      const other = `Bearer ${(await login(coach.email, TEST_PASSWORD).expect(200)).body.accessToken}`;
      await post('/auth/password', coach.bearer, {
        currentPassword: TEST_PASSWORD,
        newPassword: STRONG,
      }).expect(204);
      await me(other).expect(401);
      await me(coach.bearer).expect(401);
      await login(coach.email, TEST_PASSWORD).expect(401);
      await login(coach.email, STRONG).expect(200);
      expect(await auditOf(coach.id)).toEqual([
        expect.objectContaining({
          action: 'update',
          actor_id: coach.id,
          reason: 'password changed by its owner',
        }),
      ]);
    });

    it('refuses a wrong current password and a weak new one with 400, and changes nothing', async () => {
      const coach = await coachOf('compaan');
      const wrong = await post('/auth/password', coach.bearer, {
        currentPassword: 'nope',
        newPassword: STRONG,
      });
      expect([wrong.status, wrong.body.code]).toEqual([400, 'PASSWORD_CURRENT_WRONG']);
      const weak = await post('/auth/password', coach.bearer, {
        currentPassword: TEST_PASSWORD,
        newPassword: coach.email,
      });
      expect([weak.status, weak.body.code]).toEqual([400, 'PASSWORD_WEAK']);
      await me(coach.bearer).expect(200);
      await login(coach.email, TEST_PASSWORD).expect(200);
      expect(await auditOf(coach.id)).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      await t.http().post('/auth/password').send({ currentPassword: 'x', newPassword: STRONG }).expect(401);
    });
  });

  describe('bearer tokens', () => {
    const forge = (payload: Record<string, unknown>) => {
      const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
      return `Bearer ${unsigned}.${createHmac('sha256', TEST_SECRETS.jwtSecret).update(unsigned).digest('base64url')}`;
    };
    const now = () => Math.floor(Date.now() / 1000);

    it('refuses a correctly signed token without exp', async () => {
      const coach = await coachOf('compaan');
      await me(forge({ sub: coach.id, tid: a.id, iat: now(), exp: now() + 600 })).expect(200);
      await me(forge({ sub: coach.id, tid: a.id, iat: now() })).expect(401);
    });

    it('refuses a token issued before a deactivation, also after the account is reactivated', async () => {
      const coach = await coachOf('caw');
      const session = `Bearer ${(await login(coach.email, TEST_PASSWORD).expect(200)).body.accessToken}`;
      await post(`/staff/${coach.id}/deactivate`, orgAdminCaw.bearer).expect(200);
      await patch(coach.id, orgAdminCaw.bearer, { active: true }, 2).expect(200);
      await me(session).expect(401);
      await me(coach.bearer).expect(401);
      const again = await login(coach.email, TEST_PASSWORD).expect(200);
      await me(`Bearer ${again.body.accessToken}`).expect(200);
    });

    it('refuses a token that claims a newer or older credential version than the account has', async () => {
      const coach = await coachOf('compaan');
      await me(forge({ sub: coach.id, tid: a.id, tv: 0, exp: now() + 600 })).expect(200);
      await me(forge({ sub: coach.id, tid: a.id, tv: 1, exp: now() + 600 })).expect(401);
      await me(forge({ sub: coach.id, tid: a.id, tv: -1, exp: now() + 600 })).expect(401);
    });
  });

  it('shows an org_admin no participant data', async () => {
    await as(t, orgAdminCaw.bearer).get('/participants').expect(403);
    const res = await me(orgAdminCaw.bearer).expect(200);
    expect(res.body.permissions).toEqual([
      'organisation.read',
      'self.read',
      'self.write',
      'staff.read',
      'staff.write',
      'team.read',
    ]);
  });
});
