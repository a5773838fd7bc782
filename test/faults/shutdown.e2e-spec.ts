import { Client } from 'pg';
import { httpRequest, processesUsing, ServerProcess, spawnServer, waitFor } from './server-process';

jest.setTimeout(120000);

describe('SIGTERM under load (built server, embedded PostgreSQL)', () => {
  let s: ServerProcess;

  beforeAll(async () => {
    s = await spawnServer();
  });
  afterAll(() => s?.cleanup());

  it('finishes in-flight requests, refuses new connections, exits 0 and stops its PostgreSQL', async () => {
    const token = await s.login();
    const created = await s.request('POST', '/participants', {
      token,
      body: {
        firstName: 'Łukasz',
        lastName: 'Wiśniewski',
        birthDate: '1985-11-30',
        gender: 'male',
        referralChannel: 'vdab',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json().id as string;
    expect(processesUsing(s.pgDir).length).toBeGreaterThan(0);

    // Hold the in-flight reads inside the database (their audit insert waits on this lock).
    const locker: Client = await s.admin();
    await locker.query('begin');
    await locker.query('lock table audit_events in share mode');
    const inFlight = Array.from({ length: 6 }, () => s.request('GET', `/participants/${id}`, { token }));
    // A second connection: inside the locker's transaction pg_stat_activity is a frozen snapshot.
    const probe: Client = await s.admin();
    await waitFor(
      async () => {
        const { rows } = await probe.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where usename = 'jobteam_app' and wait_event_type = 'Lock'`,
        );
        return rows[0].n >= 6 ? true : undefined;
      },
      10000,
      'six requests in flight',
    );

    s.child.kill('SIGTERM');
    await waitFor(() => (/"signal":"SIGTERM"/.test(s.output()) ? true : undefined), 5000, 'the shutdown log');
    // A new connection is refused while the old ones drain.
    await waitFor(
      async () => {
        try {
          await httpRequest(s.url, 'GET', '/health');
          return undefined;
        } catch (err) {
          return (err as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? true : undefined;
        }
      },
      5000,
      'new connections to be refused',
    );
    expect(s.child.exitCode).toBeNull();

    await locker.query('commit');
    await locker.end();
    await probe.end();
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.every((r) => r.json().id === id)).toBe(true);

    expect(await s.exited).toBe(0);
    expect(processesUsing(s.pgDir)).toEqual([]);
  });
});
