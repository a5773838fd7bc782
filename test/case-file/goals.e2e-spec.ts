import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { daysAgo } from '../support/time';

describe('goals', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const base = (id: string) => `/trajectories/${id}/goals`;
  const create = (id: string, body: Record<string, unknown>, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).post(base(id), body);
  const patch = (
    id: string,
    goalId: string,
    version: string | null,
    body: Record<string, unknown>,
    who: StaffKey = 'coach',
    p = a,
  ) => {
    const req = as(t, p.auth(who)).patch(`${base(id)}/${goalId}`);
    if (version !== null) req.set('if-match', version);
    return req.send(body);
  };
  const goalCount = async (trajectoryId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from goals where trajectory_id = $1`, [
        trajectoryId,
      ])
    )[0].n;

  async function setUp() {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: daysAgo(30) });
    return { p, tr };
  }

  const goal = {
    lifeDomain: 'mobility',
    title: 'Rijbewijs B halen',
    targetDate: '2026-09-30',
    steps: [
      { title: 'Theorie-examen', done: true, doneAt: '2026-01-15T10:00:00Z' },
      { title: 'Rijlessen plannen', done: false },
    ],
  };

  it('creates a goal with dated steps, lists and gets it', async () => {
    const { p, tr } = await setUp();
    const created = await create(tr.id, goal).expect(201);
    expect(created.body).toMatchObject({
      trajectoryId: tr.id,
      participantId: p.id,
      lifeDomain: 'mobility',
      title: 'Rijbewijs B halen',
      targetDate: '2026-09-30',
      status: 'open',
      createdBy: a.staff.coach.id,
      version: 1,
      steps: [
        { title: 'Theorie-examen', done: true, doneAt: '2026-01-15T10:00:00.000Z' },
        { title: 'Rijlessen plannen', done: false, doneAt: null },
      ],
    });
    expect(created.headers.etag).toBe('"1"');
    await create(tr.id, {
      lifeDomain: 'work',
      title: 'Job als magazijnier',
      targetDate: '2026-12-31',
    }).expect(201);

    const list = await as(t, a.auth('coach2')).get(base(tr.id)).expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, limit: 50 });
    expect(list.body.items.map((g: { title: string }) => g.title)).toEqual([
      'Rijbewijs B halen',
      'Job als magazijnier',
    ]);
    const filtered = await as(t, a.auth('coach'))
      .get(`${base(tr.id)}?lifeDomain=work`)
      .expect(200);
    expect(filtered.body.items.map((g: { title: string }) => g.title)).toEqual(['Job als magazijnier']);

    const one = await as(t, a.auth('coach'))
      .get(`${base(tr.id)}/${created.body.id}`)
      .expect(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.body.title).toBe('Rijbewijs B halen');
    const audit = await t.sql<{ action: string }>(
      `select action from audit_events where participant_id = $1 and resource_type = 'goal' order by id`,
      [p.id],
    );
    expect(audit.map((e) => e.action)).toEqual(['create', 'create', 'list', 'list', 'read']);
  });

  it('dates a status change and logs every change with old and new values', async () => {
    const { tr } = await setUp();
    const created = (await create(tr.id, goal).expect(201)).body;
    await patch(tr.id, created.id, null, { status: 'achieved' }).expect(428);

    t.clock.travel(3 * 86400_000);
    try {
      const steps = [
        { title: 'Theorie-examen', done: true },
        { title: 'Rijlessen plannen', done: true },
      ];
      const done = await patch(tr.id, created.id, '"1"', { status: 'achieved', steps }).expect(200);
      expect(done.headers.etag).toBe('"2"');
      expect(done.body.status).toBe('achieved');
      const changedAt = new Date(done.body.statusChangedAt).getTime();
      expect(changedAt - new Date(created.statusChangedAt).getTime()).toBeGreaterThanOrEqual(
        3 * 86400_000 - 5000,
      );
      // The old step keeps its date; the newly ticked one is dated now (the moved clock).
      expect(done.body.steps[0].doneAt).toBe('2026-01-15T10:00:00.000Z');
      expect(new Date(done.body.steps[1].doneAt).getTime()).toBe(changedAt);

      await patch(tr.id, created.id, '"1"', { title: 'Rijbewijs' }).expect(412);
      const retitled = await patch(tr.id, created.id, '"2"', { title: 'Rijbewijs B' }).expect(200);
      expect(retitled.body.statusChangedAt).toBe(done.body.statusChangedAt);
    } finally {
      t.clock.reset();
    }

    const rows = await t.sql<{ status: string; version: number }>(
      `select status, version from goals where id = $1`,
      [created.id],
    );
    expect(rows).toEqual([{ status: 'achieved', version: 3 }]);
    const audit = await t.sql<{ details: { changes: Record<string, { from: unknown; to: unknown }> } }>(
      `select audit_open_details(e) as details from audit_events e where resource_id = $1 and action = 'update' order by id`,
      [created.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[0].details.changes.status).toEqual({ from: 'open', to: 'achieved' });
    expect(audit[0].details.changes.steps.from).toEqual(created.steps);
    expect(audit[0].details.changes).not.toHaveProperty('title');
    expect(audit[1].details.changes).toEqual({ title: { from: 'Rijbewijs B halen', to: 'Rijbewijs B' } });
  });

  it('lets exactly one of two PATCHes of the same version through', async () => {
    const { tr } = await setUp();
    const created = (await create(tr.id, goal).expect(201)).body;
    const results = await Promise.all([
      patch(tr.id, created.id, '"1"', { status: 'dropped' }),
      patch(tr.id, created.id, '"1"', { status: 'achieved' }, 'coach2'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('lets a co-coach of another partner write goals', async () => {
    const { tr } = await setUp();
    await create(tr.id, goal, 'coachIntro').expect(404);
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachIntro.id })
      .expect(201);
    const created = await create(
      tr.id,
      { ...goal, title: 'Nederlands A2', lifeDomain: 'language' },
      'coachIntro',
    ).expect(201);
    expect(created.body.createdBy).toBe(a.staff.coachIntro.id);
    await patch(tr.id, created.body.id, '"1"', { targetDate: '2026-10-15' }, 'coachIntro').expect(200);
  });

  it.each([
    ['an unknown life domain', { ...goal, lifeDomain: 'money' }],
    ['an impossible target date', { ...goal, targetDate: '2026-02-30' }],
    ['no title', { ...goal, title: '  ' }],
    ['an unknown status field on create', { ...goal, status: 'achieved' }],
    [
      'a step dated in the future',
      { ...goal, steps: [{ title: 'x', done: true, doneAt: '2999-01-01T00:00:00Z' }] },
    ],
    [
      'a date on an open step',
      { ...goal, steps: [{ title: 'x', done: false, doneAt: '2026-01-01T00:00:00Z' }] },
    ],
    ['a step without done', { ...goal, steps: [{ title: 'x' }] }],
  ])('rejects a goal with %s with 400 and writes nothing', async (_, body) => {
    const { tr } = await setUp();
    await create(tr.id, body).expect(400);
    expect(await goalCount(tr.id)).toBe(0);
  });

  it('rejects a bad PATCH with 400 and keeps the goal as it was', async () => {
    const { tr } = await setUp();
    const created = (await create(tr.id, goal).expect(201)).body;
    await patch(tr.id, created.id, '"1"', { status: 'finished' }).expect(400);
    await patch(tr.id, created.id, '"1"', { status: null }).expect(400);
    await patch(tr.id, created.id, '"1"', { title: 'x', participantId: a.id }).expect(400);
    const rows = await t.sql(`select title, status, version from goals where id = $1`, [created.id]);
    expect(rows).toEqual([{ title: 'Rijbewijs B halen', status: 'open', version: 1 }]);
  });

  it('refuses new goals on a closed trajectory', async () => {
    const { tr } = await setUp();
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/transitions`, { to: 'afgesloten', at: daysAgo(1), outcome: 'no_result' })
      .expect(200);
    const res = await create(tr.id, goal).expect(409);
    expect(res.body.code).toBe('TRAJECTORY_CLOSED');
  });

  it('answers 401, 403 for roles without the right, and 404 outside the grant or the partnership', async () => {
    const { tr } = await setUp();
    const created = (await create(tr.id, goal).expect(201)).body;
    await t.http().get(base(tr.id)).expect(401);
    await create(tr.id, goal, 'spocVdab').expect(403);
    await create(tr.id, goal, 'admin').expect(403);
    await patch(tr.id, created.id, '"1"', { status: 'dropped' }, 'coordinator').expect(403);
    await as(t, a.auth('admin')).get(base(tr.id)).expect(403);
    await as(t, a.auth('spocOcmw')).get(base(tr.id)).expect(404);
    await as(t, a.auth('coachCaw')).get(base(tr.id)).expect(404);
    await patch(tr.id, created.id, '"1"', { status: 'dropped' }, 'coachCaw').expect(404);
    await as(t, b.auth('coach')).get(base(tr.id)).expect(404);
    await create(tr.id, goal, 'coach', b).expect(404);
    await patch(tr.id, created.id, '"1"', { status: 'dropped' }, 'coach', b).expect(404);
    // A goal id under another trajectory is not found there.
    const other = await setUp();
    await patch(other.tr.id, created.id, '"1"', { status: 'dropped' }).expect(404);
    expect(await goalCount(tr.id)).toBe(1);
  });
});
