import http from 'node:http';
import { connect } from 'node:net';
import { AddressInfo } from 'node:net';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/** Sends a whole request, then drops the socket after `afterMs`, whatever the server is doing. */
function postAndHangUp(port: number, path: string, auth: string, body: unknown, afterMs: number) {
  return new Promise<void>((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      agent: false,
      headers: { authorization: auth, 'content-type': 'application/json' },
    });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('close', () => resolve());
    req.end(JSON.stringify(body));
    setTimeout(() => req.destroy(), afterMs);
  });
}

describe('a client that hangs up mid-request', () => {
  let t: TestApp;
  let p: TestPartnership;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    p = await createPartnership(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const settle = async () => {
    // Wait until no request transaction of this app is still running.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await t.sql<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and usename = 'jobteam_app' and state <> 'idle'`,
      );
      if (n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('request transactions did not settle');
  };

  it('leaves nothing behind when the body is cut off half-way', async () => {
    const body = JSON.stringify(participantBody({ firstName: 'Halfweg' }));
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /participants HTTP/1.1\r\nHost: x\r\nAuthorization: ${p.auth('coach')}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 40)}`,
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await settle();
    const rows = await t.sql(`select id from participants where first_name = 'Halfweg'`);
    expect(rows).toEqual([]);
  });

  it('commits each write whole or not at all when clients hang up at random moments', async () => {
    const participants = await Promise.all(
      Array.from({ length: 12 }, () => createParticipant(t, p, 'coach')),
    );
    const hangUps: Promise<void>[] = [];
    participants.forEach((pt, i) =>
      hangUps.push(postAndHangUp(port, `/participants/${pt.id}/trajectories`, p.auth('coach'), {}, i * 3)),
    );
    for (let i = 0; i < 12; i++)
      hangUps.push(
        postAndHangUp(
          port,
          '/participants',
          p.auth('coach'),
          participantBody({ lastName: `Afgebroken${i}` }),
          i * 3,
        ),
      );
    await Promise.all(hangUps);
    await settle();

    // Every participant that exists has its owner grant and its audit record: never one without the other.
    const orphans = await t.sql(
      `select p.id from participants p
        where not exists (select 1 from access_grants g where g.participant_id = p.id and g.reason = 'owner')
           or not exists (select 1 from audit_events a where a.participant_id = p.id and a.action = 'create'
                          and a.resource_type = 'participant')`,
    );
    expect(orphans).toEqual([]);
    const halfTrajectories = await t.sql(
      `select tr.id from trajectories tr join participants p on p.id = tr.participant_id
        where p.current_trajectory_id is distinct from tr.id
           or not exists (select 1 from trajectory_transitions x where x.trajectory_id = tr.id and x.to_status = 'aanmelding')
           or not exists (select 1 from audit_events a where a.resource_id = tr.id::text and a.action = 'create')`,
    );
    expect(halfTrajectories).toEqual([]);
    const auditedWithoutRow = await t.sql(
      `select a.resource_id from audit_events a
        where a.action = 'create' and a.resource_type = 'trajectory'
          and not exists (select 1 from trajectories tr where tr.id::text = a.resource_id)`,
    );
    expect(auditedWithoutRow).toEqual([]);
    // The server is still serving after the hang-ups.
    const list = await as(t, p.auth('coach')).get('/participants?limit=100').expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(12);
  });
});
