import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';
import { DAY } from '../support/time';

describe('GET /me/agenda', () => {
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

  it("gathers a caller's open referrals, case-meeting actions, upcoming meetings and sessions, and drops what is done", async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    await giveConsent(t, a, p.id, 'vdab_exchange');
    // A future meeting: the participant is discussed on their case_meeting consent, not on presence.
    await giveConsent(t, a, p.id, 'case_meeting');
    const referral = await as(t, a.auth('coach'))
      .post('/referrals', {
        direction: 'outbound',
        target: 'vdab',
        kind: 'bit_evaluation',
        participantId: p.id,
        assignedSpocId: a.staff.spocVdab.id,
        dueAt: new Date(Date.now() + DAY).toISOString(),
      })
      .expect(201);
    const meeting = await as(t, a.auth('coach'))
      .post('/case-meetings', {
        teamId: a.teams[0].id,
        scheduledAt: new Date(Date.now() + 3 * DAY).toISOString(),
        location: 'Rabot',
        attendeeIds: [a.staff.spocVdab.id],
      })
      .expect(201);
    const item = await as(t, a.auth('coach'))
      .post(`/case-meetings/${meeting.body.id}/items`, {
        trajectoryId: tr.id,
        actions: [
          {
            description: 'BIT inplannen',
            ownerStaffId: a.staff.spocVdab.id,
            dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
          },
        ],
      })
      .expect(201);
    const session = await as(t, a.auth('expertise'))
      .post('/group-sessions', {
        theme: 'Werken in de haven',
        tag: 'sector_info',
        at: new Date(Date.now() + DAY).toISOString(),
        durationMinutes: 90,
        location: 'Muide',
      })
      .expect(201);

    const spoc = await as(t, a.auth('spocVdab')).get('/me/agenda').expect(200);
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

    const expertise = await as(t, a.auth('expertise')).get('/me/agenda').expect(200);
    expect(expertise.body.groupSessions).toEqual([
      expect.objectContaining({ id: session.body.id, theme: 'Werken in de haven' }),
    ]);
    expect(expertise.body.referrals).toEqual([]);

    // Two days on: the referral is overdue, the session has passed.
    t.clock.travel(2 * DAY);
    const later = await as(t, a.auth('spocVdab')).get('/me/agenda').expect(200);
    expect(later.body.referrals[0].overdue).toBe(true);
    expect((await as(t, a.auth('expertise')).get('/me/agenda').expect(200)).body.groupSessions).toEqual([]);

    await as(t, a.auth('spocVdab'))
      .post(`/referrals/${referral.body.id}/transitions`, {
        to: 'rejected',
        reason: 'Al gekend',
      })
      .expect(200);
    await as(t, a.auth('spocVdab'))
      .post(`/case-meetings/${meeting.body.id}/actions/${item.body.actions[0].id}/complete`, {})
      .expect(200);
    const done = await as(t, a.auth('spocVdab')).get('/me/agenda').expect(200);
    expect(done.body.referrals).toEqual([]);
    expect(done.body.caseMeetingActions).toEqual([]);
  });

  it('shows nothing of another partnership and needs a token', async () => {
    const other = await as(t, b.auth('spocVdab')).get('/me/agenda').expect(200);
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
      as(t, a.auth('coach')).post(`/trajectories/${tr.id}/transitions`, {
        to,
        at: new Date(Date.now() - days * DAY).toISOString(),
      });
    await move('intake', 55).expect(200);
    await move('begeleiding', 50).expect(200);
    const late = await as(t, a.auth('coach')).get('/me/agenda').expect(200);
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
    const colleague = await as(t, a.auth('coach2')).get('/me/agenda').expect(200);
    expect(
      colleague.body.overdueAssessments.some((o: { trajectoryId: string }) => o.trajectoryId === tr.id),
    ).toBe(false);
  });
});
