import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { api, giveConsent } from './helpers';

const DAY = 86400_000;

describe('GET /me/agenda', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let A: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    A = api(t, a);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  it("gathers a caller's open referrals, case-meeting actions, upcoming meetings and sessions, and drops what is done", async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    await giveConsent(t, a, p.id, 'vdab_exchange');
    // A future meeting: the participant is discussed on their case_meeting consent, not on presence.
    await giveConsent(t, a, p.id, 'case_meeting');
    const referral = await A.post('/referrals', 'coach', {
      direction: 'outbound',
      target: 'vdab',
      kind: 'bit_evaluation',
      participantId: p.id,
      assignedSpocId: a.staff.spocVdab.id,
      dueAt: new Date(Date.now() + DAY).toISOString(),
    }).expect(201);
    const meeting = await A.post('/case-meetings', 'coach', {
      teamId: a.teams[0].id,
      scheduledAt: new Date(Date.now() + 3 * DAY).toISOString(),
      location: 'Rabot',
      attendeeIds: [a.staff.spocVdab.id],
    }).expect(201);
    const item = await A.post(`/case-meetings/${meeting.body.id}/items`, 'coach', {
      trajectoryId: tr.id,
      actions: [
        {
          description: 'BIT inplannen',
          ownerStaffId: a.staff.spocVdab.id,
          dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
        },
      ],
    }).expect(201);
    const session = await A.post('/group-sessions', 'expertise', {
      theme: 'Werken in de haven',
      tag: 'sector_info',
      at: new Date(Date.now() + DAY).toISOString(),
      durationMinutes: 90,
      location: 'Muide',
    }).expect(201);

    const spoc = await A.get('/me/agenda', 'spocVdab').expect(200);
    expect(spoc.body.referrals).toEqual([
      expect.objectContaining({
        id: referral.body.id,
        state: 'submitted',
        participantId: p.id,
        overdue: false,
      }),
    ]);
    expect(spoc.body.caseMeetingActions).toEqual([
      expect.objectContaining({ id: item.body.actions[0].id, description: 'BIT inplannen', overdue: false }),
    ]);
    expect(spoc.body.caseMeetings).toEqual([
      expect.objectContaining({ id: meeting.body.id, location: 'Rabot' }),
    ]);
    expect(spoc.body.groupSessions).toEqual([]);
    expect(spoc.body).not.toHaveProperty('empowermentReviews');

    const expertise = await A.get('/me/agenda', 'expertise').expect(200);
    expect(expertise.body.groupSessions).toEqual([
      expect.objectContaining({ id: session.body.id, theme: 'Werken in de haven' }),
    ]);
    expect(expertise.body.referrals).toEqual([]);

    // Two days on: the referral is overdue, the session has passed.
    t.clock.travel(2 * DAY);
    const later = await A.get('/me/agenda', 'spocVdab').expect(200);
    expect(later.body.referrals[0].overdue).toBe(true);
    expect((await A.get('/me/agenda', 'expertise').expect(200)).body.groupSessions).toEqual([]);

    await A.post(`/referrals/${referral.body.id}/transitions`, 'spocVdab', {
      to: 'rejected',
      reason: 'Al gekend',
    }).expect(200);
    await A.post(
      `/case-meetings/${meeting.body.id}/actions/${item.body.actions[0].id}/complete`,
      'spocVdab',
    ).expect(200);
    const done = await A.get('/me/agenda', 'spocVdab').expect(200);
    expect(done.body.referrals).toEqual([]);
    expect(done.body.caseMeetingActions).toEqual([]);
  });

  it('shows nothing of another partnership and needs a token', async () => {
    const other = await t.http().get('/me/agenda').set('authorization', b.auth('spocVdab')).expect(200);
    expect(other.body).toMatchObject({
      referrals: [],
      caseMeetingActions: [],
      caseMeetings: [],
      groupSessions: [],
      overdueAssessments: [],
    });
    await t.http().get('/me/agenda').expect(401);
  });

  it("lists the coach's overdue empowerment baseline once guidance started more than six weeks ago", async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id, 'coach', {
      startedAt: new Date(Date.now() - 60 * DAY).toISOString(),
    });
    const move = (to: string, days: number) =>
      A.post(`/trajectories/${tr.id}/transitions`, 'coach', {
        to,
        at: new Date(Date.now() - days * DAY).toISOString(),
      });
    await move('intake', 55).expect(200);
    await move('begeleiding', 50).expect(200);
    const late = await A.get('/me/agenda', 'coach').expect(200);
    const mine = late.body.overdueAssessments.filter(
      (o: { trajectoryId: string }) => o.trajectoryId === tr.id,
    );
    expect(mine).toEqual([
      expect.objectContaining({
        participantId: p.id,
        instrument: 'empowerment',
        kind: 'baseline',
        daysOverdue: 8,
      }),
    ]);
    // A colleague's agenda does not carry it.
    const colleague = await A.get('/me/agenda', 'coach2').expect(200);
    expect(
      colleague.body.overdueAssessments.some((o: { trajectoryId: string }) => o.trajectoryId === tr.id),
    ).toBe(false);
  });
});
