import { Client } from 'pg';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('DB_STATEMENT_TIMEOUT_MS', () => {
  let t: TestApp;
  let p: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '300' });
    p = await createPartnership(t);
  });
  afterAll(() => t.close());

  it('cuts off a statement stuck behind a lock with 503 TIMEOUT instead of hanging, then serves again', async () => {
    const pt = await createParticipant(t, p);
    const locker = new Client({ connectionString: t.adminUrl });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table audit_events in share mode');
      const started = Date.now();
      const res = await as(t, p.auth('coach')).get(`/participants/${pt.id}`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 503, code: 'TIMEOUT' });
      expect(res.headers['retry-after']).toBe('1');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    const again = await as(t, p.auth('coach')).get(`/participants/${pt.id}`);
    expect(again.status).toBe(200);
    // The timed-out read rolled back with its audit event: one read, one record.
    const audits = await t.sql(`select 1 from audit_events where participant_id = $1 and action = 'read'`, [
      pt.id,
    ]);
    expect(audits).toHaveLength(1);
  });
});
