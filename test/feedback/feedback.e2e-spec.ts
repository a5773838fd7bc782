import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('participant feedback', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const url = (id: string) => `/trajectories/${id}/feedback`;
  const post = (id: string, body: object, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).post(url(id), body);
  const list = (id: string, who: StaffKey = 'coach', p = a) => as(t, p.auth(who)).get(url(id));
  const rows = (trajectoryId: string) =>
    t.sql<{ satisfaction: number; comment: string | null }>(
      'select satisfaction, comment from participant_feedback where trajectory_id = $1 order by given_at',
      [trajectoryId],
    );

  async function person(names: Record<string, string> = {}, startedAt = '2025-10-01T00:00:00Z') {
    const p = await createParticipant(t, a, 'coach', names);
    const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt });
    return { participantId: p.id, trajectoryId: tr.id };
  }

  describe('POST /trajectories/{id}/feedback', () => {
    it('records satisfaction, the participant’s words, when and by whom, and lists them', async () => {
      const { participantId, trajectoryId } = await person();
      const res = await post(trajectoryId, {
        satisfaction: 4,
        comment: '  Ik voelde me gehoord.  ',
        givenAt: '2026-02-10T10:00:00Z',
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        trajectoryId,
        participantId,
        givenAt: '2026-02-10T10:00:00.000Z',
        satisfaction: 4,
        comment: 'Ik voelde me gehoord.',
        atClosing: false,
        recordedBy: a.staff.coach.id,
        createdAt: expect.any(String),
      });
      await post(trajectoryId, { satisfaction: 5, atClosing: true }).expect(201);
      const listed = await list(trajectoryId).expect(200);
      expect(listed.body.total).toBe(2);
      expect(
        listed.body.items.map((f: { satisfaction: number; atClosing: boolean; comment: string | null }) => [
          f.satisfaction,
          f.atClosing,
          f.comment,
        ]),
      ).toEqual([
        [4, false, 'Ik voelde me gehoord.'],
        [5, true, null],
      ]);
      const [audit] = await t.sql<{ n: number }>(
        `select count(*)::int as n from audit_events where resource_type = 'participant_feedback' and participant_id = $1 and action = 'create'`,
        [participantId],
      );
      expect(audit.n).toBe(2);
    });

    it('takes feedback on a closed trajectory too (at closing, or after)', async () => {
      const { trajectoryId } = await person();
      await as(t, a.auth('coach'))
        .post(`/trajectories/${trajectoryId}/transitions`, {
          to: 'afgesloten',
          at: new Date().toISOString(),
          outcome: 'no_result',
        })
        .expect(200);
      await post(trajectoryId, { satisfaction: 3, atClosing: true, comment: 'Goed afgerond' }).expect(201);
      expect(await rows(trajectoryId)).toEqual([{ satisfaction: 3, comment: 'Goed afgerond' }]);
    });

    it.each([
      ['a satisfaction of 0', { satisfaction: 0 }, 'satisfaction'],
      ['a satisfaction of 6', { satisfaction: 6 }, 'satisfaction'],
      ['a satisfaction of 3.5', { satisfaction: 3.5 }, 'satisfaction'],
      ['a satisfaction as text', { satisfaction: 'goed' }, 'satisfaction'],
      ['no satisfaction', { comment: 'x' }, 'satisfaction'],
      ['a comment over 2000 characters', { satisfaction: 3, comment: 'x'.repeat(2001) }, 'comment'],
      ['a date that is no ISO moment', { satisfaction: 3, givenAt: 'gisteren' }, 'givenAt'],
      ['an unknown field', { satisfaction: 3, participantName: 'X' }, 'participantName'],
    ])('refuses %s with 400 and writes nothing', async (_what, body, field) => {
      const { trajectoryId } = await person();
      const res = await post(trajectoryId, body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.body.errors)).toContain(field);
      expect(await rows(trajectoryId)).toEqual([]);
    });

    it('refuses a date in the future and one before the trajectory started, and writes nothing', async () => {
      const { trajectoryId } = await person();
      const future = await post(trajectoryId, {
        satisfaction: 3,
        givenAt: new Date(Date.now() + 86_400_000).toISOString(),
      }).expect(400);
      expect(future.body.code).toBe('DATE_IN_FUTURE');
      const early = await post(trajectoryId, { satisfaction: 3, givenAt: '2025-09-01T00:00:00Z' }).expect(
        400,
      );
      expect(early.body.code).toBe('FEEDBACK_BEFORE_START');
      expect(await rows(trajectoryId)).toEqual([]);
    });

    it('answers 404 to a coach of another organisation and of another partnership, and writes nothing', async () => {
      const { trajectoryId } = await person();
      await post(trajectoryId, { satisfaction: 1, comment: 'aanval' }, 'coachIntro').expect(404);
      await post(trajectoryId, { satisfaction: 1, comment: 'aanval' }, 'coach', b).expect(404);
      await list(trajectoryId, 'coachIntro').expect(404);
      await list(trajectoryId, 'coach', b).expect(404);
      expect(await rows(trajectoryId)).toEqual([]);
    });

    it('answers 403 to roles without the right', async () => {
      const { trajectoryId } = await person();
      for (const who of ['spocVdab', 'expertise', 'admin', 'dpo', 'coordinator'] as const) {
        await post(trajectoryId, { satisfaction: 2 }, who).expect(403);
      }
      for (const who of ['spocVdab', 'expertise', 'admin', 'dpo'] as const) {
        await list(trajectoryId, who).expect(403);
      }
      expect(await rows(trajectoryId)).toEqual([]);
    });
  });

  describe('GET /reports/quarterly: participantFeedback', () => {
    const quarterly = (p = a) =>
      as(t, p.auth('coordinator')).get('/reports/quarterly?year=2026&quarter=1', { lang: 'en' });

    it('counts responses, mean and distribution, and lists no texts below 5 responses', async () => {
      const c = await createPartnership(t, 'C');
      const p = await createParticipant(t, c, 'coach', { firstName: 'Zoë', lastName: 'Vermeulen' });
      const tr = await startTrajectory(t, c, p.id, 'coach', { startedAt: '2025-10-01T00:00:00Z' });
      for (const [s, at] of [
        [5, '2026-01-15T10:00:00Z'],
        [4, '2026-02-15T10:00:00Z'],
        [4, '2026-03-31T21:30:00Z'], // 31 March 23:30 in Brussels: still Q1
        [2, '2026-03-31T22:30:00Z'], // 1 April 00:30 in Brussels: Q2
      ] as const) {
        await post(tr.id, { satisfaction: s, givenAt: at, comment: `Zoë zegt ${s}` }, 'coach', c).expect(201);
      }
      const res = await quarterly(c).expect(200);
      expect(res.body.participantFeedback).toEqual({
        definition: expect.stringContaining('at least 5 responses'),
        responses: 3,
        meanSatisfaction: 4.33,
        distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 },
        texts: null,
      });
      expect(JSON.stringify(res.body.participantFeedback)).not.toContain('Zoë');
    });

    it('lists the texts from 5 responses on, without names, ids or dates', async () => {
      const d = await createPartnership(t, 'D');
      const ids: string[] = [];
      for (const [i, s] of [1, 3, 3, 5, 5].entries()) {
        const p = await createParticipant(t, d, 'coach', {
          firstName: 'Karim',
          lastName: `Jansens${'x'.repeat(i)}`,
        });
        const tr = await startTrajectory(t, d, p.id, 'coach', { startedAt: '2025-10-01T00:00:00Z' });
        ids.push(p.id, tr.id);
        await post(
          tr.id,
          {
            satisfaction: s,
            givenAt: `2026-02-0${i + 1}T10:00:00Z`,
            comment: `Karim Jansens${'x'.repeat(i)} gaf ${s}`,
          },
          'coach',
          d,
        ).expect(201);
      }
      const { participantFeedback: f } = (await quarterly(d).expect(200)).body;
      expect(f).toMatchObject({
        responses: 5,
        meanSatisfaction: 3.4,
        distribution: { '1': 1, '2': 0, '3': 2, '4': 0, '5': 2 },
      });
      expect(f.texts).toEqual(['… … gaf 1', '… … gaf 3', '… … gaf 3', '… … gaf 5', '… … gaf 5']);
      const body = JSON.stringify(f);
      expect(body).not.toContain('Karim');
      expect(body).not.toContain('Jansens');
      for (const id of ids) expect(body).not.toContain(id);
    });

    it('is refused to a coach (403) and shows another partnership nothing', async () => {
      await as(t, a.auth('coach')).get('/reports/quarterly?year=2026&quarter=1').expect(403);
      const e = await createPartnership(t, 'E');
      const { participantFeedback: f } = (await quarterly(e).expect(200)).body;
      expect(f).toMatchObject({ responses: 0, meanSatisfaction: null, texts: null });
    });
  });

  describe('subject rights', () => {
    it('puts the feedback in the subject export, and pseudonymisation blanks the words but keeps the score', async () => {
      const { participantId, trajectoryId } = await person();
      await post(trajectoryId, {
        satisfaction: 2,
        comment: 'Mijn buurvrouw Fatma hielp mij',
        givenAt: '2026-02-01T10:00:00Z',
      }).expect(201);
      const exported = await as(t, a.auth('coach')).get(`/participants/${participantId}/export`).expect(200);
      expect(exported.body.feedback).toEqual([
        {
          id: expect.any(String),
          trajectoryId,
          givenAt: '2026-02-01T10:00:00.000Z',
          satisfaction: 2,
          comment: 'Mijn buurvrouw Fatma hielp mij',
          atClosing: false,
          recordedByOrganisation: expect.any(String),
          recordedAt: expect.any(String),
        },
      ]);
      await as(t, a.auth('coach'))
        .post(`/trajectories/${trajectoryId}/transitions`, {
          to: 'afgesloten',
          at: new Date().toISOString(),
          outcome: 'no_result',
        })
        .expect(200);
      await as(t, a.auth('dpo')).post(`/participants/${participantId}/pseudonymise`).expect(200);
      expect(await rows(trajectoryId)).toEqual([{ satisfaction: 2, comment: null }]);
      const after = await as(t, a.auth('dpo')).get(`/participants/${participantId}/export`).expect(200);
      expect(after.body.feedback).toMatchObject([{ satisfaction: 2, comment: null }]);
      expect(JSON.stringify(after.body)).not.toContain('Fatma');
    });
  });
});
