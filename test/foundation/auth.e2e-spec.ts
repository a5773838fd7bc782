import { createHmac, randomUUID } from 'node:crypto';
import {
  createPartnership,
  createStaffMember,
  TEST_PASSWORD,
  TestPartnership,
} from '../factories/partnership.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';
import { as } from '../support/api';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT built by hand, so a test can forge exactly the header, payload and signature it wants. */
function forgeToken(
  payload: Record<string, unknown>,
  options: { alg?: string; secret?: string; signature?: string } = {},
): string {
  const alg = options.alg ?? 'HS256';
  const unsigned = `${b64url({ alg, typ: 'JWT' })}.${b64url(payload)}`;
  if (options.signature !== undefined) return `${unsigned}.${options.signature}`;
  const hmac = alg === 'HS512' ? 'sha512' : 'sha256';
  const sig = createHmac(hmac, options.secret ?? TEST_SECRETS.jwtSecret)
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${sig}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The one answer for every failed login, so no one can tell which part was wrong. */
const GENERIC_401 = {
  type: 'https://jobteam.gent/problems/unauthorized',
  title: 'Unauthorized',
  status: 401,
  code: 'UNAUTHORIZED',
  detail: 'The email or password is wrong, or the account is not active.',
  errors: [],
};

const withoutRequestId = (body: Record<string, unknown>) => {
  const { requestId, ...rest } = body;
  expect(typeof requestId).toBe('string');
  return rest;
};

describe('auth', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  /** The org_admins of Compaan and CAW in A: only they deactivate their organisations' staff. */
  let orgAdminCompaan: string;
  let orgAdminCaw: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'Auth A');
    b = await createPartnership(t, 'Auth B');
    orgAdminCompaan = (
      await createStaffMember(t, a, { organisationId: a.orgs.compaan.id, roles: ['org_admin'] })
    ).bearer;
    orgAdminCaw = (await createStaffMember(t, a, { organisationId: a.orgs.caw.id, roles: ['org_admin'] }))
      .bearer;
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http().post('/auth/login').send({ email, password });

  describe('POST /auth/login', () => {
    it('returns a bearer token that expires after JWT_EXPIRES_IN and works on /auth/me', async () => {
      const res = await login(a.staff.coach.email, TEST_PASSWORD).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 8 * 3600,
      });
      const [header, payload] = (res.body.accessToken as string)
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: a.staff.coach.id, tid: a.id });
      expect(payload.exp - payload.iat).toBe(8 * 3600);
      expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'sub', 'tid', 'tv']);
      expect(payload.tv).toBe(0);

      const me = await as(t, `Bearer ${res.body.accessToken}`).get('/auth/me').expect(200);
      expect(me.body).toEqual({
        id: a.staff.coach.id,
        email: a.staff.coach.email,
        name: 'Test coach',
        organisation: {
          id: a.orgs.compaan.id,
          name: 'Compaan',
          kind: 'partner',
          professionalSecrecy: false,
        },
        partnership: { id: a.id, name: 'Auth A' },
        teamId: a.teams[0].id,
        roles: ['coach'],
        permissions: [
          'agenda.read',
          'assessment.read',
          'assessment.write',
          'case_meeting.read',
          'case_meeting.write',
          'consent.write',
          'contact.write',
          'employer.read',
          'employer.write',
          'feedback.read',
          'feedback.write',
          'group_session.read',
          'group_session.write',
          'instrument.read',
          'organisation.read',
          'participant.create',
          'participant.read',
          'participant.update',
          'persona.read',
          'referral.read',
          'referral.write',
          'self.read',
          'self.write',
          'signal.write',
          'staff.read',
          'subject.export',
          'team.read',
          'trajectory.write',
        ],
      });
    });

    it('returns the admin their own organisation and sorted permissions', async () => {
      const me = await as(t, a.auth('admin')).get('/auth/me').expect(200);
      expect(me.body.organisation).toMatchObject({ id: a.orgs.stad.id, name: 'Stad Gent', kind: 'promotor' });
      expect(me.body.teamId).toBeNull();
      expect(me.body.permissions).toEqual([
        'agenda.read',
        'instrument.read',
        'instrument.write',
        'organisation.read',
        'organisation.write',
        'self.read',
        'self.write',
        'staff.read',
        'staff.write',
        'team.read',
        'team.write',
      ]);
      expect(me.body).not.toHaveProperty('passwordHash');
    });

    it('treats the email case-insensitively and ignores surrounding spaces', async () => {
      await login(`  ${a.staff.coordinator.email.toUpperCase()} `, TEST_PASSWORD).expect(200);
    });

    it('gives a wrong password, an unknown email and a deactivated account the same 401 body', async () => {
      await as(t, orgAdminCompaan).post(`/staff/${a.staff.coach2.id}/deactivate`).expect(200);
      const wrongPassword = await login(a.staff.coordinator.email, 'not-the-password').expect(401);
      const unknownEmail = await login('nobody@test.jobteam.example', TEST_PASSWORD).expect(401);
      const deactivated = await login(a.staff.coach2.email, TEST_PASSWORD).expect(401);
      for (const res of [wrongPassword, unknownEmail, deactivated]) {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(withoutRequestId(res.body)).toEqual(GENERIC_401);
      }
    });

    it('rejects a body without a password with 400 VALIDATION_FAILED', async () => {
      const res = await t.http().post('/auth/login').send({ email: a.staff.admin.email }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('password');
    });
  });

  describe('GET /auth/me', () => {
    it('answers 401 without a token', async () => {
      const res = await t.http().get('/auth/me').expect(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });

    it("stops a deactivated member's existing token on the very next request", async () => {
      const token = (await login(a.staff.coachCaw.email, TEST_PASSWORD).expect(200)).body.accessToken;
      const bearer = `Bearer ${token}`;
      await as(t, bearer).get('/auth/me').expect(200);
      await as(t, bearer).get('/organisations').expect(200);
      await as(t, orgAdminCaw).post(`/staff/${a.staff.coachCaw.id}/deactivate`).expect(200);
      const me = await as(t, bearer).get('/auth/me').expect(401);
      expect(me.body.code).toBe('UNAUTHORIZED');
      await as(t, bearer).get('/organisations').expect(401);
    });
  });

  describe('hostile tokens', () => {
    const claims = () => ({ sub: a.staff.admin.id, tid: a.id, iat: nowSeconds(), exp: nowSeconds() + 600 });

    it('accepts the hand-forged control token, so the cases below fail for the reason they name', async () => {
      await as(t, `Bearer ${forgeToken(claims())}`)
        .get('/auth/me')
        .expect(200);
    });

    const cases: [string, () => string][] = [
      [
        'an expired token',
        () => forgeToken({ ...claims(), iat: nowSeconds() - 7200, exp: nowSeconds() - 60 }),
      ],
      ['alg none with an empty signature', () => forgeToken(claims(), { alg: 'none', signature: '' })],
      ['a token signed with the wrong secret', () => forgeToken(claims(), { secret: 'x'.repeat(64) })],
      ['HS512 with the right secret', () => forgeToken(claims(), { alg: 'HS512' })],
      [
        'a payload swapped under a valid signature',
        () => {
          const [h, , s] = forgeToken(claims()).split('.');
          return `${h}.${b64url({ ...claims(), sub: b.staff.admin.id, tid: b.id })}.${s}`;
        },
      ],
      ['a non-UUID sub', () => forgeToken({ ...claims(), sub: "1' or '1'='1" })],
      ['a non-UUID tid', () => forgeToken({ ...claims(), tid: 'partnership-a' })],
      ['a missing tid', () => forgeToken({ sub: a.staff.admin.id, exp: nowSeconds() + 600 })],
      ['an unknown staff id', () => forgeToken({ ...claims(), sub: randomUUID() })],
      [
        "a staff member of B presented under A's tenant id",
        () => forgeToken({ ...claims(), sub: b.staff.admin.id }),
      ],
      ['garbage', () => 'not.a.jwt'],
    ];

    it.each(cases)('answers 401 (never 5xx) to %s', async (_name, make) => {
      const res = await as(t, `Bearer ${make()}`).get('/organisations');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });

    it("answers 404 when B's admin guesses the ids of A's records", async () => {
      for (const path of [
        `/staff/${a.staff.admin.id}`,
        `/organisations/${a.orgs.stad.id}`,
        `/teams/${a.teams[0].id}`,
      ]) {
        const res = await as(t, b.auth('admin')).get(path);
        expect([path, res.status]).toEqual([path, 404]);
      }
      const res = await as(t, b.auth('admin')).post(`/staff/${a.staff.admin.id}/deactivate`).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await as(t, a.auth('admin')).get('/auth/me').expect(200);
    });
  });

  describe('staff email and organisation rules', () => {
    const newStaff = (p: TestPartnership, email: string, organisationId = p.orgs.stad.id) => ({
      email,
      name: 'Nieuwe Collega',
      organisationId,
      roles: ['coach'],
    });

    it('refuses an email taken in another partnership, whatever its case, with 409 STAFF_EMAIL_TAKEN', async () => {
      const res = await as(t, a.auth('orgAdmin'))
        .post('/staff', newStaff(a, b.staff.coach.email.toUpperCase()))
        .expect(409);
      expect(res.body).toMatchObject({ status: 409, code: 'STAFF_EMAIL_TAKEN' });
    });

    it('refuses an email taken in the same partnership with different case', async () => {
      const res = await as(t, a.auth('orgAdmin'))
        .post('/staff', newStaff(a, a.staff.dpo.email.replace(/^dpo/, 'DPO')))
        .expect(409);
      expect(res.body.code).toBe('STAFF_EMAIL_TAKEN');
    });

    it('refuses changing an email to one taken elsewhere', async () => {
      const res = await as(t, a.auth('orgAdmin'))
        .patch(`/staff/${a.staff.coordinator.id}`, { email: b.staff.expertise.email }, { ifMatch: '"1"' })
        .expect(409);
      expect(res.body.code).toBe('STAFF_EMAIL_TAKEN');
    });

    it('refuses an organisationId of another partnership with 400 STAFF_ORGANISATION_UNKNOWN', async () => {
      const res = await as(t, a.auth('orgAdmin'))
        .post('/staff', newStaff(a, 'cross.tenant@test.jobteam.example', b.orgs.intro.id))
        .expect(400);
      expect(res.body).toMatchObject({ status: 400, code: 'STAFF_ORGANISATION_UNKNOWN' });
      expect(res.body.errors).toEqual([{ field: 'organisationId', message: 'unknown organisation' }]);
      expect(
        await t.sql('select id from staff where email = $1', ['cross.tenant@test.jobteam.example']),
      ).toEqual([]);
    });

    it('lets a newly created staff member log in once they set a password with the activation token', async () => {
      const created = await as(t, a.auth('orgAdmin'))
        .post('/staff', newStaff(a, 'Fresh.Coach@Test.jobteam.example'))
        .expect(201);
      await t
        .http()
        .post('/auth/activate')
        .send({ token: created.body.activation.token, password: 'Wolk-Tram-Sleutel-Mosterd-42' })
        .expect(204);
      const res = await login('fresh.coach@test.jobteam.example', 'Wolk-Tram-Sleutel-Mosterd-42').expect(200);
      const me = await as(t, `Bearer ${res.body.accessToken}`).get('/auth/me').expect(200);
      expect(me.body).toMatchObject({ email: 'fresh.coach@test.jobteam.example', roles: ['coach'] });
      expect(me.body.organisation.id).toBe(a.orgs.stad.id);
    });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    p = await createPartnership(t, 'Rate limited');
  });
  afterAll(() => t.close());

  it('answers 429 TOO_MANY_LOGIN_ATTEMPTS after LOGIN_RATE_LIMIT attempts, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http().post('/auth/login').send({ email: p.staff.coach.email, password: 'wrong' }).expect(401);
    }
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email: p.staff.coach.email, password: TEST_PASSWORD })
      .expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(res.headers['retry-after']).toBe(String(res.body.retryAfterSeconds));
  });
});
