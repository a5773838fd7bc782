import { addWorkingDays } from '../../src/referrals/working-days';
import { syntheticInsz } from '../factories/insz';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';

const DAY = 86400_000;

describe('referrals', () => {
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

  const outbound = (participantId: string, extra: Record<string, unknown> = {}) =>
    as(t, a.auth('coach')).post('/referrals', {
      direction: 'outbound',
      target: 'vdab',
      kind: 'training',
      participantId,
      ...extra,
    });
  const move = (id: string, who: Parameters<TestPartnership['auth']>[0], body: Record<string, unknown>) =>
    as(t, a.auth(who)).post(`/referrals/${id}/transitions`, body);

  describe('POST /referrals (outbound)', () => {
    it('refuses an outbound referral without the vdab_exchange consent with 409 CONSENT_REQUIRED, and writes nothing', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'ocmw_exchange');
      const res = await outbound(p.id).expect(409);
      expect(res.body).toMatchObject({ code: 'CONSENT_REQUIRED', consentScope: 'vdab_exchange' });
      const rows = await t.sql('select count(*)::int as n from referrals where participant_id = $1', [p.id]);
      expect(rows[0].n).toBe(0);
      // The OCMW consent does cover a referral to OCMW.
      const ocmw = await outbound(p.id, { target: 'ocmw', kind: 'leefloon' }).expect(201);
      expect(ocmw.body.targetOrganisationId).toBe(a.orgs.ocmw.id);
    });

    it('creates a submitted referral due in 10 working days, records the transition, and gives VDAB referral scope only', async () => {
      const p = await createParticipant(t, a);
      const other = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      const res = await outbound(p.id, { note: 'Interesse in heftruckopleiding' }).expect(201);
      expect(res.body).toMatchObject({
        direction: 'outbound',
        target: 'vdab',
        kind: 'training',
        state: 'submitted',
        participantId: p.id,
        senderOrganisationId: a.orgs.compaan.id,
        targetOrganisationId: a.orgs.vdab.id,
        assignedSpocId: null,
        overdue: false,
        allowedTransitions: ['cancelled'],
        participant: { id: p.id, firstName: p.firstName, lastName: p.lastName },
      });
      expect(res.body).not.toHaveProperty('person');
      expect(res.body.dueAt).toBe(addWorkingDays(new Date(res.body.submittedAt), 10).toISOString());
      expect(res.body.transitions).toEqual([
        expect.objectContaining({ from: null, to: 'submitted', actorId: a.staff.coach.id }),
      ]);

      const seen = await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      expect(seen.body).toMatchObject({
        scope: 'referral',
        labourStatus: 'unemployed',
        educationLevel: 'isced_0_2',
        contactLanguage: 'nl',
      });
      expect(seen.body).not.toHaveProperty('birthDate');
      expect(seen.body).not.toHaveProperty('entryProfile');
      expect(seen.body).not.toHaveProperty('email');
      await as(t, a.auth('spocVdab')).get(`/participants/${other.id}`).expect(404);
      const list = await as(t, a.auth('spocVdab')).get('/participants').expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
      // OCMW is not a side of this referral.
      await as(t, a.auth('spocOcmw')).get(`/participants/${p.id}`).expect(404);
      await as(t, a.auth('spocOcmw')).get(`/referrals/${res.body.id}`).expect(404);

      const fromSpoc = await as(t, a.auth('spocVdab')).get(`/referrals/${res.body.id}`).expect(200);
      expect(fromSpoc.body.allowedTransitions).toEqual(['accepted', 'rejected']);
    });

    it('checks the assigned SPOC and the due date', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const wrongSpoc = await outbound(p.id, { assignedSpocId: a.staff.spocOcmw.id }).expect(400);
      expect(wrongSpoc.body.code).toBe('REFERRAL_SPOC_INVALID');
      const coachAsSpoc = await outbound(p.id, { assignedSpocId: a.staff.coach.id }).expect(400);
      expect(coachAsSpoc.body.code).toBe('REFERRAL_SPOC_INVALID');
      await outbound(p.id, { assignedSpocId: b.staff.spocVdab.id }).expect(400);
      const past = await outbound(p.id, { dueAt: new Date(Date.now() - DAY).toISOString() }).expect(400);
      expect(past.body.code).toBe('DATE_IN_PAST');
      const due = new Date(Date.now() + 3 * DAY).toISOString();
      const ok = await outbound(p.id, { assignedSpocId: a.staff.spocVdab.id, dueAt: due }).expect(201);
      expect(ok.body).toMatchObject({ assignedSpocId: a.staff.spocVdab.id, dueAt: due });
    });

    it('rejects bad input with 400 and writes nothing', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const bad = await outbound(p.id, { kind: 'holiday', direction: 'sideways' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['direction', 'kind']);
      const mismatch = await outbound(p.id, { target: 'partnership' }).expect(400);
      expect(mismatch.body.code).toBe('REFERRAL_TARGET_INVALID');
      const noSubject = await as(t, a.auth('coach'))
        .post('/referrals', {
          direction: 'outbound',
          target: 'vdab',
          kind: 'training',
        })
        .expect(400);
      expect(noSubject.body.code).toBe('REFERRAL_SUBJECT_INVALID');
      await outbound(p.id, { partnershipId: b.id }).expect(400);
      const rows = await t.sql('select count(*)::int as n from referrals where participant_id = $1', [p.id]);
      expect(rows[0].n).toBe(0);
    });

    it('answers 401 without a token, 403 for a role without the right, 404 for a participant out of reach', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      await t
        .http()
        .post('/referrals')
        .send({ direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(401);
      await as(t, a.auth('coordinator'))
        .post('/referrals', {
          direction: 'outbound',
          target: 'vdab',
          kind: 'training',
          participantId: p.id,
        })
        .expect(403);
      await as(t, a.auth('coachIntro'))
        .post('/referrals', {
          direction: 'outbound',
          target: 'vdab',
          kind: 'training',
          participantId: p.id,
        })
        .expect(404);
      await as(t, b.auth('coach'))
        .post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(404);
    });
  });

  describe('POST /referrals/{id}/transitions', () => {
    it('runs submitted → accepted → in_progress → completed by the VDAB side, and VDAB keeps access 30 days after closing', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;

      const byCoach = await move(r.id, 'coach', { to: 'accepted' }).expect(403);
      expect(byCoach.body.code).toBe('REFERRAL_WRONG_SIDE');
      const skip = await move(r.id, 'spocVdab', { to: 'completed' }).expect(409);
      expect(skip.body).toMatchObject({
        code: 'REFERRAL_INVALID_TRANSITION',
        currentState: 'submitted',
        allowedNextStates: ['accepted', 'rejected', 'cancelled'],
      });
      const accepted = await move(r.id, 'spocVdab', { to: 'accepted', note: 'Intake gepland' }).expect(200);
      // The SPOC who takes up an unassigned referral becomes its assignee.
      expect(accepted.body).toMatchObject({ state: 'accepted', assignedSpocId: a.staff.spocVdab.id });
      await move(r.id, 'spocVdab', { to: 'in_progress' }).expect(200);
      const done = await move(r.id, 'spocVdab', { to: 'completed' }).expect(200);
      expect(done.body).toMatchObject({ state: 'completed', allowedTransitions: [] });
      expect(done.body.closedAt).not.toBeNull();
      expect(done.body.transitions.map((x: { to: string }) => x.to)).toEqual([
        'submitted',
        'accepted',
        'in_progress',
        'completed',
      ]);
      expect(done.body.transitions[1]).toMatchObject({
        from: 'submitted',
        actorId: a.staff.spocVdab.id,
        actorOrganisationId: a.orgs.vdab.id,
        note: 'Intake gepland',
      });
      await move(r.id, 'coach', { to: 'cancelled' }).expect(409);

      const [grant] = await t.sql<{ valid_until: Date }>(
        `select valid_until from access_grants where reason = 'referral' and source_id = $1`,
        [r.id],
      );
      expect(grant.valid_until.getTime()).toBe(new Date(done.body.closedAt).getTime() + 30 * DAY);

      t.clock.travel(29 * DAY);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      t.clock.travel(2 * DAY);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      // The referral itself stays in VDAB's records, without the participant's name.
      const later = await as(t, a.auth('spocVdab')).get(`/referrals/${r.id}`).expect(200);
      expect(later.body.state).toBe('completed');
      expect(later.body).not.toHaveProperty('participant');
    });

    it('requires a reason to reject, and a rejected referral cannot move on', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;
      const noReason = await move(r.id, 'spocVdab', { to: 'rejected' }).expect(400);
      expect(noReason.body.code).toBe('REFERRAL_REASON_REQUIRED');
      const rejected = await move(r.id, 'spocVdab', { to: 'rejected', reason: 'Loopt al bij VDAB' }).expect(
        200,
      );
      expect(rejected.body.transitions[1]).toMatchObject({ to: 'rejected', reason: 'Loopt al bij VDAB' });
      const again = await move(r.id, 'spocVdab', { to: 'accepted' }).expect(409);
      expect(again.body.allowedNextStates).toEqual([]);
      await move(r.id, 'spocVdab', { to: 'finished' }).expect(400);
    });

    it('lets only the sender cancel', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;
      await move(r.id, 'spocVdab', { to: 'cancelled' }).expect(403);
      const cancelled = await move(r.id, 'coach2', { to: 'cancelled', reason: 'Werk gevonden' }).expect(200);
      expect(cancelled.body.state).toBe('cancelled');
    });

    it('answers 401, 403 and 404 as it should', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;
      await t.http().post(`/referrals/${r.id}/transitions`).send({ to: 'accepted' }).expect(401);
      await move(r.id, 'expertise', { to: 'accepted' }).expect(403);
      await move(r.id, 'coachIntro', { to: 'accepted' }).expect(404);
      await as(t, b.auth('spocVdab')).post(`/referrals/${r.id}/transitions`, { to: 'accepted' }).expect(404);
      await move('not-a-uuid', 'spocVdab', { to: 'accepted' }).expect(400);
    });
  });

  describe('who sees a referral (RLS and service)', () => {
    it('shows an outbound referral to case-level holders of the participant, read-only, and to no one with less', async () => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;
      await as(t, a.auth('coachIntro')).get(`/referrals/${r.id}`).expect(404);
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachIntro.id })
        .expect(201);
      const co = await as(t, a.auth('coachIntro')).get(`/referrals/${r.id}`).expect(200);
      expect(co.body.allowedTransitions).toEqual([]);
      const wrong = await move(r.id, 'coachIntro', { to: 'cancelled' }).expect(403);
      expect(wrong.body.code).toBe('REFERRAL_WRONG_SIDE');
      // A summary-level grant (a group-session facilitator) is not enough to see referrals.
      await t.sql(
        `insert into access_grants (partnership_id, participant_id, staff_id, scope, reason, valid_from)
         values ($1, $2, $3, 'summary', 'group_session', now() - interval '1 hour')`,
        [a.id, p.id, a.staff.coachCaw.id],
      );
      await as(t, a.auth('coachCaw')).get(`/participants/${p.id}`).expect(200);
      await as(t, a.auth('coachCaw')).get(`/referrals/${r.id}`).expect(404);
      // Without a request context the table shows nothing at all.
      const none = await t.db.runWithoutTenant((m) => m.query('select count(*)::int as n from referrals'));
      expect(none[0].n).toBe(0);
    });

    it('lets VDAB send a known participant it may see to a partner, which then sees them at referral scope', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      await as(t, a.auth('spocVdab'))
        .post('/referrals', {
          direction: 'inbound',
          target: 'partnership',
          kind: 'other',
          participantId: p.id,
          targetOrganisationId: a.orgs.intro.id,
        })
        .expect(404);
      await outbound(p.id).expect(201);
      // vdab_exchange covers VDAB and the owner (Compaan), not a third partner.
      const third = {
        direction: 'inbound',
        target: 'partnership',
        kind: 'other',
        participantId: p.id,
        targetOrganisationId: a.orgs.intro.id,
      };
      const refused = await as(t, a.auth('spocVdab')).post('/referrals', third).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED', consentScope: 'partnership_sharing' });
      await giveConsent(t, a, p.id, 'partnership_sharing');
      const r = await as(t, a.auth('spocVdab')).post('/referrals', third).expect(201);
      const seen = await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(200);
      expect(seen.body.scope).toBe('referral');
      const accepted = await move(r.body.id, 'coachIntro', { to: 'accepted' }).expect(200);
      expect(accepted.body).toMatchObject({ state: 'accepted', participantId: p.id, trajectoryId: null });
      const participants = await t.sql(
        'select count(*)::int as n from participants where partnership_id = $1 and first_name = $2',
        [a.id, p.firstName],
      );
      expect(participants[0].n).toBe(1);
    });
  });

  describe('inbound referrals', () => {
    const person = (overrides: Record<string, unknown> = {}) => ({
      firstName: 'Inkomend',
      lastName: `Persoon${Math.random().toString(36).slice(2, 7)}`,
      birthDate: '1992-04-11',
      gender: 'male',
      phone: '+32 470 11 22 33',
      ...overrides,
    });
    const inbound = (
      body: Record<string, unknown>,
      who: Parameters<TestPartnership['auth']>[0] = 'spocVdab',
    ) =>
      as(t, a.auth(who)).post('/referrals', {
        direction: 'inbound',
        target: 'partnership',
        kind: 'intake_check',
        targetOrganisationId: a.orgs.compaan.id,
        ...body,
      });

    it('shows the person to the two sides only; accepting creates the participant and a trajectory owned by the accepting organisation', async () => {
      const insz = syntheticInsz('1992-04-11', 411);
      const created = await inbound({ person: person({ insz }) }).expect(201);
      expect(created.body).toMatchObject({
        direction: 'inbound',
        state: 'submitted',
        participantId: null,
        senderOrganisationId: a.orgs.vdab.id,
        targetOrganisationId: a.orgs.compaan.id,
        assignedSpocId: a.staff.spocVdab.id,
        person: { firstName: 'Inkomend', birthDate: '1992-04-11', insz },
      });
      const id = created.body.id;
      const stored = await t.sql<{ person: Record<string, unknown>; person_insz_encrypted: string }>(
        'select person, person_insz_encrypted from referrals where id = $1',
        [id],
      );
      expect(stored[0].person).not.toHaveProperty('insz');
      expect(stored[0].person_insz_encrypted).not.toContain(insz);

      const target = await as(t, a.auth('coach2')).get(`/referrals/${id}`).expect(200);
      expect(target.body.person).toMatchObject({ firstName: 'Inkomend', insz });
      expect(target.body.allowedTransitions).toEqual(['accepted', 'rejected']);
      await as(t, a.auth('coachIntro')).get(`/referrals/${id}`).expect(404);
      await as(t, a.auth('spocOcmw')).get(`/referrals/${id}`).expect(404);
      const introList = await as(t, a.auth('coachIntro')).get('/referrals').expect(200);
      expect(introList.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
      // RLS, not only the service: a raw query as another organisation sees no row.
      const raw = await t.db.runAsStaff(
        { tenantId: a.id, staffId: a.staff.coachIntro.id, requestId: 'rls-check' },
        () => t.db.manager.query('select count(*)::int as n from referrals where id = $1', [id]),
      );
      expect(raw[0].n).toBe(0);

      const accepted = await move(id, 'coach', { to: 'accepted' }).expect(200);
      expect(accepted.body.state).toBe('accepted');
      expect(accepted.body).not.toHaveProperty('person');
      const participantId = accepted.body.participantId as string;
      expect(participantId).toEqual(expect.any(String));
      const participant = await as(t, a.auth('coach')).get(`/participants/${participantId}`).expect(200);
      expect(participant.body).toMatchObject({
        scope: 'full',
        firstName: 'Inkomend',
        insz,
        ownerOrganisationId: a.orgs.compaan.id,
        referralChannel: 'vdab',
        referrer: 'VDAB',
        status: 'aanmelding',
        currentTrajectoryId: accepted.body.trajectoryId,
        caseManagerId: a.staff.coach.id,
      });
      const after = await t.sql('select person, person_insz_encrypted from referrals where id = $1', [id]);
      expect(after[0]).toEqual({ person: null, person_insz_encrypted: null });

      // The sending VDAB SPOC follows the person at referral scope, no more.
      const fromVdab = await as(t, a.auth('spocVdab')).get(`/participants/${participantId}`).expect(200);
      expect(fromVdab.body.scope).toBe('referral');
      expect(fromVdab.body).not.toHaveProperty('birthDate');
      expect(fromVdab.body).not.toHaveProperty('entryProfile');
      expect(fromVdab.body.labourStatus).toBeNull();
      await as(t, a.auth('coachIntro')).get(`/participants/${participantId}`).expect(404);
    });

    it('applies the duplicate check on acceptance and leaves the referral untouched when it fails', async () => {
      const insz = syntheticInsz('1987-01-20', 120);
      await createParticipant(t, a, 'coachIntro', { birthDate: '1987-01-20', insz });
      const r = await inbound({ person: person({ birthDate: '1987-01-20', insz }) }).expect(201);
      const dup = await move(r.body.id, 'coach', { to: 'accepted' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', contactOrganisation: 'Groep INTRO' });
      const still = await as(t, a.auth('coach')).get(`/referrals/${r.body.id}`).expect(200);
      expect(still.body).toMatchObject({ state: 'submitted', participantId: null });

      const same = await createParticipant(t, a, 'coachIntro', {
        firstName: 'Naam',
        lastName: 'Gelijk',
        birthDate: '1970-02-02',
      });
      const r2 = await inbound({
        person: person({ firstName: 'Naam', lastName: 'Gelijk', birthDate: '1970-02-02' }),
      }).expect(201);
      const possible = await move(r2.body.id, 'coach', { to: 'accepted' }).expect(409);
      expect(possible.body.code).toBe('PARTICIPANT_POSSIBLE_DUPLICATE');
      const ok = await move(r2.body.id, 'coach', { to: 'accepted', confirmedNotDuplicate: true }).expect(200);
      expect(ok.body.participantId).not.toBe(same.id);
    });

    it('refuses a bad person, an inbound from a partner, and a wrong target', async () => {
      const badInsz = await inbound({ person: person({ insz: '12345678901' }) }).expect(400);
      expect(badInsz.body.code).toBe('INSZ_INVALID');
      const badPerson = await inbound({ person: person({ gender: 'x', birthDate: '1992-13-01' }) }).expect(
        400,
      );
      expect(badPerson.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'person.birthDate',
        'person.gender',
      ]);
      const fromPartner = await inbound({ person: person() }, 'coach').expect(403);
      expect(fromPartner.body.code).toBe('REFERRAL_SENDER_NOT_ALLOWED');
      const toVdab = await inbound({ person: person(), targetOrganisationId: a.orgs.vdab.id }).expect(400);
      expect(toVdab.body.code).toBe('REFERRAL_TARGET_ORGANISATION_INVALID');
      const noTarget = await inbound({ person: person(), targetOrganisationId: undefined }).expect(400);
      expect(noTarget.body.code).toBe('REFERRAL_TARGET_ORGANISATION_INVALID');
      const otherTenant = await inbound({ person: person(), targetOrganisationId: b.orgs.compaan.id }).expect(
        400,
      );
      expect(otherTenant.body.code).toBe('REFERRAL_TARGET_ORGANISATION_INVALID');
      const both = await inbound({ person: person(), participantId: a.staff.coach.id }).expect(400);
      expect(both.body.code).toBe('REFERRAL_SUBJECT_INVALID');
    });
  });

  describe('GET /referrals and the SPOC inbox', () => {
    it('lists open referrals first by due date, then closed ones, and counts per state and overdue over the whole inbox', async () => {
      const c = await createPartnership(t, 'C');
      const refer = async (dueInDays: number, assign = true) => {
        const p = await createParticipant(t, c);
        await giveConsent(t, c, p.id, 'vdab_exchange');
        const res = await as(t, c.auth('coach')).post('/referrals', {
          direction: 'outbound',
          target: 'vdab',
          kind: 'indicering',
          participantId: p.id,
          dueAt: new Date(Date.now() + dueInDays * DAY).toISOString(),
          ...(assign ? { assignedSpocId: c.staff.spocVdab.id } : {}),
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const late = await refer(1);
      const soon = await refer(3);
      const later = await refer(20);
      const unassigned = await refer(2, false);
      await as(t, c.auth('spocVdab')).post(`/referrals/${later}/transitions`, { to: 'accepted' }).expect(200);
      const rejected = await refer(4);
      await as(t, c.auth('spocVdab'))
        .post(`/referrals/${rejected}/transitions`, {
          to: 'rejected',
          reason: 'Niet van toepassing',
        })
        .expect(200);
      const rejectedLater = await refer(10);
      await as(t, c.auth('spocVdab'))
        .post(`/referrals/${rejectedLater}/transitions`, {
          to: 'rejected',
          reason: 'Al in traject bij VDAB',
        })
        .expect(200);

      t.clock.travel(2 * DAY);
      const mine = await as(t, c.auth('spocVdab')).get('/referrals?inbox=mine').expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([
        late,
        soon,
        later,
        rejectedLater,
        rejected,
      ]);
      expect(mine.body.counts).toEqual({
        submitted: 2,
        accepted: 1,
        rejected: 2,
        in_progress: 0,
        completed: 0,
        cancelled: 0,
      });
      expect(mine.body.overdueCount).toBe(1);
      expect(mine.body.items[0].overdue).toBe(true);
      expect(mine.body.total).toBe(5);

      const overdue = await as(t, c.auth('spocVdab')).get('/referrals?inbox=mine&overdue=true').expect(200);
      expect(overdue.body.items.map((x: { id: string }) => x.id)).toEqual([late]);
      expect(overdue.body.counts.submitted).toBe(2);
      const submitted = await as(t, c.auth('spocVdab'))
        .get('/referrals?inbox=mine&state=submitted')
        .expect(200);
      expect(submitted.body.items.map((x: { id: string }) => x.id)).toEqual([late, soon]);

      // The team inbox holds what is assigned to the team; the organisation inbox also the unassigned one.
      const team = await as(t, c.auth('spocVdab')).get('/referrals?inbox=team').expect(200);
      expect(team.body.total).toBe(5);
      const org = await as(t, c.auth('spocVdab')).get('/referrals?inbox=organisation').expect(200);
      expect(org.body.items.map((x: { id: string }) => x.id)).toEqual([
        late,
        unassigned,
        soon,
        later,
        rejectedLater,
        rejected,
      ]);
      expect(org.body.overdueCount).toBe(2);
      const paged = await as(t, c.auth('spocVdab'))
        .get('/referrals?inbox=organisation&limit=2&page=2')
        .expect(200);
      expect(paged.body.items.map((x: { id: string }) => x.id)).toEqual([soon, later]);

      const ocmw = await as(t, c.auth('spocOcmw')).get('/referrals?inbox=organisation').expect(200);
      expect(ocmw.body).toMatchObject({ total: 0, overdueCount: 0 });
      const coachMine = await as(t, c.auth('coach')).get('/referrals?inbox=mine').expect(200);
      expect(coachMine.body.total).toBe(0);
    });

    it('rejects bad filters with 400 and answers 401/403, and other partnerships see nothing', async () => {
      await as(t, a.auth('spocVdab')).get('/referrals?inbox=everyone').expect(400);
      await as(t, a.auth('spocVdab')).get('/referrals?state=open').expect(400);
      await as(t, a.auth('spocVdab')).get('/referrals?overdue=maybe').expect(400);
      await t.http().get('/referrals').expect(401);
      await as(t, a.auth('admin')).get('/referrals').expect(403);
      await as(t, a.auth('expertise')).get('/referrals').expect(403);
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const r = (await outbound(p.id).expect(201)).body;
      await as(t, b.auth('spocVdab')).get(`/referrals/${r.id}`).expect(404);
      const other = await as(t, b.auth('spocVdab')).get('/referrals').expect(200);
      expect(other.body.total).toBe(0);
    });
  });

  describe('POST /participants/{id}/vdab-trajectory-check', () => {
    it('lets a VDAB SPOC with referral access record the MLP check, which other viewers then see', async () => {
      const p = await createParticipant(t, a);
      const check = (who: Parameters<TestPartnership['auth']>[0], body: Record<string, unknown>) =>
        as(t, a.auth(who)).post(`/participants/${p.id}/vdab-trajectory-check`, body);
      const checkedAt = new Date(Date.now() - 3600_000).toISOString();
      await check('spocVdab', { status: 'active', checkedAt }).expect(404);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      await outbound(p.id, { kind: 'intake_check' }).expect(201);

      const res = await check('spocVdab', { status: 'active', checkedAt }).expect(200);
      expect(res.body).toEqual({
        participantId: p.id,
        vdabTrajectory: { status: 'active', checkedAt, checkedBy: a.staff.spocVdab.id },
      });
      const byCoach = await as(t, a.auth('coach')).get(`/participants/${p.id}`).expect(200);
      expect(byCoach.body.vdabTrajectory).toEqual({ status: 'active', checkedAt });
      expect(byCoach.body.version).toBe(p.version);
      const audit = await t.sql(
        `select actor_id, details from audit_events where participant_id = $1 and resource_type = 'participant.vdab_trajectory'`,
        [p.id],
      );
      expect(audit).toEqual([{ actor_id: a.staff.spocVdab.id, details: { status: 'active', checkedAt } }]);

      await check('spocVdab', { status: 'unknown', checkedAt }).expect(400);
      await check('spocVdab', { status: 'none' }).expect(400);
      const future = await check('spocVdab', {
        status: 'none',
        checkedAt: new Date(Date.now() + DAY).toISOString(),
      }).expect(400);
      expect(future.body.code).toBe('DATE_IN_FUTURE');
      await t
        .http()
        .post(`/participants/${p.id}/vdab-trajectory-check`)
        .send({ status: 'none', checkedAt })
        .expect(401);
      await check('coach', { status: 'none', checkedAt }).expect(403);
      await check('spocOcmw', { status: 'none', checkedAt }).expect(403);
      await as(t, b.auth('spocVdab'))
        .post(`/participants/${p.id}/vdab-trajectory-check`, { status: 'none', checkedAt })
        .expect(404);
    });
  });
});
