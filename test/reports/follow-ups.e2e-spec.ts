import { localDate } from '../../src/common/validation/dates';
import { codeOf } from '../../src/reports/esf-indicators';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { insertParticipant, insertTrajectory } from './report-fixtures';
import { as } from '../support/api';

describe('follow-ups after leaving', () => {
  let t: TestApp;
  // Every date is counted from the injected clock, the one the server uses, never from the test's own
  // Date.now(), so the windows hold on any day (31 January, 29 February, 31 December) and after t.clock.travel.
  const now = () => t.clock.now().getTime();
  const daysAgo = (n: number) => new Date(now() - n * 86400_000);
  /** At 10:00 UTC `months` calendar months and `plusDays` days ago; a day the month lacks becomes its last, as in PostgreSQL. */
  const monthsAgo = (months: number, plusDays = 0) => {
    const today = new Date(now());
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1, 10));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    first.setUTCDate(Math.min(today.getUTCDate(), last) - plusDays);
    return first;
  };
  let a: TestPartnership;
  let b: TestPartnership;
  const id: Record<string, string> = {};
  const tr: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    id.recent = await insertParticipant(t, a, { gender: 'male' });
    tr.recent = await insertTrajectory(t, a, id.recent, {
      started_at: daysAgo(200).toISOString(),
      intake_at: daysAgo(200).toISOString(), // an ESF participant from intake (issue 13, rule 2)
      closed_at: daysAgo(10).toISOString(),
      outcome: 'no_result',
    });
    id.sixMonths = await insertParticipant(t, a);
    // Left six months and ten days ago: the six-month window (± 4 weeks) is open.
    tr.sixMonths = await insertTrajectory(t, a, id.sixMonths, {
      started_at: monthsAgo(12).toISOString(),
      intake_at: monthsAgo(12).toISOString(),
      closed_at: monthsAgo(6, 10).toISOString(),
      outcome: 'work',
      case_manager: 'coach2',
    });
    id.open = await insertParticipant(t, a);
    tr.open = await insertTrajectory(t, a, id.open, { started_at: daysAgo(30).toISOString() });
    id.other = await insertParticipant(t, b);
    tr.other = await insertTrajectory(t, b, id.other, {
      started_at: daysAgo(100).toISOString(),
      intake_at: daysAgo(100).toISOString(),
      closed_at: daysAgo(5).toISOString(),
      outcome: 'no_result',
    });
  });
  afterAll(() => t.close());

  const post = (
    trajectoryId: string,
    body: Record<string, unknown>,
    who: Parameters<TestPartnership['auth']>[0] = 'coach',
    p = a,
  ) => as(t, p.auth(who)).post(`/trajectories/${trajectoryId}/follow-ups`, body);
  const due = (who: Parameters<TestPartnership['auth']>[0] = 'coordinator', p = a) =>
    as(t, p.auth(who)).get('/reports/follow-ups-due');

  it('lists who to contact and when: the open four-week and six-month windows', async () => {
    const res = await due().expect(200);
    const exitRecent = localDate(daysAgo(10));
    // Ordered by due date: the six-month contact (due ten days ago) before the four-week one.
    expect(res.body.items).toEqual([
      expect.objectContaining({
        participantId: id.sixMonths,
        window: 'six_months',
        status: 'open',
        exitDate: localDate(monthsAgo(6, 10)),
      }),
      expect.objectContaining({
        participantId: id.recent,
        trajectoryId: tr.recent,
        window: 'upon_leaving',
        exitDate: exitRecent,
        contactFrom: exitRecent,
        contactBy: localDate(new Date(daysAgo(10).getTime() + 28 * 86400_000)),
        status: 'open',
        caseManager: { id: a.staff.coach.id, name: a.staff.coach.name },
      }),
    ]);
    expect(res.body.total).toBe(2);
    expect(res.body.items.every((i: Record<string, unknown>) => !('firstName' in i))).toBe(true);
  });

  it('records a follow-up, which takes the participant off the due list and counts in the ESF+ results', async () => {
    const at = localDate(daysAgo(2));
    const res = await post(tr.recent, {
      at,
      situation: 'job_searching',
      note: 'Ingeschreven bij VDAB',
    }).expect(201);
    expect(res.body).toMatchObject({
      trajectoryId: tr.recent,
      participantId: id.recent,
      at,
      situation: 'job_searching',
      improvedSituation: null,
      recordedBy: a.staff.coach.id,
    });
    const list = await due().expect(200);
    expect(list.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([id.sixMonths]);
    const today = localDate(t.clock.now());
    const esf = await as(t, a.auth('coordinator'))
      .get('/reports/esf', { query: { from: localDate(daysAgo(30)), to: today } })
      .expect(200);
    const jobSearching = esf.body.results.find(
      (r: { code: string }) => r.code === codeOf('job_searching_upon_leaving'),
    );
    expect(jobSearching.value).toEqual({ female: 0, male: 1, nonbinary: 0, total: 1 });
    const audit = await t.sql(
      `select 1 from audit_events where resource_type = 'follow_up' and participant_id = $1`,
      [id.recent],
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses a follow-up on an open trajectory (409), before the exit or in the future (400), or with a bad situation (400)', async () => {
    expect(
      (await post(tr.open, { at: localDate(t.clock.now()), situation: 'employed' }).expect(409)).body.code,
    ).toBe('FOLLOW_UP_BEFORE_EXIT');
    expect(
      (await post(tr.recent, { at: localDate(daysAgo(11)), situation: 'employed' }).expect(400)).body.code,
    ).toBe('FOLLOW_UP_DATE_BEFORE_EXIT');
    expect(
      (
        await post(tr.recent, {
          at: localDate(new Date(now() + 3 * 86400_000)),
          situation: 'employed',
        }).expect(400)
      ).body.code,
    ).toBe('DATE_IN_FUTURE');
    await post(tr.recent, { at: localDate(daysAgo(1)), situation: 'retired' }).expect(400);
    await post(tr.recent, { at: 'yesterday', situation: 'employed' }).expect(400);
  });

  it('is 401 without a token, 403 for a coordinator, 404 for another organisation or partnership', async () => {
    await t
      .http()
      .post(`/trajectories/${tr.recent}/follow-ups`)
      .send({ at: localDate(daysAgo(1)), situation: 'employed' })
      .expect(401);
    await post(tr.recent, { at: localDate(daysAgo(1)), situation: 'employed' }, 'coordinator').expect(403);
    await post(tr.recent, { at: localDate(daysAgo(1)), situation: 'employed' }, 'coachIntro').expect(404);
    await post(tr.other, { at: localDate(daysAgo(1)), situation: 'employed' }, 'coach', a).expect(404);
    const count = await t.sql<{ n: number }>(`select count(*)::int as n from follow_ups`);
    expect(count[0].n).toBe(1);
  });

  it('shows the due list to coordinators only, per partnership', async () => {
    await due('coach').expect(403);
    await t.http().get('/reports/follow-ups-due').expect(401);
    const other = await due('coordinator', b).expect(200);
    expect(other.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([id.other]);
  });
});
