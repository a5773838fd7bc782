import { Client } from 'pg';
import {
  HttpResult,
  httpRequest,
  processesUsing,
  ServerProcess,
  spawnServer,
  waitFor,
} from './server-process';

jest.setTimeout(120000);

/** Requests that wait inside the database (their audit insert) until the returned lock is released. */
async function holdRequests(s: ServerProcess, token: string, id: string, n: number) {
  const locker: Client = await s.admin();
  await locker.query('begin');
  await locker.query('lock table audit_events in share mode');
  const inFlight = Array.from({ length: n }, () =>
    s.request('GET', `/participants/${id}`, { token }).then(
      (r) => r,
      (err: NodeJS.ErrnoException) => err,
    ),
  );
  // A second connection: inside the locker's transaction pg_stat_activity is a frozen snapshot.
  const probe: Client = await s.admin();
  await waitFor(
    async () => {
      const { rows } = await probe.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where usename = 'jobteam_app' and wait_event_type = 'Lock'`,
      );
      return rows[0].n >= n ? true : undefined;
    },
    10000,
    `${n} requests in flight`,
  );
  await probe.end();
  return {
    inFlight,
    release: async () => {
      await locker.query('commit');
      await locker.end();
    },
  };
}

async function createOne(s: ServerProcess, token: string): Promise<string> {
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
  return created.json().id as string;
}

const refused = async (url: string, path: string) => {
  try {
    await httpRequest(url, 'GET', path);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? true : undefined;
  }
};

describe('SIGTERM with a drain delay (built server, embedded PostgreSQL)', () => {
  let s: ServerProcess;

  beforeAll(async () => {
    // Long enough to see readiness go 503 before the listener closes on a loaded 2-core machine.
    s = await spawnServer({ SHUTDOWN_DELAY_SECONDS: '4' });
  });
  afterAll(() => s?.cleanup());

  it('answers /health/ready 503 first while still serving, then closes, finishes in-flight requests and exits 0', async () => {
    const token = await s.login();
    const id = await createOne(s, token);
    expect((await s.request('GET', '/health/ready')).status).toBe(200);
    const held = await holdRequests(s, token, id, 3);

    s.child.kill('SIGTERM');
    const ready = await waitFor(
      async () => {
        const r = await s.request('GET', '/health/ready');
        return r.status === 503 ? r : undefined;
      },
      3000,
      'readiness to answer 503',
    );
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.json()).toMatchObject({ status: 503, code: 'SHUTTING_DOWN' });
    // Still serving during the delay: liveness and other requests are answered.
    expect((await s.request('GET', '/health')).status).toBe(200);
    expect((await s.request('GET', '/auth/me', { token })).status).toBe(200);
    expect(s.output()).toMatch(/draining: readiness answers 503/);

    await waitFor(() => refused(s.url, '/health'), 10000, 'the listener to close after the delay');
    expect(s.child.exitCode).toBeNull();
    await held.release();
    const results = (await Promise.all(held.inFlight)) as HttpResult[];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.every((r) => r.json().id === id)).toBe(true);
    expect(await s.exited).toBe(0);
    expect(processesUsing(s.pgDir)).toEqual([]);
  });
});

describe('SIGTERM past the shutdown timeout', () => {
  let s: ServerProcess;

  beforeAll(async () => {
    s = await spawnServer({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
  });
  afterAll(() => s?.cleanup());

  it('cuts a request that outlives SHUTDOWN_TIMEOUT_SECONDS, then still closes the pool and its PostgreSQL', async () => {
    const token = await s.login();
    const id = await createOne(s, token);
    const held = await holdRequests(s, token, id, 1);
    s.child.kill('SIGTERM');
    const [outcome] = await Promise.all(held.inFlight);
    expect((outcome as NodeJS.ErrnoException).code).toMatch(/ECONNRESET|socket hang up/i);
    expect(s.output()).toMatch(/shutdown timeout: closing the connections still open/);
    // The cut request's transaction still waits in PostgreSQL; once it ends, the pool closes.
    await held.release();
    expect(await s.exited).toBe(0);
    expect(processesUsing(s.pgDir)).toEqual([]);
  });
});

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
