import { createParticipant, startTrajectory } from '../factories/participant.factory';
import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { thisQuarter, useLearningWorld } from './learning-world';

/** Issue 16, items 10-12: personas, signals of structural barriers, and value questions. */

describe('learning as a partnership', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { call, A, B } = useLearningWorld((world) => ({ t, a, b } = world));
  let serial = 0;
  const persona = async (p = a, name = `Persona ${++serial}`) =>
    (
      await call(p)
        .post('/personas', 'coordinator', { name, description: 'Jonger dan 30, zoekt een eerste job.' })
        .expect(201)
    ).body as { id: string; name: string; version: number };

  describe('personas', () => {
    it('lets the coordinator describe, list and change personas, with optimistic locking', async () => {
      const created = await persona(a, 'Jonge nieuwkomer');
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Jonge nieuwkomer',
        description: 'Jonger dan 30, zoekt een eerste job.',
        active: true,
        version: 1,
      });
      const listed = await A.get('/personas?limit=200', 'coach').expect(200);
      expect(listed.body.items).toContainEqual(created);
      const changed = await A.patch(
        `/personas/${created.id}`,
        'coordinator',
        { description: 'Minder dan vijf jaar in België.', active: false },
        1,
      ).expect(200);
      expect(changed.body).toMatchObject({
        description: 'Minder dan vijf jaar in België.',
        active: false,
        version: 2,
      });
      const stale = await A.patch(`/personas/${created.id}`, 'coordinator', { name: 'X' }, 1).expect(412);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
    });

    it('refuses bad input and a duplicate name with 4xx, writing nothing', async () => {
      const before = await t.sql<{ n: number }>(
        'select count(*)::int as n from personas where partnership_id = $1',
        [a.id],
      );
      const bad = await A.post('/personas', 'coordinator', {
        name: '',
        description: 'x'.repeat(1001),
      }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'name']);
      await persona(a, 'Alleenstaande ouder');
      const dup = await A.post('/personas', 'coordinator', {
        name: 'alleenstaande OUDER',
        description: 'Dubbel',
      }).expect(409);
      expect(dup.body.code).toBe('PERSONA_EXISTS');
      const after = await t.sql<{ n: number }>(
        'select count(*)::int as n from personas where partnership_id = $1',
        [a.id],
      );
      expect(after[0].n).toBe(before[0].n + 1);
    });

    it('keeps personas inside their partnership', async () => {
      const mine = await persona(a);
      const theirs = await B.get('/personas?limit=200', 'coordinator').expect(200);
      expect(theirs.body.items.map((x: { id: string }) => x.id)).not.toContain(mine.id);
      await B.patch(`/personas/${mine.id}`, 'coordinator', { name: 'Overgenomen' }, 1).expect(404);
    });

    it('answers 401 and 403 to callers without the right', async () => {
      await t.http().get('/personas').expect(401);
      await A.get('/personas', 'spocVdab').expect(403);
      await A.post('/personas', 'coach', { name: 'Coachpersona', description: 'Mag niet' }).expect(403);
      const p = await persona(a);
      await A.patch(`/personas/${p.id}`, 'coach', { name: 'Niet door een coach' }, 1).expect(403);
    });
  });

  describe('a trajectory carries a persona', () => {
    it('takes personaId at the start and through PUT /trajectories/{id}/persona', async () => {
      const p1 = await persona();
      const p2 = await persona();
      const person = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, person.id, 'coach', { personaId: p1.id });
      expect(tr.personaId).toBe(p1.id);
      const set = await A.put(
        `/trajectories/${tr.id}/persona`,
        'coach',
        { personaId: p2.id },
        tr.version,
      ).expect(200);
      expect(set.body).toEqual({ trajectoryId: tr.id, personaId: p2.id, version: tr.version + 1 });
      expect((await A.get(`/trajectories/${tr.id}`, 'coach').expect(200)).body.personaId).toBe(p2.id);
      const cleared = await A.put(
        `/trajectories/${tr.id}/persona`,
        'coach',
        { personaId: null },
        tr.version + 1,
      ).expect(200);
      expect(cleared.body.personaId).toBeNull();
    });

    it("refuses another partnership's or an inactive persona with 400 PERSONA_UNKNOWN, and starts no trajectory", async () => {
      const foreign = await persona(b);
      const person = await createParticipant(t, a);
      const res = await A.post(`/participants/${person.id}/trajectories`, 'coach', {
        personaId: foreign.id,
      }).expect(400);
      expect(res.body).toMatchObject({ code: 'PERSONA_UNKNOWN', errors: [{ field: 'personaId' }] });
      expect(await t.sql('select id from trajectories where participant_id = $1', [person.id])).toEqual([]);
      const tr = await startTrajectory(t, a, person.id);
      const put = await A.put(
        `/trajectories/${tr.id}/persona`,
        'coach',
        { personaId: foreign.id },
        tr.version,
      ).expect(400);
      expect(put.body.code).toBe('PERSONA_UNKNOWN');
      const old = await persona();
      await A.patch(`/personas/${old.id}`, 'coordinator', { active: false }, 1).expect(200);
      await A.put(`/trajectories/${tr.id}/persona`, 'coach', { personaId: old.id }, tr.version).expect(400);
      await A.put(`/trajectories/${tr.id}/persona`, 'coach', { personaId: 'geen-uuid' }, tr.version).expect(
        400,
      );
      await A.put(`/trajectories/${tr.id}/persona`, 'coach', {}, tr.version).expect(400);
      expect(
        (
          await t.sql<{ persona_id: string | null }>('select persona_id from trajectories where id = $1', [
            tr.id,
          ])
        )[0].persona_id,
      ).toBeNull();
    });

    it('hides the trajectory from another organisation without a grant and another partnership (404), and refuses roles without the right (403)', async () => {
      const p = await persona();
      const person = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, person.id);
      await A.put(`/trajectories/${tr.id}/persona`, 'coachIntro', { personaId: p.id }, tr.version).expect(
        404,
      );
      await B.put(`/trajectories/${tr.id}/persona`, 'coach', { personaId: p.id }, tr.version).expect(404);
      await A.put(`/trajectories/${tr.id}/persona`, 'spocVdab', { personaId: p.id }, tr.version).expect(403);
      await A.put(`/trajectories/${tr.id}/persona`, 'coach', { personaId: p.id }).expect(428);
    });

    it('breaks reach, exits and the work share down by persona in the quarterly report', async () => {
      const p = await persona(a, 'Werkzoekende 50+');
      for (const outcome of ['work', 'no_result', null]) {
        const person = await createParticipant(t, a);
        const tr = await startTrajectory(t, a, person.id, 'coach', { personaId: p.id });
        if (outcome)
          await A.post(`/trajectories/${tr.id}/transitions`, 'coach', {
            to: 'afgesloten',
            at: new Date().toISOString(),
            outcome,
          }).expect(200);
      }
      const report = await A.get(`/reports/quarterly?${thisQuarter()}`, 'coordinator').expect(200);
      const byPersona = report.body.exits.toWork.byPersona as { personaId: string | null }[];
      expect(byPersona.find((x) => x.personaId === p.id)).toEqual({
        personaId: p.id,
        name: 'Werkzoekende 50+',
        reached: 3,
        exits: 2,
        toWork: 1,
        shareOfReached: 0.3333,
        projectYear: { reached: 3, exits: 2, toWork: 1, shareOfReached: 0.3333 },
      });
      // Every trajectory is counted once: by persona, or in the entry without one.
      const reached = byPersona.reduce((n, x) => n + (x as unknown as { reached: number }).reached, 0);
      expect(reached).toBeGreaterThanOrEqual(report.body.exits.toWork.reached);
      const other = await B.get(`/reports/quarterly?${thisQuarter()}`, 'coordinator').expect(200);
      expect(other.body.exits.toWork.byPersona.map((x: { personaId: string }) => x.personaId)).not.toContain(
        p.id,
      );
    });
  });
});
