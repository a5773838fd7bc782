import {
  createPartnership,
  createStaffMember,
  TEST_PASSWORD,
  TestPartnership,
} from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';

/**
 * Issue 12, item 10: the login limits cannot be stepped around by padding or re-casing the email,
 * by spreading attempts over many addresses, and do not lock out an office behind one address.
 */
describe('login limits behind a trusted proxy', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'true',
      LOGIN_RATE_LIMIT: '60',
      LOGIN_ACCOUNT_FREE_FAILURES: '3',
      LOGIN_BACKOFF_SECONDS: '30',
      LOGIN_BACKOFF_MAX_SECONDS: '900',
      LOGIN_ADDRESS_FAILURE_LIMIT: '100',
    });
    p = await createPartnership(t, 'Limits');
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  let address = 0;
  const from = (ip?: string) => ip ?? `198.51.100.${++address % 250}`;
  const login = (email: string, password: string, ip?: string) =>
    t.http().post('/auth/login').set('x-forwarded-for', from(ip)).send({ email, password });

  it('attack: padding the email with spaces or changing its case gives no extra tries', async () => {
    const email = p.staff.coach.email;
    const ip = '203.0.113.10';
    for (const variant of [
      `  ${email}  `,
      email.toUpperCase(),
      `\t${email.replace(/^./, (c) => c.toUpperCase())}\n`,
    ])
      await login(variant, 'wrong-password', ip).expect(401);
    const res = await login(` ${email.toUpperCase()} `, TEST_PASSWORD, ip).expect(429);
    expect(res.body).toMatchObject({ status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    await login(email, TEST_PASSWORD, ip).expect(429);
    expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.body.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(res.headers['retry-after']).toBe(String(res.body.retryAfterSeconds));
  });

  it('attack: many addresses against one account are limited, with a growing back-off', async () => {
    const email = p.staff.coach2.email;
    for (let i = 0; i < 3; i++) await login(email, `guess-${i}`).expect(401);
    const first = await login(email, TEST_PASSWORD).expect(429);
    expect(first.body.retryAfterSeconds).toBe(30);

    t.clock.travel(31_000);
    await login(email, 'guess-again').expect(401);
    const second = await login(email, TEST_PASSWORD).expect(429);
    expect(second.body.retryAfterSeconds).toBe(60);

    t.clock.travel(61_000);
    await login(email, TEST_PASSWORD).expect(200);
    // A success clears the account's failures.
    await login(email, 'one-typo').expect(401);
    await login(email, TEST_PASSWORD).expect(200);
  });

  it('lets thirty colleagues behind one office address log in at 9:00, some after a typo', async () => {
    const office = '192.0.2.44';
    const colleagues = [];
    for (let i = 0; i < 30; i++)
      colleagues.push(await createStaffMember(t, p, { organisationId: p.orgs.compaan.id, roles: ['coach'] }));
    for (const [i, c] of colleagues.entries()) {
      if (i % 3 === 0) await login(c.email, 'typo-in-the-morning', office).expect(401);
      await login(c.email, TEST_PASSWORD, office).expect(200);
    }
  });
});

describe('login limits without a trusted proxy', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_FAILURE_LIMIT: '5' });
    p = await createPartnership(t, 'Limits direct');
  });
  afterAll(() => t.close());

  it('attack: one address spraying a password over many accounts is stopped; a forged X-Forwarded-For does not help', async () => {
    const login = (email: string, password: string, i: number) =>
      t.http().post('/auth/login').set('x-forwarded-for', `198.51.100.${i}`).send({ email, password });
    const accounts = ['coach', 'coach2', 'coachCaw', 'coachIntro', 'expertise'] as const;
    for (const [i, key] of accounts.entries()) await login(p.staff[key].email, 'Zomer2026!', i).expect(401);
    const res = await login(p.staff.dpo.email, TEST_PASSWORD, 99).expect(429);
    expect(res.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });
});

describe('login limits behind a proxy named in TRUST_PROXY', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', LOGIN_ADDRESS_FAILURE_LIMIT: '2' });
    p = await createPartnership(t, 'Limits proxied');
  });
  afterAll(() => t.close());

  it('takes the client address from X-Forwarded-For, so one client is limited and another is not', async () => {
    const login = (email: string, password: string, ip: string) =>
      t.http().post('/auth/login').set('x-forwarded-for', ip).send({ email, password });
    await login(p.staff.coach.email, 'wrong-1', '203.0.113.7').expect(401);
    await login(p.staff.coach2.email, 'wrong-2', '203.0.113.7').expect(401);
    await login(p.staff.dpo.email, TEST_PASSWORD, '203.0.113.7').expect(429);
    await login(p.staff.dpo.email, TEST_PASSWORD, '203.0.113.8').expect(200);
  });
});
