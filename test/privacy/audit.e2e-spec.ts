import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyAuditChains } from '../../src/privacy/audit-chain';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant } from '../factories/participant.factory';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';
import { testInfo } from '../harness/test-database';
import { as } from '../support/api';

const CLI = join(__dirname, '../../dist/src/privacy/cli/audit-verify.js');

describe('the audit log', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const events = (who: StaffKey, query: Record<string, string | number> = {}, p = a) =>
    as(t, p.auth(who)).get('/audit-events', { query });

  describe('GET /audit-events', () => {
    it('shows the DPO sealed events with actor, organisation, action, resource, scope and hash, newest first', async () => {
      const p = await createParticipant(t, a);
      await as(t, a.auth('coach2')).get(`/participants/${p.id}`).expect(200);
      const res = await events('dpo', { participantId: p.id }).expect(200);
      expect(res.body.total).toBe(2);
      const [read, created] = res.body.items;
      expect(read).toMatchObject({
        actor: { id: a.staff.coach2.id, name: 'Test coach2', roles: ['coach'] },
        actorOrganisation: { id: a.orgs.compaan.id, name: 'Compaan' },
        action: 'read',
        resource: { type: 'participant', id: p.id },
        participantId: p.id,
        scope: 'full',
      });
      expect(created).toMatchObject({ action: 'create', actor: { id: a.staff.coach.id } });
      for (const e of res.body.items) {
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(e.chainSeq).toBeGreaterThan(0);
        expect(typeof e.requestId).toBe('string');
      }
      expect(read.chainSeq).toBeGreaterThan(created.chainSeq);
      expect(read).not.toHaveProperty('details');
    });

    it('filters by actor, organisation, action and period, and pages with a total', async () => {
      const p = await createParticipant(t, a, 'coachIntro');
      const byActor = await events('dpo', { actorId: a.staff.coachIntro.id }).expect(200);
      expect(byActor.body.total).toBeGreaterThan(0);
      expect(new Set(byActor.body.items.map((e: { actor: { id: string } }) => e.actor.id))).toEqual(
        new Set([a.staff.coachIntro.id]),
      );
      const byOrg = await events('dpo', { organisationId: a.orgs.intro.id, action: 'create' }).expect(200);
      expect(byOrg.body.items.map((e: { participantId: string }) => e.participantId)).toEqual([p.id]);
      const future = await events('dpo', { from: new Date(Date.now() + 3600_000).toISOString() }).expect(200);
      expect(future.body.total).toBe(0);
      const past = await events('dpo', { to: '2000-01-01T00:00:00Z' }).expect(200);
      expect(past.body.total).toBe(0);
      const page = await events('dpo', { limit: 1, page: 2 }).expect(200);
      expect(page.body).toMatchObject({ page: 2, limit: 1 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThan(2);
    });

    it('refuses bad filters with 400, others than the DPO with 403, and shows nothing of another partnership', async () => {
      const bad: Record<string, string | number>[] = [
        { action: "read' or 1=1 --" },
        { participantId: 'not-a-uuid' },
        { from: 'yesterday' },
        { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
        { limit: 1000 },
      ];
      for (const query of bad) await events('dpo', query).expect(400);
      for (const role of ['coach', 'coordinator', 'admin', 'spocVdab'] as StaffKey[])
        await events(role).expect(403);
      await t.http().get('/audit-events').expect(401);
      const theirs = await createParticipant(t, b);
      const res = await events('dpo', { participantId: theirs.id }).expect(200);
      expect(res.body.total).toBe(0);
      const all = await events('dpo', { limit: 200 }).expect(200);
      expect(all.body.items.some((e: { participantId: string }) => e.participantId === theirs.id)).toBe(
        false,
      );
    });

    it('records the DPO reading the log as an event of its own', async () => {
      const p = await createParticipant(t, a);
      await events('dpo', { participantId: p.id }).expect(200);
      const rows = await t.sql<{ actor_id: string; reason: string }>(
        `select actor_id, reason from audit_events
          where resource_type = 'audit_events' and details->'filters'->>'participantId' = $1`,
        [p.id],
      );
      expect(rows).toEqual([{ actor_id: a.staff.dpo.id, reason: 'dpo_oversight' }]);
    });
  });

  describe('append-only and hash-chained', () => {
    it('refuses UPDATE and DELETE to the app role, even inside a request (42501)', async () => {
      await createParticipant(t, a);
      const attempt = (sql: string) =>
        t.db
          .runAsStaff({ tenantId: a.id, staffId: a.staff.dpo.id, requestId: 'tamper' }, () =>
            t.db.manager.query(sql),
          )
          .then(
            () => 'succeeded',
            (e: { code?: string }) => e.code,
          );
      expect(await attempt(`update audit_events set reason = 'nothing to see'`)).toBe('42501');
      expect(await attempt('delete from audit_events')).toBe('42501');
      expect(await attempt('truncate audit_events')).toBe('42501');
      const [{ n }] = await t.sql<{ n: number }>(
        `select count(*)::int as n from audit_events where reason = 'nothing to see'`,
      );
      expect(n).toBe(0);
    });

    it('reports the first broken link when a sealed row is changed behind the trigger', async () => {
      const p = await createParticipant(t, a);
      await as(t, a.auth('coach')).get(`/participants/${p.id}`).expect(200);
      const before = await verifyAuditChains(t.adminUrl);
      expect(before.find((r) => r.partnershipId === a.id)).toMatchObject({ firstBroken: null });
      expect(before.find((r) => r.partnershipId === b.id)).toMatchObject({ firstBroken: null });
      const [victim] = await t.sql<{ chain_seq: string }>(
        `select chain_seq from audit_events where participant_id = $1 and action = 'read'`,
        [p.id],
      );
      await t.sql('alter table audit_events disable trigger audit_events_append_only');
      try {
        await t.sql(
          `update audit_events set details = '{"forged": true}' where partnership_id = $1 and chain_seq = $2`,
          [a.id, victim.chain_seq],
        );
      } finally {
        await t.sql('alter table audit_events enable trigger audit_events_append_only');
      }
      const [{ broken }] = await t.sql<{ broken: string }>('select app_audit_verify($1) as broken', [a.id]);
      expect(Number(broken)).toBe(Number(victim.chain_seq));
      const after = await verifyAuditChains(t.adminUrl);
      expect(after.find((r) => r.partnershipId === a.id)?.firstBroken).toBe(Number(victim.chain_seq));
      expect(after.find((r) => r.partnershipId === b.id)?.firstBroken).toBeNull();

      // `npm run audit:verify` runs the built CLI: it prints the broken link and exits 1.
      if (!existsSync(CLI)) throw new Error('Build first (npm run build): the CLI test runs dist.');
      const run = await promisify(execFile)(process.execPath, [CLI], {
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
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`(${a.id}): `);
      expect(run.stdout).toContain(`BROKEN at chain_seq ${victim.chain_seq}`);
      expect(run.stdout).toMatch(new RegExp(`\\(${b.id}\\): .*chain intact`));
    });
  });
});
