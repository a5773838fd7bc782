import { auditSigningKey } from '../../src/common/crypto/audit-signing';

import { AuditSealer } from '../../src/privacy/audit-sealer';

import { syntheticInsz } from '../factories/insz';
import { createParticipant } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
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
  let b: TestPartnership;
  let sealer: AuditSealer;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    sealer = t.app.get(AuditSealer);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  /** Runs SQL as jobteam_app inside a real request context; answers the SQLSTATE or 'succeeded'. */
  const asApp = (
    p: TestPartnership,
    who: StaffKey,
    sql: string,
    params: unknown[] = [],
    requestId = 'attack',
  ) =>
    t.db
      .runAsStaff({ tenantId: p.id, staffId: p.staff[who].id, requestId }, () =>
        t.db.manager.query(sql, params),
      )
      .then(
        () => 'succeeded',
        (e: { code?: string }) => e.code ?? String(e),
      );
  describe('the runtime role cannot write the log (item 13)', () => {
    it('refuses INSERT, UPDATE and DELETE on audit_events to jobteam_app inside a request context', async () => {
      const p = await createParticipant(t, a);
      const forged = `insert into audit_events (partnership_id, at, actor_id, actor_organisation_id, actor_roles, action,
                        resource_type, participant_id, request_id)
                      values ($1, now(), $2, $3, '{dpo}', 'read', 'participant', $4, 'forged')`;
      expect(await asApp(a, 'coach', forged, [a.id, a.staff.dpo.id, a.staff.dpo.organisationId, p.id])).toBe(
        '42501',
      );
      expect(
        await asApp(a, 'dpo', `update audit_events set actor_id = null where participant_id = $1`, [p.id]),
      ).toBe('42501');
      expect(await asApp(a, 'dpo', `delete from audit_events where participant_id = $1`, [p.id])).toBe(
        '42501',
      );
      expect(await t.sql(`select 1 from audit_events where request_id = 'forged'`)).toHaveLength(0);
      const [{ n }] = await t.sql<{ n: number }>(
        `select count(*)::int as n from audit_events where participant_id = $1 and actor_id = $2`,
        [p.id, a.staff.coach.id],
      );
      expect(n).toBe(1);
    });

    it('records actor, organisation, roles, tenant and time from the request context, whatever the entries claim', async () => {
      t.clock.travel(3 * DAY);
      const p = await createParticipant(t, a);
      const claims = {
        action: 'read',
        resource_type: 'participant',
        participant_id: p.id,
        actor_id: a.staff.dpo.id,
        actor_organisation_id: a.orgs.stad.id,
        actor_roles: ['dpo'],
        partnership_id: b.id,
        at: '2000-01-01T00:00:00Z',
        chain_seq: 1,
        prev_hash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      };
      const expectedAt = t.clock.now().getTime();
      expect(
        await asApp(
          a,
          'coach2',
          'select app_audit_record($1, $2::jsonb)',
          ['claims', JSON.stringify([claims])],
          'claims',
        ),
      ).toBe('succeeded');
      const rows = await t.sql<Record<string, unknown>>(
        `select partnership_id, actor_id, actor_organisation_id, actor_roles, at, chain_seq, hash
           from audit_events where request_id = 'claims'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        partnership_id: a.id,
        actor_id: a.staff.coach2.id,
        actor_organisation_id: a.staff.coach2.organisationId,
        actor_roles: ['coach'],
        chain_seq: null,
        hash: null,
      });
      expect(Math.abs((rows[0].at as Date).getTime() - expectedAt)).toBeLessThan(60_000);
      // Another partnership's log got nothing.
      expect(
        await t.sql(`select 1 from audit_events where partnership_id = $1 and request_id = 'claims'`, [b.id]),
      ).toEqual([]);
    });

    it('refuses app_audit_record without a request context, and hides keys, checkpoints and decryption from the app role', async () => {
      const entry = JSON.stringify([{ action: 'read', resource_type: 'participant' }]);
      const outside = await t.db
        .runWithoutTenant((m) => m.query('select app_audit_record($1, $2::jsonb)', ['outside', entry]))
        .then(
          () => 'succeeded',
          (e: { code?: string }) => e.code,
        );
      expect(outside).toBe('42501');
      for (const sql of [
        'select * from audit_participant_keys',
        'select * from audit_checkpoints',
        `insert into audit_checkpoints (partnership_id, seq, hash, signed_at, key_id, signature)
           values (app_tenant(), 1, 'x', now(), 'x', 'x')`,
        'select audit_open_details(e) from audit_events e',
        'select audit_open_reason(e) from audit_events e',
        `select audit_decrypt('\\x00'::bytea, 'v1:AAAA')`,
        `select audit_encrypt('\\x00'::bytea, 'x')`,
      ])
        expect([sql, await asApp(a, 'dpo', sql)]).toEqual([sql, '42501']);
    });

    it('refuses a checkpoint that does not match the chain', async () => {
      const res = await asApp(a, 'coach', 'select app_audit_checkpoint($1, $2, $3, now(), $4, $5)', [
        a.id,
        1,
        'f'.repeat(64),
        KEY.keyId,
        'forged',
      ]);
      expect(res).toBe('22023');
    });

    it('refuses the owner too: no update of an audit row and no sealed row inserted (triggers)', async () => {
      const p = await createParticipant(t, a);
      await sealer.sealNow();
      const attempt = (sql: string) =>
        t.sql(`set role jobteam_owner; ${sql}`).then(
          () => 'succeeded',
          (e: { code?: string }) => e.code,
        );
      expect(
        await attempt(`update audit_events set reason = 'nothing to see' where participant_id = '${p.id}'`),
      ).toBe('42501');
      expect(
        await attempt(`update audit_events set hash = repeat('0', 64) where participant_id = '${p.id}'`),
      ).toBe('42501');
      expect(await attempt(`delete from audit_events where participant_id = '${p.id}'`)).toBe('42501');
      expect(
        await attempt(`insert into audit_events (partnership_id, actor_roles, action, resource_type, chain_seq, prev_hash, hash)
                       values ('${a.id}', '{}', 'read', 'participant', 999999, repeat('0', 64), repeat('0', 64))`),
      ).toBe('42501');
      expect(await attempt(`delete from audit_checkpoints where partnership_id = '${a.id}'`)).toBe('42501');
    });
  });

  describe('a request that fails leaves no audit row (issue 15)', () => {
    it('rolls the audit event back with the request', async () => {
      const p = await createParticipant(t, a, 'coach', { insz: syntheticInsz('1990-05-17', 123) });
      await as(t, a.auth('coach'))
        .get(`/participants/${p.id}`, { headers: { 'x-request-id': 'audit-ok-1' } })
        .expect(200);
      expect(await t.sql(`select action from audit_events where request_id = 'audit-ok-1'`)).toEqual([
        { action: 'read' },
      ]);
      // The full-scope view decrypts the INSZ after recording the read: a broken ciphertext fails it.
      await t.sql(`update participants set insz_encrypted = 'v1:' || repeat('A', 48) where id = $1`, [p.id]);
      const failed = await as(t, a.auth('coach'))
        .get(`/participants/${p.id}`, { headers: { 'x-request-id': 'audit-fail-1' } })
        .expect(500);
      expect(failed.body.requestId).toBe('audit-fail-1');
      expect(await t.sql(`select 1 from audit_events where request_id = 'audit-fail-1'`)).toEqual([]);
    });
  });
});
