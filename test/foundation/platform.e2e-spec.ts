import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/** The HTTP platform every feature stands on: health, OpenAPI, correlation ids, body limits, headers. */
describe('HTTP platform', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    p = await createPartnership(t);
  });
  afterAll(() => t.close());

  const expectProblem = (res: { headers: Record<string, string>; body: Record<string, unknown> }) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  };

  describe('GET /health', () => {
    it('answers 200 with status ok', async () => {
      const res = await t.http().get('/health').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('answers /health/ready with 200 and database up', async () => {
      const res = await t.http().get('/health/ready').expect(200);
      expect(res.body).toEqual({ status: 'ok', database: 'up' });
    });
  });

  describe('GET /docs-json', () => {
    it('is an OpenAPI 3 document with a bearer security scheme', async () => {
      const res = await t.http().get('/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(res.body.info.title).toBe('Jobteam CRM');
      expect(res.body.components.securitySchemes.bearer).toEqual({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: expect.stringContaining('RFC8725'),
      });
    });

    it('states an x-permission on every operation that needs a bearer token, and on no public one', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { security?: unknown[]; 'x-permission'?: string }>>;
      };
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
      );
      const secured = operations.filter((o) => o.op.security?.length);
      const missing = secured.filter((o) => typeof o.op['x-permission'] !== 'string').map((o) => o.id);
      expect(missing).toEqual([]);
      expect(secured.map((o) => o.id)).toContain('GET /auth/me');
      const publicOps = operations.filter((o) => !o.op.security?.length).map((o) => o.id);
      // POST /auth/activate is public: the one-time token in its body is the credential.
      expect(publicOps.sort()).toEqual([
        'GET /health',
        'GET /health/ready',
        'POST /auth/activate',
        'POST /auth/login',
      ]);
    });
  });

  describe('X-Request-Id', () => {
    it('echoes a well-formed id the caller sends', async () => {
      const res = await t.http().get('/health').set('x-request-id', 'caller-req-0001').expect(200);
      expect(res.headers['x-request-id']).toBe('caller-req-0001');
    });

    it('mints a UUID when the caller sends none or a malformed one', async () => {
      const none = await t.http().get('/health').expect(200);
      expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const bad = await t.http().get('/health').set('x-request-id', 'bad id with spaces').expect(200);
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(bad.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
    });

    it('puts the id into problem bodies too', async () => {
      const res = await t.http().get('/organisations').set('x-request-id', 'caller-req-0002').expect(401);
      expect(res.body.requestId).toBe('caller-req-0002');
    });
  });

  describe('errors outside any route', () => {
    it('answers an unknown route with 404 problem+json', async () => {
      const res = await t.http().get('/no-such-route').expect(404);
      expectProblem(res);
      expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it('answers a body over 1 MB with 413 problem+json', async () => {
      const big = JSON.stringify({ email: 'x@example.org', password: 'y'.repeat(1024 * 1024 + 10) });
      const res = await t
        .http()
        .post('/auth/login')
        .set('content-type', 'application/json')
        .send(big)
        .expect(413);
      expectProblem(res);
      expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('answers JSON nested 40 levels deep with 400 JSON_TOO_DEEP', async () => {
      const deep = '['.repeat(40) + ']'.repeat(40);
      const res = await as(t, p.auth('admin'))
        .post('/organisations', `{"name":${deep}}`, { headers: { 'content-type': 'application/json' } })
        .expect(400);
      expectProblem(res);
      expect(res.body).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    });

    it('answers malformed JSON with 400 JSON_INVALID', async () => {
      const res = await t
        .http()
        .post('/auth/login')
        .set('content-type', 'application/json')
        .send('{"email": "x@example.org",')
        .expect(400);
      expectProblem(res);
      expect(res.body).toMatchObject({ status: 400, code: 'JSON_INVALID' });
    });

    it('answers an unsupported content type with 415 problem+json', async () => {
      const res = await t
        .http()
        .post('/auth/login')
        .set('content-type', 'application/xml')
        .send('<login/>')
        .expect(415);
      expectProblem(res);
      expect(res.body.status).toBe(415);
    });
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers).not.toHaveProperty('x-powered-by');
  });

  it('answers CORS pre-flights without an allow-origin header when no origin is configured', async () => {
    const res = await t
      .http()
      .options('/organisations')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'GET');
    expect(res.status).toBeLessThan(500);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
