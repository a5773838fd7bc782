import { Client } from 'pg';
import { HttpResult, ServerProcess, spawnServer, waitFor } from './server-process';

jest.setTimeout(180000);

interface Write {
  kind: 'participant' | 'trajectory';
  status: number;
  id?: string;
  code?: string;
}

describe('PostgreSQL restarted during a load of writes (built server, embedded PostgreSQL)', () => {
  let s: ServerProcess;

  beforeAll(async () => {
    s = await spawnServer({ DB_ACQUIRE_TIMEOUT_MS: '1000' });
  });
  afterAll(() => s?.cleanup());

  it('answers 503 while the database is down, recovers by itself, and keeps every write whole', async () => {
    const token = await s.login();
    const writes: Write[] = [];
    let running = true;
    let n = 0;
    const record = (kind: Write['kind'], res: HttpResult | undefined) => {
      if (!res) return writes.push({ kind, status: 0 });
      let body: Record<string, unknown> = {};
      try {
        body = res.json();
      } catch {
        // a non-JSON body is itself reported through the status check below
      }
      writes.push({ kind, status: res.status, id: body.id as string, code: body.code as string });
    };
    const worker = async () => {
      while (running) {
        const i = n++;
        const created = await s
          .request('POST', '/participants', {
            token,
            body: {
              firstName: 'Zoë',
              lastName: `Herstart-${i}`,
              birthDate: '1990-04-12',
              gender: 'female',
              referralChannel: 'ocmw',
            },
          })
          .catch(() => undefined);
        record('participant', created);
        if (created?.status === 201) {
          const id = created.json().id as string;
          record(
            'trajectory',
            await s
              .request('POST', `/participants/${id}/trajectories`, { token, body: {} })
              .catch(() => undefined),
          );
        } else {
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));

    await waitFor(
      () => (writes.filter((w) => w.status === 201).length >= 20 ? true : undefined),
      30000,
      'writes',
    );
    s.pgCtl('stop');
    const down = await s.request('GET', '/health/ready');
    expect(down.status).toBe(503);
    expect(down.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    const failedWhileDown = writes.length;
    await new Promise((r) => setTimeout(r, 500));
    s.pgCtl('start');
    await waitFor(
      async () => ((await s.request('GET', '/health/ready')).status === 200 ? true : undefined),
      20000,
      '/health/ready to answer 200 again',
    );
    const recoveredAt = writes.length;
    await waitFor(
      () => (writes.slice(recoveredAt).filter((w) => w.status === 201).length >= 10 ? true : undefined),
      30000,
      'writes after recovery',
    );
    running = false;
    await load;

    expect(s.child.exitCode).toBeNull();
    expect(writes.length).toBeGreaterThan(failedWhileDown);
    const refused = writes.filter((w) => w.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    // Only clean answers: a write either succeeded or was refused as unavailable, never a 500.
    const unclean = refused.filter((w) => w.status !== 0 && w.status !== 503);
    expect({
      unclean,
      log: unclean.length
        ? s
            .output()
            .split('\n')
            .filter((l) => /error/i.test(l))
        : [],
    }).toEqual({
      unclean: [],
      log: [],
    });

    const admin: Client = await s.admin();
    try {
      const ok = (kind: Write['kind']) =>
        writes.filter((w) => w.kind === kind && w.status === 201).map((w) => w.id!);
      // Every 201 was committed.
      const { rows: foundP } = await admin.query('select id from participants where id = any($1::uuid[])', [
        ok('participant'),
      ]);
      expect(foundP.length).toBe(ok('participant').length);
      const { rows: foundT } = await admin.query('select id from trajectories where id = any($1::uuid[])', [
        ok('trajectory'),
      ]);
      expect(foundT.length).toBe(ok('trajectory').length);
      // Nothing half-written: each trajectory this test opened has its transition, audit event and participant
      // link. (The demo's seeded trajectories have no audit events: the seed writes none.)
      const { rows: half } = await admin.query(
        `select tr.id from trajectories tr join participants p on p.id = tr.participant_id
          where tr.participant_id = any($1::uuid[])
            and (p.current_trajectory_id is distinct from tr.id
             or not exists (select 1 from trajectory_transitions x where x.trajectory_id = tr.id)
             or not exists (select 1 from audit_events a where a.resource_id = tr.id::text and a.action = 'create'))`,
        [ok('participant')],
      );
      expect(half).toEqual([]);
      const { rows: orphans } = await admin.query(
        `select p.id from participants p
          where not exists (select 1 from access_grants g where g.participant_id = p.id and g.reason = 'owner')`,
      );
      expect(orphans).toEqual([]);
    } finally {
      await admin.end();
    }

    // The server still shuts down cleanly although the postgres it started was replaced.
    expect(await s.kill('SIGTERM')).toBe(0);
  });
});
