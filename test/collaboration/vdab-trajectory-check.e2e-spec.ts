import { createParticipant } from '../factories/participant.factory';
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
  const { outbound } = useReferralsWorld((world) => ({ t, a, b } = world));

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
