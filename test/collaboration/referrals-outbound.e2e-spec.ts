import { addWorkingDays } from '../../src/referrals/working-days';

import { createParticipant, startTrajectory } from '../factories/participant.factory';
import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';
import { useReferralsWorld } from './referrals-world';
import { DAY } from '../support/time';

describe('referrals', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { outbound, move } = useReferralsWorld((world) => ({ t, a, b } = world));

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
});
