import { OverdueAssessmentsService } from '../../src/assessments/overdue-assessments.service';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { assessmentsApi, daysAgo, scores, WEEK } from './helpers';

interface Overdue {
  trajectoryId: string;
  participantId: string;
  participant?: { firstName: string; lastName: string };
  caseManagerId: string | null;
  teamId: string | null;
  instrument: string;
  kind: string;
  dueAt: string;
  daysOverdue: number;
}

describe('assessment due dates and overdue lists', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let api: ReturnType<typeof assessmentsApi>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    api = assessmentsApi(t, a);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const due = (id: string, as: Parameters<typeof api.get>[1] = 'coach', p = a) =>
    api.get(`${api.base(id)}/due`, as, p);
  const overdue = async (as: Parameters<typeof api.get>[1], query = '', p = a) =>
    (await api.get(`/assessments/overdue?limit=200${query}`, as, p).expect(200)).body as {
      items: Overdue[];
      total: number;
    };
  const assess = (id: string, kind: string, takenAt: string, instrument = 'empowerment') =>
    api
      .post(id, {
        instrument,
        kind,
        takenAt,
        scores: instrument === 'empowerment' ? scores(5) : { release: 5 },
      })
      .expect(201);

  describe('GET /trajectories/{id}/assessments/due', () => {
    it('asks nothing before guidance, then a baseline six weeks after guidance started', async () => {
      const { trajectoryId } = await api.trajectory();
      expect((await due(trajectoryId).expect(200)).body).toEqual({
        trajectoryId,
        items: [{ instrument: { key: 'empowerment', version: 1 }, due: null }],
      });
      const guidanceAt = new Date(t.clock.now().getTime() - 10 * 86400_000);
      await api.move(trajectoryId, 'intake', guidanceAt.toISOString());
      await api.move(trajectoryId, 'begeleiding', guidanceAt.toISOString());
      const res = await due(trajectoryId).expect(200);
      expect(res.body.items).toEqual([
        {
          instrument: { key: 'empowerment', version: 1 },
          due: {
            kind: 'baseline',
            countedFrom: guidanceAt.toISOString(),
            dueAt: new Date(guidanceAt.getTime() + 6 * WEEK).toISOString(),
            overdue: false,
          },
        },
      ]);
    });

    it('asks a review three calendar months after the latest measurement, per instrument used', async () => {
      // Started on a fixed day before the fixed guidance date, not "400 days ago": true on any date.
      const { trajectoryId } = await api.trajectory({
        startedAt: '2025-06-01T09:00:00Z',
        guidanceAt: '2025-11-01T09:00:00Z',
      });
      await assess(trajectoryId, 'baseline', '2025-11-30T12:00:00Z');
      await assess(trajectoryId, 'baseline', '2026-01-10T08:00:00Z', 'release_scale');
      const first = await due(trajectoryId).expect(200);
      expect(first.body.items).toEqual([
        {
          instrument: { key: 'empowerment', version: 1 },
          // 30 November + 3 months: February has no 30th, so its last day.
          due: {
            kind: 'review',
            countedFrom: '2025-11-30T12:00:00.000Z',
            dueAt: '2026-02-28T12:00:00.000Z',
            overdue: true,
          },
        },
        {
          instrument: { key: 'release_scale', version: 1 },
          due: {
            kind: 'review',
            countedFrom: '2026-01-10T08:00:00.000Z',
            dueAt: '2026-04-10T08:00:00.000Z',
            overdue: true,
          },
        },
      ]);
      // The SQL behind the overdue list gives the same dates.
      const listed = (await overdue('coach')).items.filter((i) => i.trajectoryId === trajectoryId);
      expect(listed.map((i) => [i.instrument, i.kind, i.dueAt])).toEqual([
        ['empowerment', 'review', '2026-02-28T12:00:00.000Z'],
        ['release_scale', 'review', '2026-04-10T08:00:00.000Z'],
      ]);

      await assess(trajectoryId, 'review', '2026-02-27T12:00:00Z');
      const second = await due(trajectoryId).expect(200);
      expect(second.body.items[0].due).toMatchObject({ kind: 'review', dueAt: '2026-05-27T12:00:00.000Z' });
      const again = (await overdue('coach')).items.filter((i) => i.trajectoryId === trajectoryId);
      // Oldest due date first.
      expect(again.map((i) => [i.instrument, i.dueAt])).toEqual([
        ['release_scale', '2026-04-10T08:00:00.000Z'],
        ['empowerment', '2026-05-27T12:00:00.000Z'],
      ]);
    });

    it('asks nothing more after the exit assessment', async () => {
      const { trajectoryId } = await api.trajectory({ guidanceAt: daysAgo(300) });
      await assess(trajectoryId, 'baseline', daysAgo(290));
      await api.move(trajectoryId, 'nazorg', daysAgo(20));
      await assess(trajectoryId, 'exit', daysAgo(19));
      expect((await due(trajectoryId).expect(200)).body.items[0].due).toBeNull();
      expect((await overdue('coach')).items.map((i) => i.trajectoryId)).not.toContain(trajectoryId);
    });

    it('answers 401, 403 to a role without the permission, 403 at summary scope, 404 elsewhere', async () => {
      const { participantId, trajectoryId } = await api.trajectory();
      await t
        .http()
        .get(`${api.base(trajectoryId)}/due`)
        .expect(401);
      await due(trajectoryId, 'spocVdab').expect(403);
      await due(trajectoryId, 'coachCaw').expect(404);
      await due(trajectoryId, 'coach', b).expect(404);
      await api.grant(participantId, a.orgs.intro.id, 'summary');
      expect((await due(trajectoryId, 'coachIntro').expect(403)).body.code).toBe('SCOPE_INSUFFICIENT');
      const audit = await t.sql(
        `select 1 from audit_events where participant_id = $1 and resource_type = 'assessment.due'`,
        [participantId],
      );
      expect(audit).toHaveLength(0);
      await due(trajectoryId).expect(200);
      expect(
        await t.sql(
          `select 1 from audit_events where participant_id = $1 and resource_type = 'assessment.due'`,
          [participantId],
        ),
      ).toHaveLength(1);
    });
  });

  describe('GET /assessments/overdue', () => {
    it('lists a trajectory whose guidance started 7 weeks ago without a baseline', async () => {
      const mine = await api.trajectory({ guidanceAt: t.clock.now().toISOString() });
      const colleagues = await api.trajectory({ guidanceAt: t.clock.now().toISOString(), owner: 'coach2' });
      const intro = await api.trajectory({ guidanceAt: t.clock.now().toISOString(), owner: 'coachIntro' });
      const measured = await api.trajectory({ guidanceAt: t.clock.now().toISOString() });
      await assess(measured.trajectoryId, 'baseline', t.clock.now().toISOString());
      const ids = [mine, colleagues, intro, measured].map((x) => x.trajectoryId);
      const ours = (items: Overdue[]) => items.filter((i) => ids.includes(i.trajectoryId));

      expect(ours((await overdue('coach')).items)).toEqual([]);
      expect((await due(mine.trajectoryId).expect(200)).body.items[0].due.overdue).toBe(false);

      t.clock.travel(7 * WEEK);
      const coach = ours((await overdue('coach')).items);
      expect(coach).toEqual([
        expect.objectContaining({
          trajectoryId: mine.trajectoryId,
          participantId: mine.participantId,
          participant: expect.objectContaining({ firstName: expect.stringMatching(/^Testvoornaam/) }),
          caseManagerId: a.staff.coach.id,
          teamId: a.teams[0].id,
          instrument: 'empowerment',
          kind: 'baseline',
          daysOverdue: 7,
        }),
      ]);
      expect((await due(mine.trajectoryId).expect(200)).body.items[0].due.overdue).toBe(true);
      // A coach asking for a colleague's caseload still sees only their own.
      expect(ours((await overdue('coach', `&caseManagerId=${a.staff.coach2.id}`)).items)).toEqual([]);

      // The coordinator sees the partnership, without names: no grant on these participants.
      const all = ours((await overdue('coordinator')).items);
      expect(all.map((i) => i.trajectoryId).sort()).toEqual(
        [mine, colleagues, intro].map((x) => x.trajectoryId).sort(),
      );
      expect(all.every((i) => !('participant' in i))).toBe(true);
      const byTeam = ours((await overdue('coordinator', `&teamId=${a.teams[1].id}`)).items);
      expect(byTeam.map((i) => i.trajectoryId)).toEqual([intro.trajectoryId]);
      const byCoach = ours((await overdue('coordinator', `&caseManagerId=${a.staff.coach2.id}`)).items);
      expect(byCoach.map((i) => i.trajectoryId)).toEqual([colleagues.trajectoryId]);

      // A grant shows the name of that one participant, and no other.
      await api.grant(colleagues.participantId, a.orgs.stad.id, 'summary');
      const named = ours((await overdue('coordinator')).items).filter((i) => 'participant' in i);
      expect(named.map((i) => i.participantId)).toEqual([colleagues.participantId]);

      // Another partnership's coordinator sees none of it.
      expect(ours((await overdue('coordinator', '', b)).items)).toEqual([]);

      const audit = await t.sql<{ actor_id: string; details: { nameShown: boolean } }>(
        `select actor_id, details from audit_events where resource_type = 'assessment.overdue' and resource_id = $1 order by id`,
        [intro.trajectoryId],
      );
      expect(audit.length).toBeGreaterThanOrEqual(3);
      expect(audit.every((e) => e.actor_id === a.staff.coordinator.id && !e.details.nameShown)).toBe(true);

      // The agenda's entry point: one staff member's caseload.
      const forStaff = await t.db.runAsStaff(
        { tenantId: a.id, staffId: a.staff.coach2.id, requestId: 'test' },
        () => t.app.get(OverdueAssessmentsService).forStaff(a.staff.coach2.id),
      );
      expect(ours(forStaff).map((i) => [i.trajectoryId, i.kind])).toEqual([
        [colleagues.trajectoryId, 'baseline'],
      ]);
    });

    it('leaves closed trajectories out', async () => {
      const { trajectoryId } = await api.trajectory({ guidanceAt: daysAgo(100) });
      expect((await overdue('coach')).items.map((i) => i.trajectoryId)).toContain(trajectoryId);
      await api.move(trajectoryId, 'afgesloten', daysAgo(1), 'coach', { outcome: 'no_result' });
      expect((await overdue('coach')).items.map((i) => i.trajectoryId)).not.toContain(trajectoryId);
    });

    it('paginates with a total', async () => {
      await api.trajectory({ guidanceAt: daysAgo(120) });
      await api.trajectory({ guidanceAt: daysAgo(110) });
      const full = await overdue('coach');
      expect(full.total).toBeGreaterThanOrEqual(2);
      const page = (await api.get('/assessments/overdue?limit=1&page=2').expect(200)).body;
      expect(page).toMatchObject({ total: full.total, page: 2, limit: 1 });
      expect(page.items).toEqual([full.items[1]]);
    });

    it('answers 401, 403 to a role without the permission, 400 on a bad filter', async () => {
      await t.http().get('/assessments/overdue').expect(401);
      await api.get('/assessments/overdue', 'spocVdab').expect(403);
      await api.get('/assessments/overdue', 'admin').expect(403);
      const bad = await api.get('/assessments/overdue?teamId=noord', 'coordinator').expect(400);
      expect(bad.body.errors[0].field).toBe('teamId');
    });
  });
});
