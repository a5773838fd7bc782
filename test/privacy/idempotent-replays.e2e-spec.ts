import { syntheticInsz } from '../factories/insz';
import type { StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody, startTrajectory } from '../factories/participant.factory';
import type { TestApp } from '../harness/test-app';

import { as } from '../support/api';
import { useAttacksWorld } from './attacks-world';
import { DAY } from '../support/time';

/**
 * Issue 12, items 4, 6, 7, 12 and 15 (the non-audit parts): each attack is performed and must fail.
 * The clock-moving tests run last and reset the clock.
 */

describe('replays, referrals, duplicates, NUL bytes and erasure', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { by, count } = useAttacksWorld((world) => ({ t, a, b } = world));
  const handOver = async (trajectoryId: string, from: StaffKey, to: StaffKey) => {
    const current = await by(from).get(`/trajectories/${trajectoryId}`).expect(200);
    await as(t, a.auth(from))
      .put(
        `/trajectories/${trajectoryId}/case-manager`,
        { staffId: a.staff[to].id, note: 'Warme overdracht' },
        { ifMatch: current.headers.etag },
      )
      .expect(200);
  };

  describe('idempotent replays (item 4)', () => {
    it('replays with the status and id, re-read under current access; after a hand-over the old owner gets 404 and no INSZ, email or address', async () => {
      const insz = syntheticInsz('1985-02-11', 211);
      const body = participantBody({
        birthDate: '1985-02-11',
        insz,
        email: 'replay.persoon@example.org',
        address: { street: 'Replaystraat 12', postalCode: '9000', city: 'Gent', wijk: 'Rabot-Blaisantvest' },
      });
      const key = 'replay-after-hand-over-1';
      const first = await by('coach').post('/participants', body, key).expect(201);
      expect(first.body).toMatchObject({ insz, email: 'replay.persoon@example.org' });

      // A replay before anything changed: same status and id, the record as a fresh read shows it.
      const again = await by('coach').post('/participants', body, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toMatchObject({ id: first.body.id, insz, email: 'replay.persoon@example.org' });
      expect(await count('participants where last_name = $1', [body.lastName])).toBe(1);

      // The stored entry holds no personal data: no body column, only status, resource id and a keyed hash.
      const rows = await t.sql<Record<string, unknown>>(
        'select * from idempotency_keys where staff_id = $1 and key = $2',
        [a.staff.coach.id, key],
      );
      expect(Object.keys(rows[0]).sort()).toEqual(
        ['created_at', 'key', 'partnership_id', 'request_hash', 'resource_id', 'staff_id', 'status'].sort(),
      );
      expect(rows[0]).toMatchObject({ status: 201, resource_id: first.body.id });
      const stored = JSON.stringify(rows[0]);
      for (const value of [insz, String(body.lastName), 'replay.persoon', 'Replaystraat'])
        expect(stored).not.toContain(value);

      // The attack: hand the case over to CAW, then replay the original POST as the old owner.
      const tr = await startTrajectory(t, a, first.body.id);
      await handOver(tr.id, 'coach', 'coachCaw');
      const replay = await by('coach').post('/participants', body, key);
      expect(replay.status).toBe(404);
      const text = JSON.stringify(replay.body);
      for (const value of [insz, 'replay.persoon', 'Replaystraat', String(body.firstName)])
        expect(text).not.toContain(value);
      expect(replay.body).not.toHaveProperty('insz');
      expect(await count('participants where last_name = $1', [body.lastName])).toBe(1);
    });

    it('replays a contact moment the same way, and answers 404 in another partnership', async () => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id);
      const contact = {
        at: new Date(Date.now() - DAY).toISOString(),
        kind: 'office',
        durationMinutes: 30,
        summary: 'Gesprek',
      };
      const first = await by('coach').post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-1');
      expect(first.status).toBe(201);
      const again = await by('coach').post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-1');
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(await count('contacts where trajectory_id = $1', [tr.id])).toBe(1);
      await by('coach', b).post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-1').expect(404);
      // A role without the permission is refused before any key is stored.
      await by('coordinator')
        .post(`/trajectories/${tr.id}/contacts`, contact, 'contact-replay-2')
        .expect(403);
      expect(await count('idempotency_keys where key = $1', ['contact-replay-2'])).toBe(0);
    });

    it('replays a goal through its trajectory route, and a replay after the trajectory is handed over is 404', async () => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id);
      const goal = { lifeDomain: 'work', title: 'Heftruckattest', targetDate: '2030-01-01' };
      const first = await by('coach').post(`/trajectories/${tr.id}/goals`, goal, 'goal-replay-1').expect(201);
      const again = await by('coach').post(`/trajectories/${tr.id}/goals`, goal, 'goal-replay-1').expect(201);
      expect(again.body).toMatchObject({ id: first.body.id, title: 'Heftruckattest' });
      await handOver(tr.id, 'coach', 'coachCaw');
      const after = await by('coach').post(`/trajectories/${tr.id}/goals`, goal, 'goal-replay-1');
      expect(after.status).toBe(404);
      expect(JSON.stringify(after.body)).not.toContain('Heftruckattest');
      expect(await count('goals where trajectory_id = $1', [tr.id])).toBe(1);
    });

    it('keeps keys per user: another user with the same key creates its own record, never gets the first body', async () => {
      const key = 'shared-key-per-user';
      const mine = participantBody();
      const first = await by('coach').post('/participants', mine, key).expect(201);
      const theirs = participantBody();
      const second = await by('coach2').post('/participants', theirs, key).expect(201);
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.body.lastName).toBe(theirs.lastName);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      // The same body under the same key by another user is not a replay either (here: a duplicate).
      const same = await by('coach2').post('/participants', mine, 'shared-key-per-user-2');
      expect(same.status).toBe(409);
      expect(same.body.id).toBeUndefined();
    });

    it('refuses an invalid key with 400 and writes nothing', async () => {
      const body = participantBody();
      const res = await by('coach').post('/participants', body, 'short');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(await count('participants where last_name = $1', [body.lastName])).toBe(0);
    });
  });
});
