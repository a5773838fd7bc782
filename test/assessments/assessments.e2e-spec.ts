import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { assessmentsApi, daysAgo, scores } from './helpers';
import { as } from '../support/api';

describe('POST/GET /trajectories/{id}/assessments', () => {
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

  const baseline = (overrides: Record<string, unknown> = {}) => ({
    instrument: 'empowerment',
    kind: 'baseline',
    takenAt: daysAgo(100),
    scores: scores(4),
    ...overrides,
  });
  const count = async (trajectoryId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from assessments where trajectory_id = $1`, [
        trajectoryId,
      ])
    )[0].n;

  it('records a baseline and a review, and lists them with the disagreement where the participant scored', async () => {
    // Started on a fixed day before the fixed measurement dates, not "400 days ago": true on any date.
    const { participantId, trajectoryId } = await api.trajectory({ startedAt: '2025-06-01T09:00:00Z' });
    const first = await api
      .post(
        trajectoryId,
        baseline({ note: 'Eerste gesprek', participantPresent: true, takenAt: '2026-01-15T10:00:00Z' }),
      )
      .expect(201);
    expect(first.body).toMatchObject({
      trajectoryId,
      participantId,
      instrument: { key: 'empowerment', version: 1 },
      kind: 'baseline',
      takenAt: '2026-01-15T10:00:00.000Z',
      scores: scores(4),
      participantScores: null,
      disagreement: null,
      note: 'Eerste gesprek',
      participantPresent: true,
      assessedBy: a.staff.coach.id,
    });
    const review = await api
      .post(trajectoryId, {
        instrument: 'empowerment',
        version: 1,
        kind: 'review',
        takenAt: '2026-04-15T10:00:00Z',
        scores: scores(5, 6, 4, 3, 4, 5),
        participantScores: scores(7, 6, 5, 3, 2, 5),
      })
      .expect(201);
    expect(review.body.disagreement).toEqual([
      { dimension: 'competentie', coach: 5, participant: 7, difference: 2, flagged: true },
      { dimension: 'zelfbeschikking', coach: 6, participant: 6, difference: 0, flagged: false },
      { dimension: 'impact', coach: 4, participant: 5, difference: 1, flagged: false },
      { dimension: 'betekenis', coach: 3, participant: 3, difference: 0, flagged: false },
      { dimension: 'positieve_identiteit', coach: 4, participant: 2, difference: -2, flagged: true },
      { dimension: 'groepsorientatie', coach: 5, participant: 5, difference: 0, flagged: false },
    ]);
    await api
      .post(trajectoryId, baseline({ instrument: 'release_scale', scores: { release: 3 } }))
      .expect(201);

    const list = await api.get(`${api.base(trajectoryId)}?instrument=empowerment`, 'coach2').expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, limit: 50 });
    expect(list.body.items.map((x: { kind: string }) => x.kind)).toEqual(['baseline', 'review']);
    expect(list.body.items[0].disagreement).toBeNull();
    expect(list.body.items[1].disagreement[0]).toMatchObject({ dimension: 'competentie', flagged: true });
    const all = await api.get(api.base(trajectoryId)).expect(200);
    expect(all.body.items.map((x: { instrument: { key: string } }) => x.instrument.key)).toEqual([
      'empowerment',
      'empowerment',
      'release_scale',
    ]);

    const [row] = await t.sql<{ instrument_key: string; scores: unknown; assessed_by: string }>(
      `select instrument_key, scores, assessed_by from assessments where id = $1`,
      [review.body.id],
    );
    expect(row).toEqual({
      instrument_key: 'empowerment',
      scores: scores(5, 6, 4, 3, 4, 5),
      assessed_by: a.staff.coach.id,
    });
    const audit = await t.sql<{ action: string; actor_id: string }>(
      `select action, actor_id from audit_events where participant_id = $1 and resource_type = 'assessment' order by id`,
      [participantId],
    );
    expect(audit.map((e) => e.action)).toEqual(['create', 'create', 'create', 'list', 'list']);
    expect(audit[3].actor_id).toBe(a.staff.coach2.id);
  });

  describe('bad input', () => {
    it.each([
      ['an out-of-scale score', { scores: { ...scores(4), impact: 11 } }, ['scores.impact']],
      ['a missing dimension', { scores: { ...scores(4), competentie: undefined } }, ['scores.competentie']],
      [
        'two failing dimensions',
        { scores: { ...scores(4), betekenis: 0, groepsorientatie: 4.5 } },
        ['scores.betekenis', 'scores.groepsorientatie'],
      ],
      ['an unknown dimension', { scores: { ...scores(4), zelfvertrouwen: 5 } }, ['scores.zelfvertrouwen']],
      [
        "a participant's score out of scale",
        { participantScores: { ...scores(4), betekenis: 12 } },
        ['participantScores.betekenis'],
      ],
      [
        'a score on the release scale above 10',
        { instrument: 'release_scale', scores: { release: 11 } },
        ['scores.release'],
      ],
    ])('refuses %s with 400 naming the dimension, and writes nothing', async (_, overrides, fields) => {
      const { trajectoryId } = await api.trajectory();
      const res = await api.post(trajectoryId, baseline(overrides)).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('ASSESSMENT_SCORES_INVALID');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
      expect(await count(trajectoryId)).toBe(0);
    });

    it.each([
      ['a takenAt in the future', { takenAt: daysAgo(-2) }, 'DATE_IN_FUTURE'],
      ['a takenAt before the trajectory started', { takenAt: daysAgo(500) }, 'ASSESSMENT_BEFORE_START'],
      ['an unknown instrument', { instrument: 'werkfit' }, 'ASSESSMENT_INSTRUMENT_UNKNOWN'],
      ['an unknown version', { version: 7 }, 'ASSESSMENT_INSTRUMENT_UNKNOWN'],
      ['an unknown kind', { kind: 'intake' }, 'VALIDATION_FAILED'],
      ['scores that are not an object', { scores: [4, 4, 4, 4, 4, 4] }, 'VALIDATION_FAILED'],
      ['no takenAt', { takenAt: undefined }, 'VALIDATION_FAILED'],
      ['an unknown field', { assessedBy: 'someone' }, 'VALIDATION_FAILED'],
    ])('refuses %s with 400 %s', async (_, overrides, code) => {
      const { trajectoryId } = await api.trajectory();
      const res = await api.post(trajectoryId, baseline(overrides)).expect(400);
      expect(res.body.code).toBe(code);
      expect(await count(trajectoryId)).toBe(0);
    });

    it('refuses a review dated before the baseline', async () => {
      const { trajectoryId } = await api.trajectory();
      await api.post(trajectoryId, baseline({ takenAt: daysAgo(50) })).expect(201);
      const res = await api
        .post(trajectoryId, baseline({ kind: 'review', takenAt: daysAgo(60) }))
        .expect(400);
      expect(res.body.code).toBe('ASSESSMENT_BEFORE_BASELINE');
    });
  });

  describe('the order of measurements', () => {
    it('allows one baseline per instrument: a second one is 409, another instrument is fine', async () => {
      const { trajectoryId } = await api.trajectory();
      await api.post(trajectoryId, baseline()).expect(201);
      const again = await api.post(trajectoryId, baseline({ takenAt: daysAgo(90) }), 'coach2').expect(409);
      expect(again.body.code).toBe('ASSESSMENT_BASELINE_EXISTS');
      await api
        .post(trajectoryId, baseline({ instrument: 'release_scale', scores: { release: 2 } }))
        .expect(201);
      expect(await count(trajectoryId)).toBe(2);
    });

    it('lets exactly one of two simultaneous baselines through', async () => {
      const { trajectoryId } = await api.trajectory();
      const results = await Promise.all([
        api.post(trajectoryId, baseline()),
        api.post(trajectoryId, baseline({ scores: scores(5) }), 'coach2'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('ASSESSMENT_BASELINE_EXISTS');
      expect(await count(trajectoryId)).toBe(1);
    });

    it('needs a baseline before a review', async () => {
      const { trajectoryId } = await api.trajectory();
      const res = await api.post(trajectoryId, baseline({ kind: 'review' })).expect(409);
      expect(res.body.code).toBe('ASSESSMENT_BASELINE_REQUIRED');
      expect(await count(trajectoryId)).toBe(0);
    });

    it('allows an exit assessment only in aftercare or once closed', async () => {
      const { trajectoryId } = await api.trajectory({ guidanceAt: daysAgo(200) });
      await api.post(trajectoryId, baseline()).expect(201);
      const early = await api
        .post(trajectoryId, baseline({ kind: 'exit', takenAt: daysAgo(10) }))
        .expect(409);
      expect(early.body.code).toBe('ASSESSMENT_EXIT_NOT_ALLOWED');
      await api.move(trajectoryId, 'nazorg', daysAgo(5));
      const exit = await api.post(trajectoryId, baseline({ kind: 'exit', takenAt: daysAgo(4) })).expect(201);
      expect(exit.body.kind).toBe('exit');
      await api.move(trajectoryId, 'afgesloten', daysAgo(1), 'coach', { outcome: 'work' });
      await api
        .post(trajectoryId, baseline({ instrument: 'release_scale', kind: 'exit', scores: { release: 9 } }))
        .expect(201);
    });
  });

  it('makes one assessment of two posts with one Idempotency-Key', async () => {
    const { trajectoryId } = await api.trajectory();
    const body = baseline();
    const send = () =>
      as(t, a.auth('coach')).post(api.base(trajectoryId), body, { idempotencyKey: `assess-${trajectoryId}` });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await count(trajectoryId)).toBe(1);
  });

  describe('access', () => {
    it('answers 401 without a token', async () => {
      const { trajectoryId } = await api.trajectory();
      await t.http().post(api.base(trajectoryId)).send(baseline()).expect(401);
      await t.http().get(api.base(trajectoryId)).expect(401);
    });

    it('answers 403 to a role without the permission', async () => {
      const { trajectoryId } = await api.trajectory();
      expect((await api.post(trajectoryId, baseline(), 'coordinator').expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      await api.get(api.base(trajectoryId), 'spocVdab').expect(403);
      await api.get(api.base(trajectoryId), 'admin').expect(403);
    });

    it('answers 404 to another organisation without a grant and to another partnership', async () => {
      const { trajectoryId } = await api.trajectory();
      await api.post(trajectoryId, baseline()).expect(201);
      await api.post(trajectoryId, baseline(), 'coachCaw').expect(404);
      await api.get(api.base(trajectoryId), 'coachCaw').expect(404);
      await api.get(api.base(trajectoryId), 'coordinator').expect(404);
      await api.post(trajectoryId, baseline(), 'coach', b).expect(404);
      await api.get(api.base(trajectoryId), 'coach', b).expect(404);
    });

    it('answers 403 SCOPE_INSUFFICIENT to a summary-scope grant', async () => {
      const { participantId, trajectoryId } = await api.trajectory();
      await api.grant(participantId, a.orgs.intro.id, 'summary');
      await as(t, a.auth('coachIntro')).get(`/trajectories/${trajectoryId}`).expect(200);
      const read = await api.get(api.base(trajectoryId), 'coachIntro').expect(403);
      expect(read.body.code).toBe('SCOPE_INSUFFICIENT');
      const write = await api.post(trajectoryId, baseline(), 'coachIntro').expect(403);
      expect(write.body.code).toBe('SCOPE_INSUFFICIENT');
    });

    it('lets a co-coach of another organisation score and read', async () => {
      const { trajectoryId } = await api.trajectory();
      await as(t, a.auth('coach'))
        .post(`/trajectories/${trajectoryId}/co-coaches`, { staffId: a.staff.coachIntro.id })
        .expect(201);
      const created = await api.post(trajectoryId, baseline(), 'coachIntro').expect(201);
      expect(created.body.assessedBy).toBe(a.staff.coachIntro.id);
      expect((await api.get(api.base(trajectoryId), 'coachIntro').expect(200)).body.total).toBe(1);
    });

    it('keeps the rows behind RLS: a raw query without a grant sees none', async () => {
      const { trajectoryId } = await api.trajectory();
      await api.post(trajectoryId, baseline()).expect(201);
      const seen = (staffId: string) =>
        t.db.runAsStaff({ tenantId: a.id, staffId, requestId: 'test' }, () =>
          t.db.manager.query(`select id from assessments where trajectory_id = $1`, [trajectoryId]),
        );
      expect(await seen(a.staff.coach.id)).toHaveLength(1);
      expect(await seen(a.staff.coachCaw.id)).toHaveLength(0);
      expect(await seen(a.staff.coordinator.id)).toHaveLength(0);
    });
  });

  it('states the permission of every assessments operation in OpenAPI', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const permissions = Object.fromEntries(
      Object.entries(doc.paths as Record<string, Record<string, { 'x-permission': string }>>)
        .filter(([path]) => path.includes('assessments'))
        .map(([path, ops]) => [
          path,
          Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, op['x-permission']])),
        ]),
    );
    expect(permissions).toEqual({
      '/trajectories/{id}/assessments': { get: 'assessment.read', post: 'assessment.write' },
      '/trajectories/{id}/assessments/due': { get: 'assessment.read' },
      '/trajectories/{id}/assessments/progress': { get: 'assessment.read' },
      '/trajectories/{id}/assessments/star.svg': { get: 'assessment.read' },
      '/trajectories/{id}/assessments/star.png': { get: 'assessment.read' },
      '/trajectories/{id}/assessments/release.svg': { get: 'assessment.read' },
      '/trajectories/{id}/assessments/release.png': { get: 'assessment.read' },
      '/assessments/overdue': { get: 'assessment.read' },
      '/assessments/progress': { get: 'report.read' },
    });
  });
});
