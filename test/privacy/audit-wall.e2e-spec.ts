import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  auditSigningKey,
  checkpointSignatureHolds,
  generateAuditSigningKey,
} from '../../src/common/crypto/audit-signing';
import { ConfigError, loadEnvironment } from '../../src/config/environment';
import { AuditSealer } from '../../src/privacy/audit-sealer';
import { ChainReport, verifyAuditChains, VerifyOptions } from '../../src/privacy/audit-chain';
import { runRetention } from '../../src/privacy/retention';
import { giveConsent } from '../collaboration/helpers';
import { syntheticInsz } from '../factories/insz';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';
import { dropDatabase, testInfo } from '../harness/test-database';
import { as } from '../support/api';

const CLI = join(__dirname, '../../dist/src/privacy/cli/audit-verify.js');
const KEY = auditSigningKey(TEST_SECRETS.auditSigningKey);
const DAY = 86400_000;

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
  /** Runs SQL as the superuser with triggers off (session_replication_role), as an intruder would. */
  const asIntruder = (sql: string) => t.sql(`set session_replication_role = replica; ${sql}`);
  const reportOf = async (p: TestPartnership, options: VerifyOptions = { publicKey: KEY.publicKey }) =>
    (await verifyAuditChains(t.adminUrl, options)).find((r) => r.partnershipId === p.id) as ChainReport;
  const read = (p: TestPartnership, id: string, who: StaffKey = 'coach') =>
    as(t, p.auth(who)).get(`/participants/${id}`).expect(200);
  /** A partnership of its own with `n` read events sealed and signed, for a test that tampers with it. */
  const sealedChain = async (name: string, reads: number) => {
    const p = await createPartnership(t, name);
    const participant = await createParticipant(t, p);
    for (let i = 0; i < reads; i++) await read(p, participant.id);
    await sealer.sealNow();
    return { p, participant };
  };
  const runCli = async (args: string[]) => {
    if (!existsSync(CLI)) throw new Error('Build first (npm run build): the CLI test runs dist.');
    return promisify(execFile)(process.execPath, [CLI, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.adminUrl,
        DATABASE_APP_PASSWORD: testInfo().appPassword,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'jobteam-cli-')),
        AUDIT_SIGNING_KEY: TEST_SECRETS.auditSigningKey,
        NODE_ENV: 'test',
      },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  };

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

  describe('sealing, signed checkpoints and verify (item 14)', () => {
    it('seals on a schedule of at most a minute and signs a checkpoint that verify accepts', async () => {
      expect(loadEnvironment({ NODE_ENV: 'test' }).AUDIT_SEAL_INTERVAL_MS).toBe(60_000);
      expect(() => loadEnvironment({ NODE_ENV: 'test', AUDIT_SEAL_INTERVAL_MS: '120000' })).toThrow(
        ConfigError,
      );

      const spy = jest.spyOn(global, 'setInterval');
      let tick: () => void;
      try {
        sealer.onApplicationBootstrap();
        const [callback, ms] = spy.mock.calls[spy.mock.calls.length - 1];
        expect(ms).toBe(60_000);
        tick = callback as () => void;
        clearInterval(spy.mock.results[spy.mock.results.length - 1].value as NodeJS.Timeout);
      } finally {
        spy.mockRestore();
      }
      const c = await createPartnership(t, 'Scheduled');
      const p = await createParticipant(t, c);
      tick();
      await sealer.sealNow(); // waits for the tick's run
      const [{ unsealed }] = await t.sql<{ unsealed: number }>(
        'select count(*)::int as unsealed from audit_events where partnership_id = $1 and chain_seq is null',
        [c.id],
      );
      expect(unsealed).toBe(0);
      const checkpoints = await t.sql<{
        seq: string;
        hash: string;
        signed_at: Date;
        key_id: string;
        signature: string;
      }>('select seq, hash, signed_at, key_id, signature from audit_checkpoints where partnership_id = $1', [
        c.id,
      ]);
      expect(checkpoints).toHaveLength(1);
      const [cp] = checkpoints;
      const [head] = await t.sql<{ last_seq: string; last_hash: string }>(
        'select last_seq, last_hash from audit_chain_heads where partnership_id = $1',
        [c.id],
      );
      expect({ seq: cp.seq, hash: cp.hash }).toEqual({ seq: head.last_seq, hash: head.last_hash });
      expect(cp.key_id).toBe(KEY.keyId);
      const signed = {
        partnershipId: c.id,
        seq: Number(cp.seq),
        hash: cp.hash,
        signedAt: cp.signed_at.toISOString(),
        keyId: cp.key_id,
        signature: cp.signature,
      };
      expect(checkpointSignatureHolds(KEY.publicKey, signed)).toBe(true);
      expect(checkpointSignatureHolds(KEY.publicKey, { ...signed, seq: signed.seq + 1 })).toBe(false);
      // Nothing moved: no new checkpoint.
      expect(await sealer.sealNow()).toEqual([]);
      await read(c, p.id);
      expect((await sealer.sealNow()).map((x) => x.partnershipId)).toEqual([c.id]);
      const report = await reportOf(c);
      expect(report).toMatchObject({
        firstBroken: null,
        problems: [],
        checkpoint: { seq: Number(cp.seq) + 1 },
      });
    });

    it('seals and signs at shutdown', async () => {
      const u = await createTestApp();
      try {
        const p = await createPartnership(u, 'Shutdown');
        await createParticipant(u, p);
        await u.app.close();
        const client = new Client({ connectionString: u.adminUrl });
        await client.connect();
        try {
          const { rows } = await client.query<{ unsealed: number; checkpoints: number }>(
            `select (select count(*)::int from audit_events where chain_seq is null) as unsealed,
                    (select count(*)::int from audit_checkpoints where partnership_id = $1) as checkpoints`,
            [p.id],
          );
          expect(rows).toEqual([{ unsealed: 0, checkpoints: 1 }]);
        } finally {
          await client.end();
        }
      } finally {
        await dropDatabase(testInfo(), u.databaseName);
      }
    });

    it('fails on a cut tail (superuser, triggers off), also when the head is moved back', async () => {
      const { p, participant } = await sealedChain('Cut', 2);
      for (let i = 0; i < 3; i++) await read(p, participant.id);
      await sealer.sealNow();
      expect(await reportOf(p)).toMatchObject({ firstBroken: null, problems: [] });
      const [{ k }] = await t.sql<{ k: string }>(
        'select min(seq) as k from audit_checkpoints where partnership_id = $1',
        [p.id],
      );
      await asIntruder(`delete from audit_events where partnership_id = '${p.id}' and chain_seq > ${k}`);
      const cut = await reportOf(p);
      expect(cut.firstBroken).toBeNull(); // every remaining link holds ...
      expect(cut.problems.join('\n')).toContain('events missing at the tail'); // ... but the head says more
      expect(cut.problems.join('\n')).toMatch(/checkpoint at seq \d+: the event is missing/);

      await asIntruder(`update audit_chain_heads h set last_seq = e.chain_seq, last_hash = e.hash
                          from audit_events e where e.partnership_id = h.partnership_id and e.chain_seq = ${k}
                           and h.partnership_id = '${p.id}'`);
      const moved = await reportOf(p);
      expect(moved.problems.join('\n')).not.toContain('missing at the tail');
      expect(moved.problems.join('\n')).toMatch(/checkpoint at seq \d+: the event is missing/);
      expect((await reportOf(a)).problems).toEqual([]);

      const run = await runCli([]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`\\(${p.id}\\): .*BROKEN: checkpoint at seq \\d+: the event is missing`),
      );
      expect(run.stdout).toMatch(new RegExp(`\\(${a.id}\\): .*chain intact`));
    });

    it('fails on a rewrite whose hashes were all recomputed, through the signed checkpoint', async () => {
      const { p } = await sealedChain('Rewrite', 3);
      await asIntruder(`
        do $$ declare e audit_events; prev text;
        begin
          update audit_events set details = '{"forged": true}' where partnership_id = '${p.id}' and chain_seq = 2;
          select hash into prev from audit_events where partnership_id = '${p.id}' and chain_seq = 1;
          for e in select * from audit_events where partnership_id = '${p.id}' and chain_seq >= 2 order by chain_seq loop
            update audit_events set prev_hash = prev, hash = app_audit_hash(prev, e) where id = e.id;
            prev := app_audit_hash(prev, e);
          end loop;
          update audit_chain_heads set last_hash = prev where partnership_id = '${p.id}';
        end $$;`);
      const [{ broken }] = await t.sql<{ broken: string | null }>('select app_audit_verify($1) as broken', [
        p.id,
      ]);
      expect(broken).toBeNull(); // the links alone look fine after rehashing
      const report = await reportOf(p);
      expect(report.firstBroken).toBeNull();
      expect(report.problems).toEqual([
        expect.stringMatching(/^checkpoint at seq \d+: the chain was rewritten$/),
      ]);
    });

    it('fails when a row is deleted from the middle, or a row is inserted into the chain', async () => {
      const { p: deleted } = await sealedChain('Deleted row', 3);
      await asIntruder(`delete from audit_events where partnership_id = '${deleted.id}' and chain_seq = 2`);
      expect((await reportOf(deleted)).firstBroken).toBe(3);

      const { p: inserted } = await sealedChain('Inserted row', 2);
      await asIntruder(`
        insert into audit_events (partnership_id, at, actor_roles, action, resource_type, chain_seq, prev_hash, hash)
        select partnership_id, now(), '{}', 'read', 'participant', last_seq + 1, last_hash, repeat('a', 64)
          from audit_chain_heads where partnership_id = '${inserted.id}'`);
      const report = await reportOf(inserted);
      expect([report.firstBroken, ...report.problems].filter(Boolean).length).toBeGreaterThan(0);
      expect(report.problems.join('\n')).toContain('does not record');
    });

    it('exports the latest signed checkpoint, and the archive catches a cut that also removed checkpoints', async () => {
      const { p, participant } = await sealedChain('Archived', 2);
      const exported = await runCli(['--export']);
      const archive = JSON.parse(exported.stdout) as {
        keyId: string;
        publicKey: string;
        checkpoints: {
          partnershipId: string;
          seq: number;
          hash: string;
          signature: string;
          signedAt: string;
          keyId: string;
        }[];
      };
      expect(archive.keyId).toBe(KEY.keyId);
      const mine = archive.checkpoints.find((c) => c.partnershipId === p.id)!;
      expect(checkpointSignatureHolds(KEY.publicKey, mine)).toBe(true);

      // Later events, sealed and signed; then an intruder cuts them, moves the head back and drops
      // the checkpoints that would tell.
      for (let i = 0; i < 2; i++) await read(p, participant.id);
      await sealer.sealNow();
      const [{ k }] = await t.sql<{ k: string }>(
        'select min(seq) as k from audit_checkpoints where partnership_id = $1',
        [p.id],
      );
      expect(Number(k)).toBe(mine.seq);
      await asIntruder(`
        delete from audit_events where partnership_id = '${p.id}' and chain_seq > ${k} - 1;
        delete from audit_checkpoints where partnership_id = '${p.id}';
        update audit_chain_heads h set last_seq = e.chain_seq, last_hash = e.hash
          from audit_events e where e.partnership_id = h.partnership_id and e.chain_seq = ${k} - 1
           and h.partnership_id = '${p.id}';`);
      expect((await reportOf(p)).problems).toEqual([]); // the database alone no longer tells
      const against = await reportOf(p, { publicKey: KEY.publicKey, archived: [mine] });
      expect(against.problems).toEqual([
        `archived checkpoint at seq ${mine.seq}: beyond the head (seq ${mine.seq - 1})`,
        `archived checkpoint at seq ${mine.seq}: the event is missing`,
      ]);

      const file = join(mkdtempSync(join(tmpdir(), 'jobteam-archive-')), 'checkpoints.json');
      writeFileSync(file, JSON.stringify({ checkpoints: [mine] }));
      const run = await runCli(['--against', file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`\\(${p.id}\\): .*BROKEN: archived checkpoint at seq ${mine.seq}: the event is missing`),
      );
    });

    it('fails when a checkpoint is checked with another public key', async () => {
      const { p } = await sealedChain('Other key', 1);
      const other = auditSigningKey(generateAuditSigningKey());
      const report = await reportOf(p, { publicKey: other.publicKey });
      expect(report.problems).toEqual([
        expect.stringMatching(/^checkpoint at seq \d+: signature does not hold/),
      ]);
      expect((await reportOf(p)).problems).toEqual([]);
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
      const dpoLog = await t
        .http()
        .get('/audit-events')
        .query({ participantId: p.id, limit: 200 })
        .set('authorization', a.auth('dpo'))
        .expect(200);
      const reasons = dpoLog.body.items.map((e: { reason: string | null }) => e.reason);
      expect(reasons).toEqual(expect.arrayContaining([values.rejection, values.correction]));

      // The participant's own access log explains why, by code; a sealed reason never shows as ciphertext.
      const accessLog = await t
        .http()
        .get(`/participants/${p.id}/access-log`)
        .query({ limit: 200 })
        .set('authorization', a.auth('coach'))
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
      const dpoAfter = await t
        .http()
        .get('/audit-events')
        .query({ participantId: p.id, limit: 200 })
        .set('authorization', a.auth('dpo'))
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
