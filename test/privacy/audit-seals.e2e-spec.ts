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

import { createParticipant } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';
import { dropDatabase, testInfo } from '../harness/test-database';
import { as } from '../support/api';

const CLI = join(__dirname, '../../dist/src/privacy/cli/audit-verify.js');
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
});
