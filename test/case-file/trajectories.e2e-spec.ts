import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { daysAgo } from '../support/time';

describe('trajectories', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const move = (
    id: string,
    body: Record<string, unknown>,
    who: Parameters<TestPartnership['auth']>[0] = 'coach',
  ) => as(t, a.auth(who)).post(`/trajectories/${id}/transitions`, body);

  it('runs the whole path from sign-up to closure, including a hand-over to a coach of another partner, and a reopening', async () => {
    const p = await createParticipant(t, a, 'coach', { referralChannel: 'vdab', referrer: 'IDV Gent' });
    const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: daysAgo(40) });
    expect(tr).toMatchObject({
      status: 'aanmelding',
      referralChannel: 'vdab',
      referrer: 'IDV Gent',
      caseManagerId: a.staff.coach.id,
      allowedTransitions: ['intake', 'afgesloten'],
    });

    await move(tr.id, { to: 'intake', at: daysAgo(35) }).expect(200);
    const guided = await move(tr.id, { to: 'begeleiding', at: daysAgo(30), note: 'Plan opgemaakt' }).expect(
      200,
    );
    expect(guided.body).toMatchObject({
      status: 'begeleiding',
      allowedTransitions: ['nazorg', 'afgesloten'],
    });

    const bad = await move(tr.id, { to: 'intake', at: daysAgo(1) }).expect(409);
    expect(bad.body).toMatchObject({
      code: 'TRAJECTORY_INVALID_TRANSITION',
      allowedNextStates: ['nazorg', 'afgesloten'],
    });

    // Warm hand-over to a CAW coach: ownership follows, Compaan loses the file.
    const current = await as(t, a.auth('coach')).get(`/trajectories/${tr.id}`).expect(200);
    await as(t, a.auth('coach'))
      .put(`/trajectories/${tr.id}/case-manager`, { staffId: a.staff.coachCaw.id, note: 'x' })
      .expect(428);
    const handed = await as(t, a.auth('coach'))
      .put(
        `/trajectories/${tr.id}/case-manager`,
        { staffId: a.staff.coachCaw.id, note: 'Warme overdracht: woonproblematiek' },
        { ifMatch: current.headers.etag },
      )
      .expect(200);
    expect(handed.body).toMatchObject({
      caseManagerId: a.staff.coachCaw.id,
      ownerOrganisationId: a.orgs.caw.id,
    });
    expect(handed.body.caseManagerHistory).toHaveLength(2);
    expect(handed.body.caseManagerHistory[0]).toMatchObject({
      staffId: a.staff.coach.id,
      organisationId: a.orgs.compaan.id,
    });
    expect(handed.body.caseManagerHistory[0].to).not.toBeNull();
    await as(t, a.auth('coach')).get(`/participants/${p.id}`).expect(404);
    const owner = await as(t, a.auth('coachCaw')).get(`/participants/${p.id}`).expect(200);
    expect(owner.body).toMatchObject({
      scope: 'full',
      ownerOrganisationId: a.orgs.caw.id,
      caseManagerId: a.staff.coachCaw.id,
      status: 'begeleiding',
    });
    const moved = await t.sql(
      `select details from audit_events where participant_id = $1 and resource_type = 'participant.ownership'`,
      [p.id],
    );
    expect(moved[0].details).toMatchObject({
      fromOrganisationId: a.orgs.compaan.id,
      toOrganisationId: a.orgs.caw.id,
    });

    await move(tr.id, { to: 'nazorg', at: daysAgo(5) }, 'coachCaw').expect(200);
    const noOutcome = await move(tr.id, { to: 'afgesloten', at: daysAgo(1) }, 'coachCaw').expect(400);
    expect(noOutcome.body.code).toBe('TRAJECTORY_OUTCOME_INVALID');
    await move(tr.id, { to: 'afgesloten', at: daysAgo(1), outcome: 'regular_activation' }, 'coachCaw').expect(
      400,
    );
    const closed = await move(
      tr.id,
      { to: 'afgesloten', at: daysAgo(1), outcome: 'regular_activation', outcomeKind: 'twe_art60' },
      'coachCaw',
    ).expect(200);
    expect(closed.body).toMatchObject({
      status: 'afgesloten',
      outcome: 'regular_activation',
      outcomeKind: 'twe_art60',
      allowedTransitions: [],
    });

    const again = await as(t, a.auth('coachCaw')).post(`/participants/${p.id}/trajectories`, {}).expect(201);
    expect(again.body).toMatchObject({ status: 'aanmelding', previousTrajectoryId: tr.id });
    await as(t, a.auth('coachCaw')).post(`/participants/${p.id}/trajectories`, {}).expect(409);
    const history = await as(t, a.auth('coachCaw')).get(`/participants/${p.id}/trajectories`).expect(200);
    expect(history.body.items.map((x: { status: string }) => x.status)).toEqual(['afgesloten', 'aanmelding']);
  });

  it('rejects a transition dated in the future or before the previous step', async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: daysAgo(10) });
    const future = await move(tr.id, {
      to: 'intake',
      at: new Date(Date.now() + 86400_000).toISOString(),
    }).expect(400);
    expect(future.body.code).toBe('DATE_IN_FUTURE');
    const early = await move(tr.id, { to: 'intake', at: daysAgo(20) }).expect(400);
    expect(early.body.code).toBe('TRANSITION_BEFORE_PREVIOUS');
    await move(tr.id, { to: 'intake', at: 'yesterday' }).expect(400);
  });

  it('gives a co-coach of another partner case scope while they co-coach, and takes it away after', async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    await as(t, a.auth('coachIntro')).get(`/trajectories/${tr.id}`).expect(404);
    const added = await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachIntro.id })
      .expect(201);
    expect(added.body.coCoaches).toEqual([
      expect.objectContaining({ staffId: a.staff.coachIntro.id, organisationId: a.orgs.intro.id }),
    ]);
    const asCo = await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(200);
    expect(asCo.body.scope).toBe('case');
    expect(asCo.body).not.toHaveProperty('birthDate');
    expect(asCo.body).not.toHaveProperty('entryProfile');
    await move(tr.id, { to: 'intake', at: new Date().toISOString() }, 'coachIntro').expect(200);
    await as(t, a.auth('coachIntro'))
      .patch(`/participants/${p.id}`, { phone: '0470 99 99 99' }, { ifMatch: '"1"' })
      .expect(403);
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachIntro.id })
      .expect(409);
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.spocVdab.id })
      .expect(400);
    await as(t, a.auth('coach'))
      .delete(`/trajectories/${tr.id}/co-coaches/${a.staff.coachIntro.id}`)
      .expect(200);
    await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
  });

  it('refuses other partnerships and roles without the right', async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    await as(t, b.auth('coach')).get(`/trajectories/${tr.id}`).expect(404);
    await as(t, b.auth('coach'))
      .post(`/trajectories/${tr.id}/transitions`, { to: 'intake', at: new Date().toISOString() })
      .expect(404);
    await as(t, a.auth('spocVdab')).post(`/participants/${p.id}/trajectories`, {}).expect(403);
    await as(t, a.auth('coordinator'))
      .post(`/trajectories/${tr.id}/transitions`, { to: 'intake', at: new Date().toISOString() })
      .expect(403);
  });
});
