import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { participantBody } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('hostile bodies', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    p = await createPartnership(t);
  });
  afterAll(() => t.close());

  const count = async () =>
    Number((await t.sql<{ n: string }>('select count(*) as n from participants'))[0].n);

  it('refuses a body over 1 MB with 413 problem+json and writes nothing', async () => {
    const body = participantBody({ referrer: 'x'.repeat(1024 * 1024 + 10) });
    const res = await as(t, p.auth('coach')).post('/participants', body);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.detail).toMatch(/too large|larger than the limit/i);
    expect(await count()).toBe(0);
  });

  it('refuses JSON nested deeper than 32 levels with 400 JSON_TOO_DEEP before validation', async () => {
    // Built as text: JSON.stringify itself would overflow on 5000 levels.
    const body = JSON.stringify(participantBody()).replace(
      /}$/,
      `,"referrer":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    );
    const res = await as(t, p.auth('coach')).post('/participants', body, {
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    expect(await count()).toBe(0);
  });

  it('still accepts a normal body just under the limits', async () => {
    const res = await as(t, p.auth('coach')).post(
      '/participants',
      participantBody({ referrer: 'Wijkwerking Rabot' }),
    );
    expect(res.status).toBe(201);
    expect(await count()).toBe(1);
  });
});
