import { giveConsent } from '../collaboration/helpers';
import { syntheticInsz } from '../factories/insz';
import type { StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody } from '../factories/participant.factory';
import type { TestApp } from '../harness/test-app';
import { transfer } from './matrix-world';
import { useAttacksWorld } from './attacks-world';

/**
 * Issue 12, items 4, 6, 7, 12 and 15 (the non-audit parts): each attack is performed and must fail.
 * The clock-moving tests run last and reset the clock.
 */

describe('replays, referrals, duplicates, NUL bytes and erasure', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { by, count } = useAttacksWorld((world) => ({ t, a, b } = world));

  describe('inbound referrals of a known participant (item 6)', () => {
    const inbound = (
      participantId: string,
      targetOrganisationId: string,
      key: StaffKey = 'spocVdab',
      p = a,
    ) =>
      by(key, p).post('/referrals', {
        direction: 'inbound',
        target: 'partnership',
        kind: 'other',
        participantId,
        targetOrganisationId,
      });

    it('refuses the VDAB SPOC who holds only a stale referral scope from a rejected referral (404), and the third partner sees nothing', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const out = await by('coach')
        .post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(201);
      await by('spocVdab')
        .post(`/referrals/${out.body.id}/transitions`, { to: 'rejected', reason: 'Geen aanbod' })
        .expect(200);
      // VDAB still sees the participant for the follow-up, at referral scope...
      await by('spocVdab').get(`/participants/${p.id}`).expect(200);
      // ...but that is no basis to pass them on to a third partner.
      const res = await inbound(p.id, a.orgs.intro.id);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(String(p.firstName));
      await by('coachIntro').get(`/participants/${p.id}`).expect(404);
      expect(await count(`referrals where participant_id = $1 and direction = 'inbound'`, [p.id])).toBe(0);
    });

    it('needs partnership_sharing for a third partner (409 CONSENT_REQUIRED); vdab_exchange covers the owner', async () => {
      const p = await createParticipant(t, a);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      await by('coach')
        .post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(201);
      const third = await inbound(p.id, a.orgs.intro.id).expect(409);
      expect(third.body).toMatchObject({ code: 'CONSENT_REQUIRED', consentScope: 'partnership_sharing' });
      await by('coachIntro').get(`/participants/${p.id}`).expect(404);
      expect(await count(`referrals where participant_id = $1 and direction = 'inbound'`, [p.id])).toBe(0);
      // Back to the owner, on the exchange consent alone.
      await inbound(p.id, a.orgs.compaan.id).expect(201);
      // With a withdrawn exchange consent even the owner is out of reach.
      await t.sql(
        `update consents set withdrawn_at = now() - interval '1 minute' where participant_id = $1`,
        [p.id],
      );
      const withdrawn = await inbound(p.id, a.orgs.compaan.id).expect(409);
      expect(withdrawn.body.consentScope).toBe('vdab_exchange');
    });

    it('lets VDAB, owning the file, refer its participant to a partner on vdab_exchange alone', async () => {
      const p = await createParticipant(t, a);
      await transfer(t, a, p.id, 'vdab');
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const res = await inbound(p.id, a.orgs.intro.id).expect(201);
      expect(res.body).toMatchObject({ participantId: p.id, state: 'submitted' });
      await by('coachIntro').get(`/participants/${p.id}`).expect(200);
    });

    it('answers 400 to a malformed id, 404 in another partnership and 403 to a role without the right', async () => {
      const p = await createParticipant(t, a);
      expect((await inbound('not-a-uuid', a.orgs.intro.id)).status).toBe(400);
      await inbound(p.id, b.orgs.intro.id, 'spocVdab', b).expect(404);
      await inbound(p.id, a.orgs.intro.id, 'coordinator').expect(403);
    });
  });

  describe('the duplicate check and professional secrecy (item 7)', () => {
    it('does not name CAW to a coach without a grant, but says how to arrange a warm hand-over', async () => {
      const insz = syntheticInsz('1979-08-30', 301);
      const body = participantBody({ birthDate: '1979-08-30', insz });
      await by('coachCaw').post('/participants', body).expect(201);
      const res = await by('coach')
        .post('/participants', { ...body, lastName: 'Anders' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', knownInPartnership: true });
      expect(res.body).not.toHaveProperty('contactOrganisation');
      expect(res.body).not.toHaveProperty('existingParticipantId');
      expect(res.body.handOver).toMatch(/warm hand-over/);
      expect(JSON.stringify(res.body)).not.toMatch(/CAW/i);

      const byName = await by('coach')
        .post('/participants', {
          ...participantBody(),
          firstName: body.firstName,
          lastName: body.lastName,
          birthDate: '1979-08-30',
        })
        .expect(409);
      expect(byName.body.code).toBe('PARTICIPANT_POSSIBLE_DUPLICATE');
      expect(byName.body.matches).toEqual([{}]);
      expect(JSON.stringify(byName.body)).not.toMatch(/CAW/i);
      expect(byName.body.detail).toMatch(/warm hand-over/);
    });

    it('names an organisation without professional secrecy', async () => {
      const insz = syntheticInsz('1981-01-21', 302);
      const body = participantBody({ birthDate: '1981-01-21', insz });
      await by('coach').post('/participants', body).expect(201);
      const res = await by('coachCaw').post('/participants', body).expect(409);
      expect(res.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', contactOrganisation: 'Compaan' });
      expect(res.body.handOver).toBeUndefined();
    });
  });
});
