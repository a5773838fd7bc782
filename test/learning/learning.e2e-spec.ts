import { randomUUID } from 'node:crypto';
import { giveConsent } from '../collaboration/helpers';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/** Issue 16, items 10-12: personas, signals of structural barriers, and value questions. */
describe('learning as a partnership', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'Learning A');
    b = await createPartnership(t, 'Learning B');
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const call = (of: TestPartnership | (() => TestPartnership)) => {
    const p = { auth: (who: StaffKey) => (typeof of === 'function' ? of() : of).auth(who) };
    return {
      get: (url: string, who: StaffKey) => as(t, p.auth(who)).get(url),
      post: (url: string, who: StaffKey, body: object = {}) => as(t, p.auth(who)).post(url, body),
      put: (url: string, who: StaffKey, body: object = {}, version?: number) => {
        const req = as(t, p.auth(who)).put(url);
        return (version === undefined ? req : req.set('if-match', `"${version}"`)).send(body);
      },
      patch: (url: string, who: StaffKey, body: object, version: number) =>
        as(t, p.auth(who)).patch(url, body, { ifMatch: `"${version}"` }),
    };
  };
  const A = call(() => a);
  const B = call(() => b);
  const thisQuarter = () => {
    const now = new Date();
    return `year=${now.getFullYear()}&quarter=${Math.floor(now.getMonth() / 3) + 1}`;
  };
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

  describe('signals', () => {
    const count = async () =>
      (
        await t.sql<{ n: number }>('select count(*)::int as n from signals where partnership_id = $1', [a.id])
      )[0].n;
    const stored = async (id: string) =>
      (await t.sql<{ text: string }>('select text from signals where id = $1', [id]))[0].text;

    it('records a signal for the coordinator and never echoes its text', async () => {
      const res = await A.post('/signals', 'coach', {
        category: 'housing',
        text: 'Wie een leefloon krijgt, vindt in Rabot geen huurwoning onder 700 euro.',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        category: 'housing',
        recordedAt: expect.any(String),
      });
      expect(await stored(res.body.id)).toBe(
        'Wie een leefloon krijgt, vindt in Rabot geen huurwoning onder 700 euro.',
      );
    });

    it('refuses an INSZ, with or without separators, with 400 and writes nothing', async () => {
      const before = await count();
      for (const text of [
        'Dossier 85073003328 wacht op de huisvestingsmaatschappij',
        'Zie 85.07.30-033.28, wachtlijst',
      ]) {
        const res = await A.post('/signals', 'coach', { category: 'housing', text }).expect(400);
        expect(res.body).toMatchObject({
          code: 'SIGNAL_PERSONAL_DATA',
          errors: [{ field: 'text', code: 'INSZ' }],
        });
      }
      // A number that fails the check is no INSZ.
      await A.post('/signals', 'coach', {
        category: 'debt',
        text: 'Schuld van 85073003329 cent, fictief voorbeeld',
      }).expect(201);
      expect(await count()).toBe(before + 1);
    });

    it('refuses the name of a participant the coach can see, in either order and case, with 400', async () => {
      const person = await createParticipant(t, a, 'coach', {
        firstName: 'Mirela',
        lastName: 'Vanhoutte-Çelik',
      });
      const before = await count();
      for (const text of [
        'Mirela Vanhoutte-Çelik vindt geen kinderopvang',
        'VANHOUTTE-CELIK mirela: geen opvang',
      ]) {
        const res = await A.post('/signals', 'coach', { category: 'childcare', text }).expect(400);
        expect(res.body).toMatchObject({
          code: 'SIGNAL_PERSONAL_DATA',
          errors: [{ field: 'text', code: 'PARTICIPANT_NAME' }],
        });
      }
      expect(await count()).toBe(before);
      expect(person.id).toBeDefined();
    });

    it('does not reveal that a name it cannot see is known: accepted as usual, stored with the name replaced', async () => {
      // A CAW client (professional secrecy): the Compaan coach holds no grant on this person.
      const secret = await createParticipant(t, a, 'coachCaw', { firstName: 'Okke', lastName: 'Geheimhout' });
      await A.get(`/participants/${secret.id}`, 'coach').expect(404);
      const known = await A.post('/signals', 'coach', {
        category: 'regulation',
        text: 'Okke Geheimhout en anderen wachten 9 maanden op een beslissing van de dienst.',
      }).expect(201);
      const unknown = await A.post('/signals', 'coach', {
        category: 'regulation',
        text: 'Pieter Nergensbekend en anderen wachten 9 maanden op een beslissing van de dienst.',
      }).expect(201);
      expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
      expect(await stored(known.body.id)).toBe(
        '[naam] en anderen wachten 9 maanden op een beslissing van de dienst.',
      );
      expect(await stored(unknown.body.id)).toBe(
        'Pieter Nergensbekend en anderen wachten 9 maanden op een beslissing van de dienst.',
      );
      // Another partnership's participant of that name is no concern of partnership B's check.
      const res = await B.post('/signals', 'coach', {
        category: 'regulation',
        text: 'Okke Geheimhout is ook de naam van een fictief personage.',
      }).expect(201);
      expect(await stored(res.body.id)).toBe('Okke Geheimhout is ook de naam van een fictief personage.');
    });

    it('refuses bad input with 400', async () => {
      const bad = await A.post('/signals', 'coach', { category: 'weather', text: 'kort' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'text']);
      await A.post('/signals', 'coach', { category: 'debt', text: 'x'.repeat(2001) }).expect(400);
      await A.post('/signals', 'coach', {
        category: 'debt',
        text: 'Geldige tekst maar met extra',
        extra: 1,
      }).expect(400);
    });

    it('answers 401 and 403 to callers without the right', async () => {
      await t.http().post('/signals').send({}).expect(401);
      for (const who of ['coordinator', 'spocVdab', 'expertise', 'dpo'] as StaffKey[])
        await A.post('/signals', who, {
          category: 'debt',
          text: 'Schuldbemiddeling heeft een wachtlijst.',
        }).expect(403);
      await A.get(`/reports/signals?${thisQuarter()}`, 'coach').expect(403);
    });

    it("gives the coordinator the quarter's counts per category and texts, and another partnership none of them", async () => {
      await A.post('/signals', 'coach', {
        category: 'mobility',
        text: 'Geen bus naar de haven voor de vroege shift.',
      }).expect(201);
      await A.post('/signals', 'coachIntro', {
        category: 'mobility',
        text: 'Fietsherstel te duur voor wie een leefloon krijgt.',
      }).expect(201);
      await A.post('/signals', 'coach', {
        category: 'language',
        text: 'NT2-lessen vol tot september.',
      }).expect(201);
      // Recorded 100 days ago by the injected clock: another quarter.
      t.clock.travel(-100 * 86400_000);
      await A.post('/signals', 'coach', {
        category: 'mobility',
        text: 'Een signaal uit een vorig kwartaal.',
      }).expect(201);
      t.clock.reset();
      const res = await A.get(`/reports/signals?${thisQuarter()}`, 'coordinator').expect(200);
      const fromDb = await t.sql<{ category: string; n: number }>(
        `select category, count(*)::int as n from signals where partnership_id = $1
            and created_at >= ($2::date::timestamp at time zone 'Europe/Brussels') group by category`,
        [a.id, res.body.period.from],
      );
      for (const { category, n } of fromDb) expect(res.body.byCategory[category]).toBe(n);
      expect(res.body.byCategory.mobility).toBe(2);
      expect(res.body.byCategory.language).toBeGreaterThanOrEqual(1);
      expect(res.body.total).toBe(res.body.items.length);
      const texts = res.body.items.map((i: { text: string }) => i.text);
      expect(texts).toContain('Fietsherstel te duur voor wie een leefloon krijgt.');
      expect(texts).not.toContain('Een signaal uit een vorig kwartaal.');
      expect(
        res.body.items.find((i: { text: string }) => i.text.startsWith('Fietsherstel')).organisation,
      ).toBe('Groep INTRO');
      const other = await B.get(`/reports/signals?${thisQuarter()}`, 'coordinator').expect(200);
      expect(JSON.stringify(other.body)).not.toContain('Fietsherstel');
      await A.get('/reports/signals?year=2026&quarter=5', 'coordinator').expect(400);
      await A.get('/reports/signals', 'coordinator').expect(400);
    });
  });

  describe('value questions', () => {
    const meetingWithItem = async (firstName = 'Yasmina', lastName = `Waardevraag${++serial}`) => {
      const person = await createParticipant(t, a, 'coach', { firstName, lastName });
      const tr = await startTrajectory(t, a, person.id);
      await giveConsent(t, a, person.id, 'case_meeting');
      const meeting = await A.post('/case-meetings', 'coach', {
        teamId: a.teams[0].id,
        scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
        location: 'Rabot, zaal 2',
        attendeeIds: [a.staff.spocVdab.id, a.staff.expertise.id],
      }).expect(201);
      const item = await A.post(`/case-meetings/${meeting.body.id}/items`, 'coach', {
        trajectoryId: tr.id,
        summary: 'Zoekt werk',
      }).expect(201);
      return { person, tr, meetingId: meeting.body.id as string, itemId: item.body.id as string };
    };
    const url = (x: { meetingId: string; itemId: string }) =>
      `/case-meetings/${x.meetingId}/items/${x.itemId}/value-question`;

    it('records and changes the value question and the waste of an agenda item; attendees read them', async () => {
      const x = await meetingWithItem();
      const first = await A.put(url(x), 'coach', {
        valueQuestion: 'Ik wil dat mijn kinderen zien dat ik werk.',
      }).expect(200);
      expect(first.body).toMatchObject({
        caseMeetingId: x.meetingId,
        itemId: x.itemId,
        trajectoryId: x.tr.id,
        participantId: x.person.id,
        valueQuestion: 'Ik wil dat mijn kinderen zien dat ik werk.',
        waste: null,
        recordedBy: a.staff.coach.id,
        version: 1,
      });
      const second = await A.put(url(x), 'coach', { waste: 'Drie keer hetzelfde formulier.' }).expect(200);
      expect(second.body).toMatchObject({
        id: first.body.id,
        valueQuestion: 'Ik wil dat mijn kinderen zien dat ik werk.',
        waste: 'Drie keer hetzelfde formulier.',
        version: 2,
      });
      const read = await A.get(url(x), 'spocVdab').expect(200);
      expect(read.body.waste).toBe('Drie keer hetzelfde formulier.');
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const x = await meetingWithItem();
      const empty = await A.put(url(x), 'coach', {}).expect(400);
      expect(empty.body.code).toBe('VALUE_QUESTION_EMPTY');
      await A.put(url(x), 'coach', { valueQuestion: '' }).expect(400);
      await A.put(url(x), 'coach', { waste: 'x'.repeat(2001) }).expect(400);
      await A.put(url(x), 'coach', { valueQuestion: 'ok', other: 1 }).expect(400);
      await A.put(`/case-meetings/${x.meetingId}/items/geen-uuid/value-question`, 'coach', {
        waste: 'x',
      }).expect(400);
      await A.put(`/case-meetings/${x.meetingId}/items/${randomUUID()}/value-question`, 'coach', {
        waste: 'x',
      }).expect(404);
      await A.get(url(x), 'coach').expect(404);
      expect(
        await t.sql('select id from case_meeting_value_questions where item_id = $1', [x.itemId]),
      ).toEqual([]);
    });

    it('follows the agenda item: another organisation without a grant and another partnership get 404, roles without the right 403', async () => {
      const x = await meetingWithItem();
      await A.put(url(x), 'coach', { valueQuestion: 'Zelf beslissen over mijn traject.' }).expect(200);
      await A.get(url(x), 'coachCaw').expect(404);
      await A.put(url(x), 'coachCaw', { waste: 'Overschreven' }).expect(404);
      await B.get(url(x), 'coach').expect(404);
      await B.put(url(x), 'coach', { waste: 'Overschreven' }).expect(404);
      await A.put(url(x), 'spocVdab', { waste: 'Overschreven' }).expect(403);
      await A.get(url(x), 'admin').expect(403);
      await t.http().get(url(x)).expect(401);
      const rows = await t.sql<{ waste: string | null }>(
        'select waste from case_meeting_value_questions where item_id = $1',
        [x.itemId],
      );
      expect(rows).toEqual([{ waste: null }]);
    });

    it("lists the quarter's value questions pseudonymously for the coordinator, with a new reference per report", async () => {
      const x = await meetingWithItem('Ilse', 'Pseudoniemtest');
      const y = await meetingWithItem();
      await A.put(url(x), 'coach', {
        valueQuestion: 'Ilse wil erkend worden als moeder die werkt.',
        waste: 'Pseudoniemtest moest drie keer haar verhaal doen.',
      }).expect(200);
      await A.put(url(y), 'coach', { waste: 'Wachten op een attest.' }).expect(200);
      const first = await A.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      const body = JSON.stringify(first.body);
      for (const secret of [x.person.id, x.tr.id, x.itemId, x.meetingId, 'Pseudoniemtest', y.person.id])
        expect(body).not.toContain(secret);
      const items = first.body.items as {
        ref: string;
        valueQuestion: string | null;
        waste: string | null;
        team: string;
      }[];
      const mine = items.find((i) => i.valueQuestion === '[naam] wil erkend worden als moeder die werkt.')!;
      expect(mine).toEqual({
        ref: expect.stringMatching(/^p-[0-9a-f]{8}$/),
        meetingDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        team: 'Team Noord',
        valueQuestion: '[naam] wil erkend worden als moeder die werkt.',
        waste: '[naam] moest drie keer haar verhaal doen.',
      });
      expect(items.find((i) => i.waste === 'Wachten op een attest.')!.ref).not.toBe(mine.ref);
      const second = await A.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      expect(second.body.items.map((i: { ref: string }) => i.ref)).not.toContain(mine.ref);
      expect(first.body.total).toBe(items.length);

      const other = await B.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
      await A.get(`/reports/value-questions?${thisQuarter()}`, 'coach').expect(403);
      await A.get('/reports/value-questions?year=1999&quarter=1', 'coordinator').expect(400);
    });

    it('goes into the subject export, and pseudonymisation blanks it', async () => {
      const x = await meetingWithItem();
      await A.put(url(x), 'coach', { valueQuestion: 'Een eigen inkomen.', waste: 'Dubbele intake.' }).expect(
        200,
      );
      const exported = await A.get(`/participants/${x.person.id}/export`, 'coach').expect(200);
      expect(exported.body.valueQuestions).toEqual([
        expect.objectContaining({
          trajectoryId: x.tr.id,
          valueQuestion: 'Een eigen inkomen.',
          waste: 'Dubbele intake.',
          recordedByOrganisation: 'Compaan',
        }),
      ]);
      await A.post(`/trajectories/${x.tr.id}/transitions`, 'coach', {
        to: 'afgesloten',
        at: new Date().toISOString(),
        outcome: 'no_result',
      }).expect(200);
      await A.post(`/participants/${x.person.id}/pseudonymise`, 'dpo').expect(200);
      const rows = await t.sql(
        'select value_question, waste from case_meeting_value_questions where item_id = $1',
        [x.itemId],
      );
      expect(rows).toEqual([{ value_question: null, waste: null }]);
      const report = await A.get(`/reports/value-questions?${thisQuarter()}`, 'coordinator').expect(200);
      expect(JSON.stringify(report.body)).not.toContain('Dubbele intake.');
    });
  });
});
