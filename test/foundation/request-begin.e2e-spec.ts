import { Client } from 'pg';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * DatabaseContext sends BEGIN and the RLS context in one simple-protocol round trip, with the ids
 * inlined as escaped literals. These tests pin down what that must not change.
 */
describe('the request transaction begins in one round trip', () => {
  let t: TestApp;
  let p: TestPartnership;
  const sent: string[] = [];
  const original = Client.prototype.query;

  beforeAll(async () => {
    t = await createTestApp();
    p = await createPartnership(t);
    Client.prototype.query = function (this: Client & { user?: string }, ...args: unknown[]) {
      if (this.user === 'jobteam_app' && typeof args[0] === 'string') sent.push(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await t.close();
  });

  it('opens the transaction and sets the context in the first statement, and the actor is resolved', async () => {
    sent.length = 0;
    const res = await as(t, p.auth('coach')).get('/auth/me').expect(200);
    expect(res.body.id).toBe(p.staff.coach.id);
    expect(sent[0]).toMatch(/^start transaction; select .* from app_begin_request\('[0-9a-f-]{36}'::uuid/);
    expect(sent.at(-1)).toBe('COMMIT');
  });

  it('treats a quote in an id as data: Postgres rejects it as a uuid, nothing else runs, the pool stays usable', async () => {
    const hostile = `${p.id}'::uuid, null, null); drop table participants; --`;
    await expect(
      t.db.runAsStaff(
        { tenantId: hostile, staffId: p.staff.coach.id, requestId: 'hostile' },
        async () => 'ran',
      ),
    ).rejects.toMatchObject({ code: '22P02' });
    const [{ n }] = await t.sql<{ n: string }>(
      `select count(*) as n from pg_tables where tablename = 'participants'`,
    );
    expect(Number(n)).toBe(1);
    // Every pooled connection came back without an open or aborted transaction.
    for (let i = 0; i < 12; i++) await as(t, p.auth('coach')).get('/auth/me').expect(200);
  });

  it('rolls back the transaction when the work fails, so nothing it wrote stays', async () => {
    const marker = `rollback-${Date.now()}`;
    await expect(
      t.db.runAsStaff({ tenantId: p.id, staffId: p.staff.coach.id, requestId: marker }, async () => {
        await t.db.manager.query('select app_audit_record($1, $2::jsonb)', [
          marker,
          JSON.stringify([{ action: 'read', resource_type: 'test' }]),
        ]);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await t.sql(`select 1 from audit_events where request_id = $1`, [marker])).toHaveLength(0);
  });
});
