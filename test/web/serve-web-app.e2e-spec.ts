import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webAppDirectory } from '../../src/web-app/serve-web-app';
import { createTestApp, TestApp } from '../harness/test-app';

/** The API serves the built web app at /app (src/web-app/serve-web-app.ts); no browser needed here. */
describe('GET /app (the built web app)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('redirects /app to /app/ and answers the app with its own CSP, without unsafe-inline', async () => {
    expect((await t.http().get('/app')).headers.location).toBe('/app/');
    const res = await t.http().get('/app/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="root">');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets for a year, answers any other path with the app and a missing asset with 404', async () => {
    const asset = readdirSync(join(webAppDirectory(), 'assets')).find((f) => f.endsWith('.js'))!;
    const js = await t.http().get(`/app/assets/${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await t.http().get('/app/some/view')).text).toContain('<div id="root">');
    expect((await t.http().get('/app/assets/gone-1234.js')).status).toBe(404);
    expect((await t.http().get('/app/..%2f..%2fpackage.json')).text).not.toContain('jobteam-crm');
  });

  it('answers a path that decodes to a stray percent sign with the app, not a 500', async () => {
    // %25E0 arrives as the parameter "%E0": a second decode of it would throw.
    const res = await t.http().get('/app/%25E0');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
  });

  it('is no part of the API contract and not rate limited', async () => {
    const doc = await t.http().get('/docs-json');
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/app'))).toEqual([]);
    expect((await t.http().get('/app/')).headers['ratelimit-limit']).toBeUndefined();
  });

  it('says how to build it when web/dist is missing, with 503 rather than 404', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'jobteam-noweb-'));
    process.env.WEB_APP_DIR = empty;
    const bare = await createTestApp();
    delete process.env.WEB_APP_DIR;
    try {
      const res = await bare.http().get('/app/');
      expect(res.status).toBe(503);
      expect(res.text).toContain('npm run build:web');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
