import { createHmac } from 'node:crypto';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { participantBody } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

const PER_USER = 3;
const PER_ADDRESS = 5;
const WINDOW_MS = 60_000;

/** A token with a valid shape and a signature made with a key that is not ours. */
function forgedToken(sub: string): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub, tid: sub, exp: 9_999_999_999 })}`;
  return `Bearer ${head}.${createHmac('sha256', 'not-the-api-secret-0123456789abcdef').update(head).digest('base64url')}`;
}

/** General rate limiting with low limits: per user for our tokens, per address otherwise, moved by the clock. */
describe('rate limiting', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_PER_USER: String(PER_USER),
      RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_MS / 1000),
    });
    a = await createPartnership(t);
    b = await createPartnership(t);
  });
  afterAll(() => t.close());
  // Every test starts in fresh windows: the limiter runs on the injected clock.
  beforeEach(() => t.clock.travel(WINDOW_MS + 1000));

  const me = (auth?: string) => {
    const req = t.http().get('/auth/me');
    return auth ? req.set('authorization', auth) : req;
  };

  it('counts down RateLimit-* headers per user, then answers 429 problem+json RATE_LIMITED with Retry-After', async () => {
    for (let i = 1; i <= PER_USER; i++) {
      const res = await me(a.auth('coach')).expect(200);
      expect(res.body.id).toBe(a.staff.coach.id);
      expect(res.headers['ratelimit-limit']).toBe(String(PER_USER));
      expect(res.headers['ratelimit-remaining']).toBe(String(PER_USER - i));
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(WINDOW_MS / 1000);
    }
    const res = await me(a.auth('coach')).expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      title: 'Too Many Requests',
      errors: [],
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body.id).toBeUndefined();
    expect(res.headers['ratelimit-limit']).toBe(String(PER_USER));
    expect(res.headers['ratelimit-remaining']).toBe('0');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(res.body.retryAfterSeconds).toBe(retryAfter);
  });

  it('gives two users behind one address their own budgets, across organisations and partnerships', async () => {
    for (let i = 0; i < PER_USER; i++) await me(a.auth('coach')).expect(200);
    await me(a.auth('coach')).expect(429);
    const coordinator = await me(a.auth('coordinator')).expect(200);
    expect(coordinator.body.id).toBe(a.staff.coordinator.id);
    expect(coordinator.headers['ratelimit-remaining']).toBe(String(PER_USER - 1));
    const other = await me(b.auth('coach')).expect(200);
    expect(other.body.id).toBe(b.staff.coach.id);
    expect(other.headers['ratelimit-remaining']).toBe(String(PER_USER - 1));
    await me(a.auth('coach')).expect(429);
  });

  it('resets when the window has passed', async () => {
    for (let i = 0; i < PER_USER; i++) await me(a.auth('coach')).expect(200);
    await me(a.auth('coach')).expect(429);
    t.clock.travel(WINDOW_MS - 1000);
    await me(a.auth('coach')).expect(429);
    t.clock.travel(1000);
    const res = await me(a.auth('coach')).expect(200);
    expect(res.headers['ratelimit-remaining']).toBe(String(PER_USER - 1));
  });

  it('limits requests without a token per client address', async () => {
    for (let i = 1; i <= PER_ADDRESS; i++) {
      const res = await me().expect(401);
      expect(res.headers['ratelimit-limit']).toBe(String(PER_ADDRESS));
      expect(res.headers['ratelimit-remaining']).toBe(String(PER_ADDRESS - i));
    }
    const res = await me().expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    // A signed-in user behind the same address keeps their own budget.
    await me(a.auth('coordinator')).expect(200);
  });

  it('attack: forged tokens with a fresh subject each get no fresh budget; they count against the address', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) {
      const res = await me(forgedToken(`00000000-0000-4000-8000-00000000000${i}`)).expect(401);
      expect(res.headers['ratelimit-limit']).toBe(String(PER_ADDRESS));
    }
    await me(forgedToken('00000000-0000-4000-8000-000000000099')).expect(429);
    await me().expect(429);
  });

  it('attack: a flood of writes past the limit writes nothing', async () => {
    const before = await t.sql<{ n: string }>('select count(*) as n from participants');
    for (let i = 0; i < PER_USER; i++) await me(a.auth('coach')).expect(200);
    const res = await as(t, a.auth('coach')).post('/participants', participantBody()).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    const after = await t.sql<{ n: string }>('select count(*) as n from participants');
    expect(after[0].n).toBe(before[0].n);
  });

  it('counts a role without the permission too: refused requests are no way around the limit', async () => {
    for (let i = 0; i < PER_USER; i++) {
      const res = await as(t, a.auth('coach')).get('/audit-events');
      expect([403, 404]).toContain(res.status);
    }
    await me(a.auth('coach')).expect(429);
  });

  it('never limits the health probes', async () => {
    for (let i = 0; i < PER_ADDRESS * 2; i++) {
      const res = await t.http().get('/health').expect(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
    await t.http().get('/health/ready').expect(200);
  });

  it('declares the 429 in OpenAPI on every operation but the health probes', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
      components: { responses: Record<string, { content: Record<string, unknown>; headers: object }> };
    };
    const ref = '#/components/responses/TooManyRequests';
    expect(doc.paths['/auth/me'].get.responses['429']).toEqual({ $ref: ref });
    expect(doc.paths['/participants'].post.responses['429']).toEqual({ $ref: ref });
    expect(doc.paths['/health'].get.responses['429']).toBeUndefined();
    const shared = doc.components.responses.TooManyRequests;
    expect(Object.keys(shared.content)).toEqual(['application/problem+json']);
    expect(Object.keys(shared.headers).sort()).toEqual([
      'Access-Control-Allow-Origin',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
    ]);
    const missing = Object.entries(doc.paths)
      .filter(([path]) => !path.startsWith('/health'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => ({ id: `${m} ${path}`, op })))
      .filter((o) => o.op.responses['429']?.$ref !== ref)
      .map((o) => o.id);
    expect(missing).toEqual([]);
  });
});
