import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('response compression', () => {
  let t: TestApp;
  let a: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
  });
  afterAll(() => t.close());

  const raw = (url: string) =>
    as(t, a.auth('admin'))
      .get(url, { headers: { 'accept-encoding': 'gzip' } })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  it('gzips a large JSON response when the client accepts it, and the content is intact', async () => {
    const res = await raw('/docs-json').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    // The client library inflates gzip before handing the body over: a parseable document proves it intact.
    const doc = JSON.parse((res.body as Buffer).toString('utf8'));
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('leaves a small response alone', async () => {
    const res = await raw('/auth/me').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse((res.body as Buffer).toString('utf8')).roles).toEqual(['admin']);
  });
});
