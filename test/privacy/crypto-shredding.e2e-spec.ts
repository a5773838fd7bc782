import { auditSigningKey } from '../../src/common/crypto/audit-signing';

import { AuditSealer } from '../../src/privacy/audit-sealer';
import { ChainReport, verifyAuditChains, VerifyOptions } from '../../src/privacy/audit-chain';
import { runRetention } from '../../src/privacy/retention';
import { giveConsent } from '../collaboration/helpers';
import { syntheticInsz } from '../factories/insz';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';

import { as } from '../support/api';
import { DAY } from '../support/time';

const KEY = auditSigningKey(TEST_SECRETS.auditSigningKey);

/**
 * Issue 12, items 13-15: the audit log holds against the runtime role, against a superuser who cuts
 * or rewrites it, and forgets a participant's personal values when the participant is pseudonymised.
 */

describe('the audit wall', () => {
  let t: TestApp;
  let a: TestPartnership;
  let sealer: AuditSealer;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    // A second partnership in the same database, so A's answers are checked beside another tenant's rows.
    await createPartnership(t, 'B');
    sealer = t.app.get(AuditSealer);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const reportOf = async (p: TestPartnership, options: VerifyOptions = { publicKey: KEY.publicKey }) =>
    (await verifyAuditChains(t.adminUrl, options)).find((r) => r.partnershipId === p.id) as ChainReport;

  describe('crypto-shredding (item 15)', () => {
    it('keeps personal values only encrypted, and makes them unreadable by pseudonymisation while the chain holds', async () => {
      const insz = syntheticInsz('1988-03-09', 211);
      const values = {
        firstName: 'Zoëlla',
        lastName: 'Vanderstraetenmeersch',
        insz,
        phone: '+32 471 98 76 54',
        email: 'zoella.vds@example.org',
        street: 'Sleepstraat 77',
        newPhone: '+32 472 11 22 99',
        newEmail: 'zoella.nieuw@example.org',
        newStreet: 'Bevrijdingslaan 41',
        goal: 'Heftruckattest behalen bij Volvo',
        newGoal: 'Heftruckattest en reachtruck',
        correction: 'Verkeerd overgenomen uit het intakeformulier',
        rejection: 'Weigert opleiding wegens schulden bij de deurwaarder',
      };
      const p = await createParticipant(t, a, 'coach', {
        firstName: values.firstName,
        lastName: values.lastName,
        insz,
        phone: values.phone,
        email: values.email,
        birthDate: '1988-03-09',
        address: { street: values.street, postalCode: '9000', city: 'Gent', wijk: 'Rabot-Blaisantvest' },
      });
      const patched = await as(t, a.auth('coach'))
        .patch(
          `/participants/${p.id}`,
          {
            phone: values.newPhone,
            email: values.newEmail,
            address: { street: values.newStreet },
            labourStatus: 'inactive',
            correctionReason: values.correction,
          },
          { ifMatch: `"${p.version}"` },
        )
        .expect(200);
      expect(patched.body.version).toBe(p.version + 1);
      const tr = await startTrajectory(t, a, p.id, 'coach', {
        startedAt: new Date(Date.now() - 90 * DAY).toISOString(),
      });
      const goal = await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/goals`, {
          lifeDomain: 'work',
          title: values.goal,
          targetDate: '2026-12-31',
        })
        .expect(201);
      await as(t, a.auth('coach'))
        .patch(
          `/trajectories/${tr.id}/goals/${goal.body.id}`,
          { title: values.newGoal },
          { ifMatch: `"${goal.body.version}"` },
        )
        .expect(200);
      await giveConsent(t, a, p.id, 'vdab_exchange');
      const referral = await as(t, a.auth('coach'))
        .post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId: p.id })
        .expect(201);
      await as(t, a.auth('spocVdab'))
        .post(`/referrals/${referral.body.id}/transitions`, { to: 'rejected', reason: values.rejection })
        .expect(200);

      const dump = async () =>
        (
          await t.sql<{ row: string }>(
            'select e::text as row from audit_events e where participant_id = $1',
            [p.id],
          )
        )
          .map((r) => r.row)
          .join('\n');
      const inClear = Object.values(values);
      // Stored only encrypted ...
      const stored = await dump();
      for (const v of inClear) expect([v, stored.includes(v)]).toEqual([v, false]);
      // ... yet readable while the key exists: by the functions, and the rejection reason in the DPO's log.
      const opened = (
        await t.sql<{ row: string }>(
          `select concat_ws(' ', audit_open_details(e)::text, audit_open_reason(e)) as row
             from audit_events e where participant_id = $1`,
          [p.id],
        )
      )
        .map((r) => r.row)
        .join('\n');
      for (const v of [
        values.phone,
        values.newPhone,
        values.email,
        values.goal,
        values.newGoal,
        values.correction,
        values.rejection,
      ])
        expect([v, opened.includes(v)]).toEqual([v, true]);
      const dpoLog = await as(t, a.auth('dpo'))
        .get('/audit-events', { query: { participantId: p.id, limit: 200 } })
        .expect(200);
      const reasons = dpoLog.body.items.map((e: { reason: string | null }) => e.reason);
      expect(reasons).toEqual(expect.arrayContaining([values.rejection, values.correction]));

      // The participant's own access log explains why, by code; a sealed reason never shows as ciphertext.
      const accessLog = await as(t, a.auth('coach'))
        .get(`/participants/${p.id}/access-log`, { query: { limit: 200 } })
        .expect(200);
      expect(JSON.stringify(accessLog.body)).not.toContain('sealed:');

      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/transitions`, {
          to: 'afgesloten',
          at: new Date(Date.now() - DAY).toISOString(),
          outcome: 'work',
        })
        .expect(200);
      await as(t, a.auth('dpo')).post(`/participants/${p.id}/pseudonymise`, {}).expect(200);

      const after = await dump();
      const reopened = (
        await t.sql<{ row: string }>(
          `select concat_ws(' ', e::text, audit_open_details(e)::text, audit_open_reason(e)) as row
             from audit_events e where participant_id = $1`,
          [p.id],
        )
      )
        .map((r) => r.row)
        .join('\n');
      for (const v of inClear) {
        expect([v, after.includes(v)]).toEqual([v, false]);
        expect([v, reopened.includes(v)]).toEqual([v, false]);
      }
      expect(reopened).toContain('"erased": true');
      const sealedBefore = stored.match(/sealed/g)?.length ?? 0;
      expect(sealedBefore).toBeGreaterThanOrEqual(4);
      const dpoAfter = await as(t, a.auth('dpo'))
        .get('/audit-events', { query: { participantId: p.id, limit: 200 } })
        .expect(200);
      const reasonsAfter = dpoAfter.body.items.map((e: { reason: string | null }) => e.reason);
      expect(reasonsAfter.filter((r: string | null) => r === '[erased]')).toHaveLength(2);
      expect(JSON.stringify(dpoAfter.body)).not.toContain(values.rejection);
      // The chain, hashed over the ciphertext, still holds.
      await sealer.sealNow();
      expect(await reportOf(a)).toMatchObject({ firstBroken: null, problems: [] });
    });

    it('shreds as well when the retention job pseudonymises', async () => {
      const p = await createParticipant(t, a, 'coach', { phone: '+32 473 55 44 33' });
      await as(t, a.auth('coach'))
        .patch(`/participants/${p.id}`, { phone: '+32 474 66 77 88' }, { ifMatch: `"${p.version}"` })
        .expect(200);
      const monthsAgo = (n: number) => new Date(Date.now() - n * 30.5 * DAY).toISOString();
      const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: monthsAgo(40) });
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/transitions`, { to: 'afgesloten', at: monthsAgo(30), outcome: 'work' })
        .expect(200);
      const opened = async () =>
        (
          await t.sql<{ details: string }>(
            `select audit_open_details(e)::text as details from audit_events e
              where participant_id = $1 and action = 'update' and resource_type = 'participant'`,
            [p.id],
          )
        ).map((r) => r.details);
      expect((await opened()).join()).toContain('+32 473 55 44 33');
      const done = await runRetention(t.adminUrl, 24);
      expect(done.filter((d) => d.participantId === p.id)).toMatchObject([{ result: 'ok' }]);
      expect(await t.sql('select 1 from audit_participant_keys where participant_id = $1', [p.id])).toEqual(
        [],
      );
      const after = (await opened()).join();
      expect(after).not.toContain('+32 473 55 44 33');
      expect(after).not.toContain('+32 474 66 77 88');
      expect(after).toContain('"erased": true');
      await sealer.sealNow();
      expect(await reportOf(a)).toMatchObject({ firstBroken: null, problems: [] });
    });
  });
});
