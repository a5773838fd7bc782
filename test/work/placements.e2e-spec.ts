import { localDate } from '../../src/common/validation/dates';
import { addMonths } from '../../src/placements/placement-rules';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { DAY } from '../support/time';

const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const dayOffset = (n: number) => localDate(new Date(Date.now() + n * DAY));

describe('placements', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let employer: string;
  let employerB: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    employer = (await addEmployer(a, 'Bakkerij De Korenbloem')).id;
    employerB = (await addEmployer(b, 'Bakkerij Elders')).id;
  });
  afterAll(() => t.close());

  async function addEmployer(p: TestPartnership, name: string, kind = 'employer') {
    const res = await as(t, p.auth('coach')).post('/employers', { name, kind, inclusive: false }).expect(201);
    return res.body as { id: string };
  }

  const base = (id: string) => `/trajectories/${id}/placements`;
  const create = (id: string, body: Record<string, unknown>, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).post(base(id), body);
  const list = (id: string, who: StaffKey = 'coach', p = a) => as(t, p.auth(who)).get(base(id));
  const patch = (
    id: string,
    placementId: string,
    version: string | null,
    body: Record<string, unknown>,
    who: StaffKey = 'coach',
    p = a,
  ) => {
    const req = as(t, p.auth(who)).patch(`${base(id)}/${placementId}`);
    if (version !== null) req.set('if-match', version);
    return req.send(body);
  };
  const close = (id: string, body: Record<string, unknown>, p = a) =>
    as(t, p.auth('coach')).post(`/trajectories/${id}/transitions`, {
      to: 'afgesloten',
      at: new Date().toISOString(),
      ...body,
    });
  const placementCount = async (trajectoryId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from placements where trajectory_id = $1`, [
        trajectoryId,
      ])
    )[0].n;

  async function setUp(p = a, startedDaysAgo = 60) {
    const person = await createParticipant(t, p);
    const tr = await startTrajectory(t, p, person.id, 'coach', { startedAt: daysAgo(startedDaysAgo) });
    return { person, tr };
  }

  const job = () => ({
    kind: 'job',
    employerId: employer,
    startDate: dayOffset(-30),
    hoursPerWeek: 30.5,
    contractType: 'fixed_term',
  });

  it('records a placement, lists and gets it, and logs each use', async () => {
    const { person, tr } = await setUp();
    const created = await create(tr.id, { ...job(), endDate: dayOffset(150) }).expect(201);
    expect(created.body).toMatchObject({
      trajectoryId: tr.id,
      participantId: person.id,
      kind: 'job',
      employer: { id: employer, name: 'Bakkerij De Korenbloem' },
      startDate: dayOffset(-30),
      endDate: dayOffset(150),
      hoursPerWeek: 30.5,
      contractType: 'fixed_term',
      exit: false,
      createdBy: a.staff.coach.id,
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    await create(tr.id, {
      kind: 'training',
      startDate: dayOffset(-40),
      hoursPerWeek: 8,
      contractType: 'none',
    }).expect(201);

    const all = await list(tr.id, 'coach2').expect(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, limit: 50 });
    expect(all.body.items.map((x: { kind: string; employer: unknown }) => [x.kind, x.employer])).toEqual([
      ['training', null],
      ['job', { id: employer, name: 'Bakkerij De Korenbloem' }],
    ]);
    const jobs = await as(t, a.auth('coach'))
      .get(`${base(tr.id)}?kind=job`)
      .expect(200);
    expect(jobs.body.items.map((x: { id: string }) => x.id)).toEqual([created.body.id]);
    const one = await as(t, a.auth('coach'))
      .get(`${base(tr.id)}/${created.body.id}`)
      .expect(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.body.hoursPerWeek).toBe(30.5);
    const audit = await t.sql<{ action: string }>(
      `select action from audit_events where participant_id = $1 and resource_type = 'placement' order by id`,
      [person.id],
    );
    expect(audit.map((e) => e.action)).toEqual(['create', 'create', 'list', 'list', 'read']);
  });

  it.each([
    ['an end before the start', { endDate: dayOffset(-31) }, 'PLACEMENT_INVALID'],
    ['a start before the trajectory started', { startDate: dayOffset(-61) }, 'PLACEMENT_INVALID'],
    ['no employer for a job', { employerId: undefined }, 'PLACEMENT_INVALID'],
    ['an employer of another partnership', { employerId: 'B' }, 'EMPLOYER_UNKNOWN'],
    ['zero hours', { hoursPerWeek: 0 }, 'VALIDATION_FAILED'],
    ['61 hours a week', { hoursPerWeek: 61 }, 'VALIDATION_FAILED'],
    ['hours with two decimals', { hoursPerWeek: 19.25 }, 'VALIDATION_FAILED'],
    ['hours as text', { hoursPerWeek: '20' }, 'VALIDATION_FAILED'],
    ['an unknown kind', { kind: 'apprenticeship' }, 'VALIDATION_FAILED'],
    ['an unknown contract type', { contractType: 'zero_hours' }, 'VALIDATION_FAILED'],
    ['an impossible date', { startDate: '2026-02-30' }, 'VALIDATION_FAILED'],
    ['an exit flag from the client', { exit: true }, 'VALIDATION_FAILED'],
  ])('rejects %s with 400 and writes nothing', async (_, change, code) => {
    const { tr } = await setUp();
    const body: Record<string, unknown> = { ...job(), ...change };
    if (body.employerId === 'B') body.employerId = employerB;
    const res = await create(tr.id, body).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (code !== 'VALIDATION_FAILED') expect(res.body.code).toBe(code);
    expect(await placementCount(tr.id)).toBe(0);
  });

  it('changes a placement with If-Match, and refuses bad changes without writing', async () => {
    const { tr } = await setUp();
    const created = (await create(tr.id, job()).expect(201)).body;
    await patch(tr.id, created.id, null, { endDate: dayOffset(10) }).expect(428);
    const ended = await patch(tr.id, created.id, '"1"', { endDate: dayOffset(10), hoursPerWeek: 38 }).expect(
      200,
    );
    expect(ended.headers.etag).toBe('"2"');
    expect(ended.body).toMatchObject({ endDate: dayOffset(10), hoursPerWeek: 38, version: 2 });
    await patch(tr.id, created.id, '"1"', { hoursPerWeek: 20 }).expect(412);
    const bad = await patch(tr.id, created.id, '"2"', { endDate: dayOffset(-31) }).expect(400);
    expect(bad.body.code).toBe('PLACEMENT_INVALID');
    await patch(tr.id, created.id, '"2"', { hoursPerWeek: 70 }).expect(400);
    await patch(tr.id, created.id, '"2"', { kind: null }).expect(400);
    await patch(tr.id, created.id, '"2"', { employerId: employerB }).expect(400);
    // null clears the end date again: the job goes on.
    const reopened = await patch(tr.id, created.id, '"2"', { endDate: null }).expect(200);
    expect(reopened.body).toMatchObject({ endDate: null, version: 3 });
    const rows = await t.sql(
      `select end_date, hours_per_week::float as hours, version from placements where id = $1`,
      [created.id],
    );
    expect(rows).toEqual([{ end_date: null, hours: 38, version: 3 }]);
  });

  describe('an exit with outcome work names its placement', () => {
    it('requires placementId when the trajectory holds running paid work, and closes nothing without it', async () => {
      const { tr } = await setUp();
      const placed = (await create(tr.id, job()).expect(201)).body;
      const res = await close(tr.id, { outcome: 'work' }).expect(400);
      expect(res.body).toMatchObject({ code: 'EXIT_PLACEMENT_REQUIRED', candidatePlacementIds: [placed.id] });
      const rows = await t.sql(`select status from trajectories where id = $1`, [tr.id]);
      expect(rows).toEqual([{ status: 'aanmelding' }]);
    });

    it('refuses a placement that is no paid work, of another trajectory, or with another outcome', async () => {
      const { tr } = await setUp();
      const internship = (
        await create(tr.id, { ...job(), kind: 'internship', contractType: 'none' }).expect(201)
      ).body;
      const other = await setUp();
      const elsewhere = (await create(other.tr.id, job()).expect(201)).body;
      const planned = (await create(tr.id, { ...job(), startDate: dayOffset(7) }).expect(201)).body;
      for (const placementId of [internship.id, elsewhere.id, planned.id]) {
        const res = await close(tr.id, { outcome: 'work', placementId }).expect(400);
        expect(res.body.code).toBe('EXIT_PLACEMENT_INVALID');
      }
      const res = await close(tr.id, { outcome: 'no_result', placementId: internship.id }).expect(400);
      expect(res.body.code).toBe('EXIT_PLACEMENT_NOT_ALLOWED');
      await close(tr.id, { outcome: 'work', placementId: 'not-a-uuid' }).expect(400);
      expect(await t.sql(`select count(*)::int as n from placements where exit`)).toEqual([{ n: 0 }]);
      expect(await t.sql(`select status from trajectories where id = $1`, [tr.id])).toEqual([
        { status: 'aanmelding' },
      ]);
    });

    it('links the named job; the job stays editable after closing, but stays paid work', async () => {
      const { tr } = await setUp();
      const placed = (await create(tr.id, job()).expect(201)).body;
      const closed = await close(tr.id, { outcome: 'work', placementId: placed.id }).expect(200);
      expect(closed.body).toMatchObject({ status: 'afgesloten', outcome: 'work' });
      const after = await as(t, a.auth('coach'))
        .get(`${base(tr.id)}/${placed.id}`)
        .expect(200);
      expect(after.body.exit).toBe(true);
      const logged = await t.sql<{ details: unknown }>(
        `select details from audit_events where resource_id = $1 and action = 'update'`,
        [placed.id],
      );
      expect(logged).toEqual([{ details: { trajectoryId: tr.id, exit: true } }]);
      const res = await patch(tr.id, placed.id, '"1"', { kind: 'volunteering' }).expect(409);
      expect(res.body.code).toBe('PLACEMENT_IS_EXIT');
      // Months later: the job ended. The end date is recorded on the closed trajectory.
      const ended = await patch(tr.id, placed.id, '"1"', { endDate: dayOffset(60) }).expect(200);
      expect(ended.body).toMatchObject({ endDate: dayOffset(60), exit: true, version: 2 });
    });

    it('lets an old client close with outcome work when no placement was recorded', async () => {
      const { tr } = await setUp();
      await close(tr.id, { outcome: 'work' }).expect(200);
      // ... and when the only placement had ended before the exit.
      const other = await setUp();
      await create(other.tr.id, { ...job(), startDate: dayOffset(-50), endDate: dayOffset(-20) }).expect(201);
      await close(other.tr.id, { outcome: 'work' }).expect(200);
    });
  });

  it('counts sustainable exits to work in the quarterly report', async () => {
    const c = await createPartnership(t, 'C');
    const cEmployer = (await addEmployer(c, 'Schoonmaak Noord')).id;
    const report = async () =>
      (
        await as(t, c.auth('coordinator'))
          .get('/reports/quarterly', {
            query: { year: new Date().getFullYear(), quarter: Math.floor(new Date().getMonth() / 3) + 1 },
          })
          .expect(200)
      ).body.sustainableWork;
    // Trajectories and jobs that start today and close today: all in this quarter.
    const cases = [
      // A permanent job without an end: sustainable.
      { startDate: dayOffset(0), endDate: undefined, contractType: 'permanent' },
      // A fixed-term job of exactly 4 months: sustainable.
      { startDate: dayOffset(0), endDate: addMonths(dayOffset(0), 4), contractType: 'fixed_term' },
      // A two-month interim job: not sustainable.
      { startDate: dayOffset(0), endDate: dayOffset(61), contractType: 'interim' },
    ];
    for (const x of cases) {
      const { tr } = await setUp(c, 0);
      const placed = (
        await create(
          tr.id,
          { kind: 'job', employerId: cEmployer, hoursPerWeek: 38, ...x },
          'coach',
          c,
        ).expect(201)
      ).body;
      await close(tr.id, { outcome: 'work', placementId: placed.id }, c).expect(200);
    }
    // An old client's exit to work, without a placement.
    const old = await setUp(c, 0);
    await close(old.tr.id, { outcome: 'work' }, c).expect(200);

    const figures = await report();
    expect(figures).toMatchObject({
      exitsToWork: 4,
      withPlacement: 3,
      withoutPlacement: 1,
      sustainable: 2,
      shareOfExitsToWork: 0.5,
    });
    expect(figures.definition).toContain('at least 4 months');
  });

  it('is in the subject export', async () => {
    const { person, tr } = await setUp();
    await create(tr.id, job()).expect(201);
    const res = await as(t, a.auth('coach')).get(`/participants/${person.id}/export`).expect(200);
    expect(res.body.placements).toMatchObject([
      {
        trajectoryId: tr.id,
        kind: 'job',
        employer: 'Bakkerij De Korenbloem',
        startDate: dayOffset(-30),
        endDate: null,
        hoursPerWeek: 30.5,
        contractType: 'fixed_term',
        exit: false,
      },
    ]);
  });

  it('answers 401, 403 for roles without the right, and 404 outside the grant or the partnership', async () => {
    const { tr } = await setUp();
    const created = (await create(tr.id, job()).expect(201)).body;
    await t.http().get(base(tr.id)).expect(401);
    await create(tr.id, job(), 'coordinator').expect(403);
    await create(tr.id, job(), 'spocVdab').expect(403);
    await create(tr.id, job(), 'admin').expect(403);
    await patch(tr.id, created.id, '"1"', { hoursPerWeek: 10 }, 'coordinator').expect(403);
    await list(tr.id, 'admin').expect(403);
    // Another organisation without a grant on this participant: as if it did not exist.
    await list(tr.id, 'spocOcmw').expect(404);
    await list(tr.id, 'coachCaw').expect(404);
    await create(tr.id, job(), 'coachCaw').expect(404);
    await patch(tr.id, created.id, '"1"', { hoursPerWeek: 10 }, 'coachCaw').expect(404);
    await as(t, a.auth('coachCaw'))
      .get(`${base(tr.id)}/${created.id}`)
      .expect(404);
    // Another partnership.
    await list(tr.id, 'coach', b).expect(404);
    await create(tr.id, { ...job(), employerId: employerB }, 'coach', b).expect(404);
    await patch(tr.id, created.id, '"1"', { hoursPerWeek: 10 }, 'coach', b).expect(404);
    // A placement id under another trajectory is not found there.
    const other = await setUp();
    await patch(other.tr.id, created.id, '"1"', { hoursPerWeek: 10 }).expect(404);
    await as(t, a.auth('coach'))
      .get(`${base(other.tr.id)}/${created.id}`)
      .expect(404);
    expect(
      await t.sql(`select hours_per_week::float as h, version from placements where id = $1`, [created.id]),
    ).toEqual([{ h: 30.5, version: 1 }]);
  });
});
