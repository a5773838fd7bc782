import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { assessmentsApi, scores } from './helpers';

describe('distance travelled', () => {
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

  const startedAt = '2025-06-01T00:00:00Z';
  const assess = (
    x: ReturnType<typeof assessmentsApi>,
    id: string,
    kind: string,
    takenAt: string,
    s: Record<string, number>,
    as: StaffKey = 'coach',
    extra = {},
  ) => x.post(id, { instrument: 'empowerment', kind, takenAt, scores: s, ...extra }, as).expect(201);

  describe('GET /trajectories/{id}/assessments/progress', () => {
    const url = (id: string) => `${api.base(id)}/progress?instrument=empowerment`;

    it('gives baseline, latest, change, change per quarter and a label per dimension and in total', async () => {
      const { participantId, trajectoryId } = await api.trajectory({ startedAt });
      const base = await assess(api, trajectoryId, 'baseline', '2025-07-01T00:00:00Z', scores(4));
      const review = await assess(
        api,
        trajectoryId,
        'review',
        '2026-01-01T00:00:00Z',
        scores(5, 6, 4, 3, 4, 5),
        'coach',
        {
          participantScores: scores(5, 6, 4, 3, 4, 8),
        },
      );
      const res = await api.get(url(trajectoryId)).expect(200);
      // 184 days = 184 / 30.436875 = 6.0453 average months; per quarter = change × 3 / 6.0453 = change × 0.49625.
      expect(res.body).toEqual({
        trajectoryId,
        instrument: { key: 'empowerment', version: 1 },
        baseline: { id: base.body.id, takenAt: '2025-07-01T00:00:00.000Z' },
        latest: { id: review.body.id, kind: 'review', takenAt: '2026-01-01T00:00:00.000Z' },
        monthsBetween: 6.05,
        dimensions: [
          {
            dimension: 'competentie',
            baseline: 4,
            latest: 5,
            change: 1,
            changePerQuarter: 0.5,
            label: 'progress',
          },
          {
            dimension: 'zelfbeschikking',
            baseline: 4,
            latest: 6,
            change: 2,
            changePerQuarter: 0.99,
            label: 'progress',
          },
          {
            dimension: 'impact',
            baseline: 4,
            latest: 4,
            change: 0,
            changePerQuarter: 0,
            label: 'stagnation',
          },
          {
            dimension: 'betekenis',
            baseline: 4,
            latest: 3,
            change: -1,
            changePerQuarter: -0.5,
            label: 'regression',
          },
          {
            dimension: 'positieve_identiteit',
            baseline: 4,
            latest: 4,
            change: 0,
            changePerQuarter: 0,
            label: 'stagnation',
          },
          {
            dimension: 'groepsorientatie',
            baseline: 4,
            latest: 5,
            change: 1,
            changePerQuarter: 0.5,
            label: 'progress',
          },
        ],
        // Mean latest 27 / 6 = 4.5; change +0.5 lies between the thresholds −1 and +1.
        total: { baseline: 4, latest: 4.5, change: 0.5, changePerQuarter: 0.25, label: 'stagnation' },
        disagreement: [
          expect.objectContaining({ dimension: 'competentie', difference: 0, flagged: false }),
          expect.objectContaining({ dimension: 'zelfbeschikking' }),
          expect.objectContaining({ dimension: 'impact' }),
          expect.objectContaining({ dimension: 'betekenis' }),
          expect.objectContaining({ dimension: 'positieve_identiteit' }),
          { dimension: 'groepsorientatie', coach: 5, participant: 8, difference: 3, flagged: true },
        ],
      });
      const audit = await t.sql(
        `select 1 from audit_events where participant_id = $1 and resource_type = 'assessment.progress'`,
        [participantId],
      );
      expect(audit).toHaveLength(1);
    });

    it('shows the baseline only, and nothing without a baseline', async () => {
      const { trajectoryId } = await api.trajectory({ startedAt });
      const empty = await api.get(url(trajectoryId)).expect(200);
      expect(empty.body).toMatchObject({ baseline: null, latest: null, dimensions: [], total: null });
      await assess(api, trajectoryId, 'baseline', '2025-07-01T00:00:00Z', scores(3));
      const only = await api.get(url(trajectoryId)).expect(200);
      expect(only.body.latest).toBeNull();
      expect(only.body.total).toEqual({
        baseline: 3,
        latest: null,
        change: null,
        changePerQuarter: null,
        label: null,
      });
    });

    it('answers 404 for an unknown instrument, 400 for a malformed one, and the usual 401/403/404', async () => {
      const { participantId, trajectoryId } = await api.trajectory({ startedAt });
      await api.get(`${api.base(trajectoryId)}/progress?instrument=werkfit`).expect(404);
      await api.get(`${api.base(trajectoryId)}/progress?instrument=Not-A-Key`).expect(400);
      await t.http().get(url(trajectoryId)).expect(401);
      await api.get(url(trajectoryId), 'spocOcmw').expect(403);
      await api.get(url(trajectoryId), 'coachCaw').expect(404);
      await api.get(url(trajectoryId), 'coach', b).expect(404);
      await api.grant(participantId, a.orgs.intro.id, 'summary');
      expect((await api.get(url(trajectoryId), 'coachIntro').expect(403)).body.code).toBe(
        'SCOPE_INSUFFICIENT',
      );
    });
  });

  describe('GET /assessments/progress (aggregate)', () => {
    let c: TestPartnership;
    let cApi: ReturnType<typeof assessmentsApi>;
    const report = (query: string, as: StaffKey = 'coordinator', p?: TestPartnership) =>
      cApi.get(`/assessments/progress?instrument=empowerment&${query}`, as, p ?? c);

    beforeAll(async () => {
      c = await createPartnership(t, 'C');
      cApi = assessmentsApi(t, c);
      // Team Noord (Compaan): +0.5 in total, and +2 on every dimension; one with a baseline only.
      const t1 = await cApi.trajectory({ startedAt });
      await assess(cApi, t1.trajectoryId, 'baseline', '2025-07-01T00:00:00Z', scores(4));
      await assess(cApi, t1.trajectoryId, 'review', '2026-01-01T00:00:00Z', scores(5, 6, 4, 3, 4, 5));
      const t2 = await cApi.trajectory({ startedAt, owner: 'coach2' });
      await assess(cApi, t2.trajectoryId, 'baseline', '2026-02-01T00:00:00Z', scores(5), 'coach2');
      await assess(cApi, t2.trajectoryId, 'review', '2026-05-01T00:00:00Z', scores(7), 'coach2');
      const t4 = await cApi.trajectory({ startedAt });
      await assess(cApi, t4.trajectoryId, 'baseline', '2026-03-01T00:00:00Z', scores(8));
      // Team Zuid (INTRO): −1 on every dimension.
      const t3 = await cApi.trajectory({ startedAt, owner: 'coachIntro' });
      await assess(cApi, t3.trajectoryId, 'baseline', '2026-03-01T00:00:00Z', scores(6), 'coachIntro');
      await assess(cApi, t3.trajectoryId, 'review', '2026-06-01T00:00:00Z', scores(5), 'coachIntro');
    });

    it('aggregates the partnership: mean change per dimension and in total, with label counts', async () => {
      const res = await report('from=2025-01-01&to=2026-12-31').expect(200);
      expect(res.body).toMatchObject({
        instrument: { key: 'empowerment', version: 1 },
        from: '2025-01-01',
        to: '2026-12-31',
        groupBy: 'partnership',
      });
      expect(res.body.groups).toHaveLength(1);
      const [g] = res.body.groups;
      expect(g.group).toEqual({ id: c.id, name: 'C' });
      expect(g).toMatchObject({ trajectories: 3, baselineOnly: 1 });
      // competentie: +1, +2, −1 → mean 2/3; per quarter (0.4963 + 2.0519 − 0.9925) / 3 = 0.5186.
      expect(g.dimensions[0]).toEqual({
        dimension: 'competentie',
        n: 3,
        meanChange: 0.67,
        meanChangePerQuarter: 0.52,
        labels: { progress: 2, stagnation: 0, regression: 1 },
      });
      // impact: 0, +2, −1 → mean 1/3.
      expect(g.dimensions[2]).toMatchObject({
        dimension: 'impact',
        meanChange: 0.33,
        labels: { progress: 1, stagnation: 1, regression: 1 },
      });
      // total: +0.5, +2, −1 → mean 0.5; per quarter (0.2481 + 2.0519 − 0.9925) / 3 = 0.4358.
      expect(g.total).toEqual({
        n: 3,
        meanChange: 0.5,
        meanChangePerQuarter: 0.44,
        labels: { progress: 1, stagnation: 1, regression: 1 },
      });
    });

    it('groups per team and per organisation, with their names', async () => {
      const teams = (await report('from=2025-01-01&to=2026-12-31&groupBy=team').expect(200)).body.groups;
      expect(teams.map((g: { group: { name: string } }) => g.group.name)).toEqual([
        'Team Noord',
        'Team Zuid',
      ]);
      expect(teams[0]).toMatchObject({ trajectories: 2, baselineOnly: 1, total: { meanChange: 1.25 } });
      expect(teams[1]).toMatchObject({ trajectories: 1, baselineOnly: 0, total: { meanChange: -1 } });
      const orgs = (await report('from=2025-01-01&to=2026-12-31&groupBy=organisation').expect(200)).body
        .groups;
      expect(orgs.map((g: { group: { id: string } }) => g.group.id)).toEqual([
        c.orgs.compaan.id,
        c.orgs.intro.id,
      ]);
      expect(orgs[1].total).toMatchObject({ n: 1, meanChange: -1, labels: { regression: 1 } });
    });

    it('takes the trajectories measured in the period, as they stood at its end', async () => {
      // From 2 January: the first trajectory was last measured on 1 January. Until 30 April: the
      // reviews of May and June are still to come, so everyone has a baseline only.
      const [g] = (await report('from=2026-01-02&to=2026-04-30').expect(200)).body.groups;
      expect(g).toMatchObject({ trajectories: 0, baselineOnly: 3, total: { n: 0, meanChange: null } });
      const later = (await report('from=2026-01-02&to=2026-12-31').expect(200)).body.groups[0];
      expect(later).toMatchObject({ trajectories: 2, baselineOnly: 1, total: { meanChange: 0.5 } });
      expect((await report('from=2027-01-01&to=2027-12-31').expect(200)).body.groups).toEqual([]);
    });

    it('refuses a bad period or grouping with 400, an unknown instrument with 404', async () => {
      expect((await report('from=2026-12-31&to=2026-01-01').expect(400)).body.code).toBe('PERIOD_INVALID');
      await report('from=2026-01-01&to=2026-12-31&groupBy=wijk').expect(400);
      await report('to=2026-12-31').expect(400);
      await cApi
        .get('/assessments/progress?instrument=werkfit&from=2026-01-01&to=2026-12-31', 'coordinator', c)
        .expect(404);
    });

    it('is for coordinators of the partnership only', async () => {
      await t.http().get('/assessments/progress?from=2026-01-01&to=2026-12-31').expect(401);
      await report('from=2026-01-01&to=2026-12-31', 'coach').expect(403);
      await report('from=2026-01-01&to=2026-12-31', 'dpo').expect(403);
      const other = await report('from=2025-01-01&to=2026-12-31', 'coordinator', b).expect(200);
      expect(other.body.groups).toEqual([]);
      const audit = await t.sql(
        `select 1 from audit_events where actor_id = $1 and resource_type = 'assessment.progress_report'`,
        [c.staff.coordinator.id],
      );
      expect(audit.length).toBeGreaterThanOrEqual(5);
    });
  });
});
