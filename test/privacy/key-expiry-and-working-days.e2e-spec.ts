import { purgeExpiredIdempotencyKeys } from '../../src/privacy/retention';

import type { TestPartnership } from '../factories/partnership.factory';
import { participantBody } from '../factories/participant.factory';
import type { TestApp } from '../harness/test-app';

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

  describe('time (run last: these move the clock)', () => {
    it('counts referral working days in Brussels calendar days: Friday 23:30 in Brussels, across summer time', async () => {
      // Fri 19 March 2027 23:30 CET. Ten working days (Easter Monday 29 March off) → Mon 5 April 23:30 CEST.
      t.clock.travel(Date.parse('2027-03-19T22:30:00Z') - t.clock.now().getTime());
      const res = await by('spocVdab')
        .post('/referrals', {
          direction: 'inbound',
          target: 'partnership',
          kind: 'other',
          targetOrganisationId: a.orgs.compaan.id,
          person: { firstName: 'Laat', lastName: 'Vrijdag', birthDate: '1990-01-01', gender: 'male' },
        })
        .expect(201);
      t.clock.reset();
      expect(String(res.body.dueAt).slice(0, 16)).toBe('2027-04-05T21:30');
    });

    it('does not honour an idempotency key after 24 hours, and purges expired keys of everyone', async () => {
      const key = 'expires-after-a-day';
      const first = await by('coach').post('/participants', participantBody(), key).expect(201);
      await by('coach2').post('/participants', participantBody(), 'coach2-old-key').expect(201);
      t.clock.travel(24 * 3600_000 + 60_000);
      try {
        const other = participantBody();
        const fresh = await by('coach').post('/participants', other, key).expect(201);
        expect(fresh.body.id).not.toBe(first.body.id);
        expect(fresh.body.lastName).toBe(other.lastName);
        expect(fresh.headers['idempotent-replayed']).toBeUndefined();
        // coach's write purged coach2's expired key too.
        expect(
          await count('idempotency_keys where staff_id = $1 and key = $2', [
            a.staff.coach2.id,
            'coach2-old-key',
          ]),
        ).toBe(0);
        expect(
          await count(
            `idempotency_keys where partnership_id = $1 and created_at < $2::timestamptz - interval '24 hours'`,
            [a.id, t.clock.now().toISOString()],
          ),
        ).toBe(0);
      } finally {
        t.clock.reset();
      }
    });

    it('purges expired keys in the retention run too, for a partnership where nobody wrote since', async () => {
      await by('coach', b).post('/participants', participantBody(), 'quiet-partnership-key').expect(201);
      const left = () => count('idempotency_keys where key = $1', ['quiet-partnership-key']);
      expect(await purgeExpiredIdempotencyKeys(t.adminUrl)).toBe(0);
      expect(await left()).toBe(1);
      const later = new Date(Date.now() + 24 * 3600_000 + 60_000);
      expect(await purgeExpiredIdempotencyKeys(t.adminUrl, { now: later })).toBeGreaterThanOrEqual(1);
      expect(await left()).toBe(0);
    });
  });
});
