import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';

const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000).toISOString();

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
    as: Parameters<TestPartnership['auth']>[0] = 'coach',
  ) => t.http().post(`/trajectories/${id}/transitions`).set('authorization', a.auth(as)).send(body);

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
    const current = await t
      .http()
      .get(`/trajectories/${tr.id}`)
      .set('authorization', a.auth('coach'))
      .expect(200);
    await t
      .http()
      .put(`/trajectories/${tr.id}/case-manager`)
      .set('authorization', a.auth('coach'))
      .send({ staffId: a.staff.coachCaw.id, note: 'x' })
      .expect(428);
    const handed = await t
      .http()
      .put(`/trajectories/${tr.id}/case-manager`)
      .set('authorization', a.auth('coach'))
      .set('if-match', current.headers.etag)
      .send({ staffId: a.staff.coachCaw.id, note: 'Warme overdracht: woonproblematiek' })
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
    await t.http().get(`/participants/${p.id}`).set('authorization', a.auth('coach')).expect(404);
    const owner = await t
      .http()
      .get(`/participants/${p.id}`)
      .set('authorization', a.auth('coachCaw'))
      .expect(200);
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

    const again = await t
      .http()
      .post(`/participants/${p.id}/trajectories`)
      .set('authorization', a.auth('coachCaw'))
      .send({})
      .expect(201);
    expect(again.body).toMatchObject({ status: 'aanmelding', previousTrajectoryId: tr.id });
    await t
      .http()
      .post(`/participants/${p.id}/trajectories`)
      .set('authorization', a.auth('coachCaw'))
      .send({})
      .expect(409);
    const history = await t
      .http()
      .get(`/participants/${p.id}/trajectories`)
      .set('authorization', a.auth('coachCaw'))
      .expect(200);
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
    await t.http().get(`/trajectories/${tr.id}`).set('authorization', a.auth('coachIntro')).expect(404);
    const added = await t
      .http()
      .post(`/trajectories/${tr.id}/co-coaches`)
      .set('authorization', a.auth('coach'))
      .send({ staffId: a.staff.coachIntro.id })
      .expect(201);
    expect(added.body.coCoaches).toEqual([
      expect.objectContaining({ staffId: a.staff.coachIntro.id, organisationId: a.orgs.intro.id }),
    ]);
    const asCo = await t
      .http()
      .get(`/participants/${p.id}`)
      .set('authorization', a.auth('coachIntro'))
      .expect(200);
    expect(asCo.body.scope).toBe('case');
    expect(asCo.body).not.toHaveProperty('birthDate');
    expect(asCo.body).not.toHaveProperty('entryProfile');
    await move(tr.id, { to: 'intake', at: new Date().toISOString() }, 'coachIntro').expect(200);
    await t
      .http()
      .patch(`/participants/${p.id}`)
      .set('authorization', a.auth('coachIntro'))
      .set('if-match', '"1"')
      .send({ phone: '0470 99 99 99' })
      .expect(403);
    await t
      .http()
      .post(`/trajectories/${tr.id}/co-coaches`)
      .set('authorization', a.auth('coach'))
      .send({ staffId: a.staff.coachIntro.id })
      .expect(409);
    await t
      .http()
      .post(`/trajectories/${tr.id}/co-coaches`)
      .set('authorization', a.auth('coach'))
      .send({ staffId: a.staff.spocVdab.id })
      .expect(400);
    await t
      .http()
      .delete(`/trajectories/${tr.id}/co-coaches/${a.staff.coachIntro.id}`)
      .set('authorization', a.auth('coach'))
      .expect(200);
    await t.http().get(`/participants/${p.id}`).set('authorization', a.auth('coachIntro')).expect(404);
  });

  it('refuses other partnerships and roles without the right', async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    await t.http().get(`/trajectories/${tr.id}`).set('authorization', b.auth('coach')).expect(404);
    await t
      .http()
      .post(`/trajectories/${tr.id}/transitions`)
      .set('authorization', b.auth('coach'))
      .send({ to: 'intake', at: new Date().toISOString() })
      .expect(404);
    await t
      .http()
      .post(`/participants/${p.id}/trajectories`)
      .set('authorization', a.auth('spocVdab'))
      .send({})
      .expect(403);
    await t
      .http()
      .post(`/trajectories/${tr.id}/transitions`)
      .set('authorization', a.auth('coordinator'))
      .send({ to: 'intake', at: new Date().toISOString() })
      .expect(403);
  });
});
