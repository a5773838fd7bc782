import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { DAY } from '../support/time';

describe('group sessions', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const session = (overrides: Record<string, unknown> = {}) => ({
    theme: 'Digitaal solliciteren',
    tag: 'digital',
    at: new Date(Date.now() + 2 * DAY).toISOString(),
    durationMinutes: 120,
    location: 'Dampoort, lokaal 1',
    ...overrides,
  });
  const plan = async () =>
    (await as(t, a.auth('expertise')).post('/group-sessions', session()).expect(201)).body;

  describe('POST /group-sessions', () => {
    it('plans a session, facilitated by the caller or by a named expertise member or coach', async () => {
      const own = await as(t, a.auth('expertise')).post('/group-sessions', session()).expect(201);
      expect(own.body).toMatchObject({
        theme: 'Digitaal solliciteren',
        tag: 'digital',
        durationMinutes: 120,
        facilitatorId: a.staff.expertise.id,
      });
      const byCoach = await as(t, a.auth('coach'))
        .post('/group-sessions', session({ facilitatorId: a.staff.coachIntro.id }))
        .expect(201);
      expect(byCoach.body.facilitatorId).toBe(a.staff.coachIntro.id);
    });

    it('rejects a facilitator who is neither expertise nor coach, and bad input, with 400', async () => {
      const spoc = await as(t, a.auth('coach'))
        .post('/group-sessions', session({ facilitatorId: a.staff.spocVdab.id }))
        .expect(400);
      expect(spoc.body.code).toBe('GROUP_SESSION_FACILITATOR_INVALID');
      await as(t, a.auth('coach'))
        .post('/group-sessions', session({ facilitatorId: b.staff.expertise.id }))
        .expect(400);
      const bad = await as(t, a.auth('coach'))
        .post('/group-sessions', session({ tag: 'cooking', durationMinutes: 0 }))
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'durationMinutes',
        'tag',
      ]);
    });

    it('answers 401 and 403', async () => {
      await t.http().post('/group-sessions').send(session()).expect(401);
      await as(t, a.auth('spocVdab')).post('/group-sessions', session()).expect(403);
      await as(t, a.auth('coordinator')).post('/group-sessions', session()).expect(403);
    });
  });

  describe('GET /group-sessions', () => {
    it('shows the partnership calendar, filtered by tag, and nothing of another partnership', async () => {
      const s = await plan();
      const lang = await as(t, a.auth('expertise'))
        .post('/group-sessions', session({ tag: 'language' }))
        .expect(201);
      const all = await as(t, a.auth('coordinator')).get('/group-sessions?tag=digital').expect(200);
      const ids = all.body.items.map((x: { id: string }) => x.id);
      expect(ids).toContain(s.id);
      expect(ids).not.toContain(lang.body.id);
      await as(t, a.auth('coach')).get(`/group-sessions/${s.id}`).expect(200);
      await as(t, b.auth('expertise')).get(`/group-sessions/${s.id}`).expect(404);
      const other = await as(t, b.auth('expertise')).get('/group-sessions').expect(200);
      expect(other.body.items.map((x: { id: string }) => x.id)).not.toContain(s.id);
      await as(t, a.auth('coach')).get('/group-sessions?tag=cooking').expect(400);
      await t.http().get('/group-sessions').expect(401);
      await as(t, a.auth('admin')).get('/group-sessions').expect(403);
    });
  });

  describe('POST /group-sessions/{id}/attendance', () => {
    it('lets a coach register a participant; the facilitator then sees only names and contact details, and records attendance as a contact moment', async () => {
      const s = await plan();
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id);
      const other = await createParticipant(t, a);
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(404);

      const reg = await as(t, a.auth('coach'))
        .post(`/group-sessions/${s.id}/attendance`, {
          participantId: p.id,
          attended: false,
        })
        .expect(200);
      expect(reg.body).toMatchObject({
        participantId: p.id,
        trajectoryId: tr.id,
        attended: false,
        contactId: null,
      });

      const seen = await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(200);
      expect(seen.body).toMatchObject({
        scope: 'summary',
        firstName: p.firstName,
        lastName: p.lastName,
        phone: '+32 470 00 00 00',
      });
      for (const hidden of ['labourStatus', 'birthDate', 'entryProfile', 'email', 'address'])
        expect(seen.body).not.toHaveProperty(hidden);
      await as(t, a.auth('expertise')).get(`/participants/${other.id}`).expect(404);
      const detail = await as(t, a.auth('expertise')).get(`/group-sessions/${s.id}`).expect(200);
      expect(detail.body.attendance).toEqual([
        expect.objectContaining({
          participantId: p.id,
          participant: { firstName: p.firstName, lastName: p.lastName, phone: '+32 470 00 00 00' },
        }),
      ]);

      const came = await as(t, a.auth('expertise'))
        .post(`/group-sessions/${s.id}/attendance`, {
          participantId: p.id,
          attended: true,
        })
        .expect(200);
      expect(came.body.attended).toBe(true);
      const contacts = await t.sql(
        `select id, kind, trajectory_id, duration_minutes, staff_id, author_id, at, source_id from contacts where participant_id = $1`,
        [p.id],
      );
      expect(contacts).toEqual([
        {
          id: came.body.contactId,
          kind: 'group_session',
          trajectory_id: tr.id,
          duration_minutes: 120,
          staff_id: a.staff.expertise.id,
          author_id: a.staff.expertise.id,
          at: new Date(s.at),
          source_id: s.id,
        },
      ]);
      // Saying it again changes nothing; taking it back would silently erase a contact moment.
      await as(t, a.auth('coach'))
        .post(`/group-sessions/${s.id}/attendance`, {
          participantId: p.id,
          attended: true,
        })
        .expect(200);
      const count = await t.sql('select count(*)::int as n from contacts where participant_id = $1', [p.id]);
      expect(count[0].n).toBe(1);
      const back = await as(t, a.auth('expertise'))
        .post(`/group-sessions/${s.id}/attendance`, {
          participantId: p.id,
          attended: false,
        })
        .expect(409);
      expect(back.body.code).toBe('GROUP_SESSION_ATTENDANCE_RECORDED');

      // The facilitator's view lapses 30 days after the session.
      t.clock.travel(2 * DAY + 29 * DAY);
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(200);
      t.clock.travel(2 * DAY);
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(404);
    });

    it('counts attendance registered as attended at once', async () => {
      const s = await plan();
      const p = await createParticipant(t, a);
      await startTrajectory(t, a, p.id);
      const res = await as(t, a.auth('coach'))
        .post(`/group-sessions/${s.id}/attendance`, {
          participantId: p.id,
          attended: true,
        })
        .expect(200);
      expect(res.body.contactId).toEqual(expect.any(String));
    });

    it('refuses people the caller may not register, participants without an open trajectory, and bad input', async () => {
      const s = await plan();
      const p = await createParticipant(t, a);
      const url = `/group-sessions/${s.id}/attendance`;
      const none = await as(t, a.auth('coach'))
        .post(url, { participantId: p.id, attended: false })
        .expect(409);
      expect(none.body.code).toBe('GROUP_SESSION_NO_OPEN_TRAJECTORY');
      await startTrajectory(t, a, p.id);
      // The facilitator cannot register someone they have no access to; another organisation neither.
      await as(t, a.auth('expertise')).post(url, { participantId: p.id, attended: true }).expect(404);
      await as(t, a.auth('coachIntro')).post(url, { participantId: p.id, attended: true }).expect(404);
      await as(t, b.auth('coach')).post(url, { participantId: p.id, attended: true }).expect(404);
      await as(t, a.auth('coach')).post(url, { participantId: p.id, attended: 'yes' }).expect(400);
      await as(t, a.auth('coach')).post(url, { participantId: 'nope', attended: true }).expect(400);
      await t.http().post(url).send({ participantId: p.id, attended: true }).expect(401);
      await as(t, a.auth('spocVdab')).post(url, { participantId: p.id, attended: true }).expect(403);
      const rows = await t.sql(
        'select count(*)::int as n from group_session_attendance where participant_id = $1',
        [p.id],
      );
      expect(rows[0].n).toBe(0);
    });
  });
});
