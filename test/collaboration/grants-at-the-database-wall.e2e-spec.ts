import type { StaffKey, TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';
import { DAY, useGrantsWorld } from './grants-world';

/**
 * Issue 12 items 2, 3, 5, 9 and 13 (grants), issue 13 items 5 (access) and 6, issue 15's first
 * safety-net bullet: every way to a grant without its reason is tried, through the API and as the
 * runtime role, and each must fail.
 */

describe('grant rules', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { now, iso, onTrajectory, plan, grantsOf, asApp, pgCode } = useGrantsWorld(
    (world) => ({ t, a, b } = world),
  );

  describe('the database wall for grants (issue 12 item 13)', () => {
    it('refuses INSERT, UPDATE and DELETE on access_grants to jobteam_app with a request context set', async () => {
      const { p } = await onTrajectory();
      const forge = `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, valid_from)
                     values ($1, $2, $3, 'case', 'co_coach', now())`;
      expect(await pgCode(asApp('coachIntro', (q) => q(forge, [a.id, p.id, a.orgs.intro.id])))).toBe('42501');
      expect(
        await pgCode(
          asApp('coach', (q) =>
            q(`update access_grants set valid_until = '2100-01-01' where participant_id = $1`, [p.id]),
          ),
        ),
      ).toBe('42501');
      expect(
        await pgCode(
          asApp('coach', (q) =>
            q(`update access_grants set organisation_id = $2 where participant_id = $1`, [
              p.id,
              a.orgs.intro.id,
            ]),
          ),
        ),
      ).toBe('42501');
      expect(
        await pgCode(asApp('coach', (q) => q('delete from access_grants where participant_id = $1', [p.id]))),
      ).toBe('42501');
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
    });

    it('refuses app_seed_grants outside a partnership created in the same transaction', async () => {
      const { p } = await onTrajectory();
      const forged = (partnershipId: string) =>
        JSON.stringify([
          {
            partnership_id: partnershipId,
            participant_id: p.id,
            organisation_id: a.orgs.intro.id,
            scope: 'full',
            reason: 'owner',
            source_id: p.id,
            valid_from: iso(now()),
          },
        ]);
      // In the existing partnership: its rows were not written by this transaction.
      expect(
        await pgCode(asApp('coachIntro', (q) => q('select app_seed_grants($1::jsonb)', [forged(a.id)]))),
      ).toBe('42501');
      // In a partnership created a moment ago in the same transaction: still not for a participant that
      // this transaction did not write (the existing one belongs to another partnership anyway).
      const fresh = '00000000-0000-4000-8000-0000000000f1';
      expect(
        await pgCode(
          t.db.runInTenant(fresh, async (m) => {
            await m.query(`insert into partnerships (id, name) values ($1, 'Forged')`, [fresh]);
            return m.query('select app_seed_grants($1::jsonb)', [forged(fresh)]);
          }),
        ),
      ).toBe('42501');
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
      expect(await grantsOf(p.id, 'owner')).toHaveLength(1);
    });

    it('refuses app_grant for a grant whose reason does not hold', async () => {
      const { p, tr } = await onTrajectory();
      const call = (staff: StaffKey, args: unknown[]) =>
        pgCode(asApp(staff, (q) => q('select app_grant($1, $2, $3, $4, $5, $6, $7, $8)', args)));
      const from = iso(now());
      // Another organisation claims ownership, or a co-coach or partnership-sharing grant, with no reason.
      expect(await call('coachIntro', [p.id, a.orgs.intro.id, null, 'full', 'owner', p.id, from, null])).toBe(
        '42501',
      );
      expect(
        await call('coachIntro', [p.id, a.orgs.intro.id, null, 'case', 'co_coach', tr.id, from, null]),
      ).toBe('42501');
      expect(
        await call('coach', [
          p.id,
          a.orgs.intro.id,
          null,
          'summary',
          'consent_partnership',
          p.id,
          from,
          null,
        ]),
      ).toBe('42501');
      // Even the owner cannot hand out a case-meeting grant without an item, nor a referral grant without a referral.
      expect(
        await call('coach', [
          p.id,
          null,
          a.staff.coachIntro.id,
          'case',
          'case_meeting',
          tr.id,
          from,
          iso(now() + DAY),
        ]),
      ).toBe('42501');
      expect(
        await call('coach', [p.id, a.orgs.intro.id, null, 'referral', 'referral', tr.id, from, null]),
      ).toBe('42501');
      // A partnership B coach reaches nothing in partnership A.
      const viaB = await pgCode(
        t.db.runAsStaff({ tenantId: b.id, staffId: b.staff.coach.id, requestId: 'grant-rules' }, () =>
          t.db.manager.query('select app_grant($1, $2, null, $3, $4, $5, $6, null)', [
            p.id,
            b.orgs.compaan.id,
            'full',
            'owner',
            p.id,
            from,
          ]),
        ),
      );
      expect(viaB).toBe('42501');
      // Ending someone else's grant on a participant one does not own is refused too.
      expect(
        await pgCode(
          asApp('coachIntro', (q) => q(`select app_end_grants('owner', $1, null, null, null)`, [p.id])),
        ),
      ).toBe('42501');
      const live = await t.sql<{ n: number }>(
        `select count(*)::int as n from access_grants where participant_id = $1 and ended_at is null`,
        [p.id],
      );
      expect(live[0].n).toBe(1);
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
    });

    it('shows jobteam_app only its own grant rows, and the owner those on its participants', async () => {
      const { p } = await onTrajectory();
      await giveConsent(t, a, p.id, 'partnership_sharing');
      const [consent] = await t.sql<{ id: string }>(
        `select id from consents where participant_id = $1 and scope = 'partnership_sharing'`,
        [p.id],
      );
      // Share with the partnership through the app (the owner's function call).
      await asApp('coach', (q) =>
        q(`select app_grant($1, $2, null, 'summary', 'consent_partnership', $3, now(), null)`, [
          p.id,
          a.orgs.intro.id,
          consent.id,
        ]),
      );
      const count = (staff: StaffKey) =>
        asApp(
          staff,
          async (q) =>
            (await q('select organisation_id from access_grants where participant_id = $1', [p.id])) as {
              organisation_id: string;
            }[],
        );
      expect((await count('coach')).length).toBe(2);
      expect(await count('coachIntro')).toEqual([{ organisation_id: a.orgs.intro.id }]);
      expect(await count('coachCaw')).toEqual([]);
    });
  });

  describe('grant expiry and withdrawal at the database wall (issue 15)', () => {
    it('shows goals and contacts to jobteam_app while the grant lives, and 0 rows after expiry or withdrawal', async () => {
      const seen = (staff: StaffKey, participantId: string) =>
        asApp(staff, async (q) => {
          const goals = (await q('select count(*)::int as n from goals where participant_id = $1', [
            participantId,
          ])) as {
            n: number;
          }[];
          const contacts = (await q('select count(*)::int as n from contacts where participant_id = $1', [
            participantId,
          ])) as { n: number }[];
          return { goals: goals[0].n, contacts: contacts[0].n };
        });
      const work = async (participantId: string, trajectoryId: string) => {
        await t.sql(
          `insert into goals (partnership_id, trajectory_id, participant_id, life_domain, title, status, status_changed_at, steps, created_by)
           values ($1, $2, $3, 'work', 'Rijbewijs halen', 'open', now(), '[]', $4)`,
          [a.id, trajectoryId, participantId, a.staff.coach.id],
        );
        await t.sql(
          `insert into contacts (partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id, author_id,
                                 author_organisation_id, summary, confidential)
           values ($1, $2, $3, now() - interval '1 day', 'office', 30, $4, $4, $5, 'Gesprek', false)`,
          [a.id, trajectoryId, participantId, a.staff.coach.id, a.orgs.compaan.id],
        );
      };

      // Expiry: a case-meeting grant 14 days after the meeting.
      const one = await onTrajectory();
      await work(one.p.id, one.tr.id);
      await giveConsent(t, a, one.p.id, 'case_meeting');
      const m = await plan(now() + DAY).expect(201);
      await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, { trajectoryId: one.tr.id })
        .expect(201);
      expect(await seen('spocVdab', one.p.id)).toEqual({ goals: 1, contacts: 1 });
      t.clock.travel(16 * DAY);
      expect(await seen('spocVdab', one.p.id)).toEqual({ goals: 0, contacts: 0 });
      t.clock.reset();

      // Withdrawal: a partnership-sharing consent gives summary only, so use the case-meeting consent again.
      const two = await onTrajectory();
      await work(two.p.id, two.tr.id);
      await giveConsent(t, a, two.p.id, 'case_meeting');
      const [consent] = await t.sql<{ id: string }>(
        `select id from consents where participant_id = $1 and scope = 'case_meeting'`,
        [two.p.id],
      );
      const m2 = await plan(now() + DAY).expect(201);
      await as(t, a.auth('coach'))
        .post(`/case-meetings/${m2.body.id}/items`, { trajectoryId: two.tr.id })
        .expect(201);
      expect(await seen('spocVdab', two.p.id)).toEqual({ goals: 1, contacts: 1 });
      await as(t, a.auth('coach'))
        .post(`/participants/${two.p.id}/consents/${consent.id}/withdraw`, {})
        .expect(200);
      expect(await seen('spocVdab', two.p.id)).toEqual({ goals: 0, contacts: 0 });
      // The owner still sees them: the zeros are the grant ending, not an empty table.
      expect(await seen('coach', two.p.id)).toEqual({ goals: 1, contacts: 1 });
    });
  });
});
