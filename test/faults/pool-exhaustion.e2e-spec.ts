import { Client } from 'pg';
import { ServerProcess, spawnServer, waitFor } from './server-process';

const PARTICIPANT = {
  firstName: 'Aïcha',
  lastName: 'Van den Broeck',
  birthDate: '1991-03-02',
  gender: 'female',
  referralChannel: 'outreach',
};

jest.setTimeout(120000);

describe('connection pool exhaustion (built server, DB_POOL_SIZE=2, DB_ACQUIRE_TIMEOUT_MS=200)', () => {
  let s: ServerProcess;
  let token: string;
  let id: string;

  beforeAll(async () => {
    s = await spawnServer({ DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '200' });
    token = await s.login();
    const created = await s.request('POST', '/participants', { token, body: PARTICIPANT });
    expect(created.status).toBe(201);
    id = created.json().id as string;
  });
  afterAll(() => s?.cleanup());

  /**
   * Every read writes an audit event; a SHARE lock on the audit table makes each request hold its pooled
   * connection until the returned `release` lets go. Resolves once two requests wait on the lock.
   */
  const holdBoth = async (count: number) => {
    const locker: Client = await s.admin();
    await locker.query('begin');
    await locker.query('lock table audit_events in share mode');
    const requests = Array.from({ length: count }, () => s.request('GET', `/participants/${id}`, { token }));
    // A second connection: inside the locker's transaction pg_stat_activity is a frozen snapshot.
    const probe: Client = await s.admin();
    await waitFor(
      async () => {
        const { rows } = await probe.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where usename = 'jobteam_app' and wait_event_type = 'Lock'`,
        );
        return rows[0].n >= 2 ? true : undefined;
      },
      10000,
      'two requests to wait on the lock',
    );
    await probe.end();
    const release = async () => {
      await locker.query('commit');
      await locker.end();
      return Promise.all(requests);
    };
    return release;
  };

  it('answers the overflow with 503 problem+json, finishes the queued work, stays alive and recovers', async () => {
    // Warm the pool: both connections open before the overflow, so every 503 below is a request that waited
    // for a busy connection (DATABASE_BUSY), never one whose fresh connect outlasted the 200 ms on a loaded
    // machine (pg reports that as a terminated connection: DATABASE_UNAVAILABLE).
    const warm = await (await holdBoth(2))();
    expect(warm.map((r) => r.status)).toEqual([200, 200]);

    const releaseAll = await holdBoth(12);
    await new Promise((r) => setTimeout(r, 600)); // longer than the acquire timeout
    const results = await releaseAll();

    const statuses = results.map((r) => r.status).sort();
    const busy = results.filter((r) => r.status === 503);
    expect(statuses.filter((st) => st === 200).length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThanOrEqual(8);
    expect(statuses.every((st) => st === 200 || st === 503)).toBe(true);
    expect(busy[0].headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(busy[0].headers['retry-after']).toBe('1');
    expect(busy[0].json()).toMatchObject({
      status: 503,
      code: 'DATABASE_BUSY',
      detail: 'All database connections are in use; retry shortly.',
    });
    expect(typeof busy[0].json().requestId).toBe('string');

    expect(s.child.exitCode).toBeNull();
    const later = await s.request('GET', `/participants/${id}`, { token });
    expect(later.status).toBe(200);
    expect(later.json()).toMatchObject({ id, firstName: 'Aïcha', lastName: 'Van den Broeck' });
    expect(s.output()).not.toMatch(/unexpected error/);
  });
});
