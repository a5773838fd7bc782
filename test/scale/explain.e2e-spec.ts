import { Client } from 'pg';
import { seedScale } from '../../src/seed/scale/scale-seed';
import { createTestApp, TestApp, TEST_SECRETS } from '../harness/test-app';

/**
 * Seeds a moderately sized data set, captures the SELECT statements the app really sends for the
 * main reads (by wrapping pg's Client#query), and EXPLAINs each one with the same staff member's
 * RLS context. A sequential scan of a large table means a missing or unusable index.
 */
const LARGE = [
  'participants',
  'access_grants',
  'contacts',
  'trajectories',
  'audit_events',
  'consents',
  'trajectory_transitions',
  'assessments',
  'referrals',
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const seqScans = (node: PlanNode): string[] => [
  ...(node['Node Type'] === 'Seq Scan' && LARGE.includes(node['Relation Name'] ?? '')
    ? [node['Relation Name']!]
    : []),
  ...(node.Plans ?? []).flatMap(seqScans),
];

const captured: { text: string; values: unknown[] }[] = [];
let capturing = false;
const original = Client.prototype.query;

describe('query plans at scale (20,000 participants)', () => {
  let t: TestApp;
  type Staff = { id: string; partnership_id: string };
  let staff: Staff;
  let spoc: Staff;
  let participantId: string;
  let trajectoryId: string;
  const auth = (s: Staff) => `Bearer ${t.token({ id: s.id, partnershipId: s.partnership_id })}`;

  beforeAll(async () => {
    Client.prototype.query = function (this: Client & { user?: string }, ...args: unknown[]) {
      if (
        capturing &&
        this.user === 'jobteam_app' &&
        typeof args[0] === 'string' &&
        /^\s*select/i.test(args[0])
      )
        captured.push({ text: args[0], values: (args[1] as unknown[]) ?? [] });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    t = await createTestApp();
    const admin = new Client({ connectionString: t.adminUrl });
    await admin.connect();
    try {
      await seedScale(admin, {
        partnerships: 20,
        participants: 20000,
        seed: 7,
        contactsPer: 3,
        inszHashKey: TEST_SECRETS.inszHashKey,
        passwordHash: 'not-used-tokens-are-signed-directly',
        until: '2026-06-30',
      });
      await admin.query('analyze');
    } finally {
      await admin.end();
    }
    [staff] = await t.sql(`select id, partnership_id from staff where email like 'coach1.p01@%'`);
    [spoc] = await t.sql(`select id, partnership_id from staff where email like 'spocvdab1.p01@%'`);
    const list = await t.http().get('/participants?limit=5').set('authorization', auth(staff)).expect(200);
    participantId = list.body.items[0].id;
    [{ trajectory_id: trajectoryId }] = await t.sql<{ trajectory_id: string }>(
      `select a.trajectory_id from assessments a join trajectories tr on tr.id = a.trajectory_id
        join staff s on s.organisation_id = tr.owner_organisation_id and s.id = $1
        group by a.trajectory_id order by count(*) desc, a.trajectory_id limit 1`,
      [staff.id],
    );
  }, 180000);
  afterAll(async () => {
    Client.prototype.query = original;
    await t?.close();
  });

  it('detects a sequential scan when indexes cannot be used (self-check of this test)', async () => {
    const plan = await t.db.runAsStaff(
      { tenantId: staff.partnership_id, staffId: staff.id, requestId: 'explain' },
      async () => {
        await t.db.manager.query('set local enable_indexscan = off');
        await t.db.manager.query('set local enable_bitmapscan = off');
        const [row] = await t.db.manager.query(
          `explain (format json) select id from participants where id = $1`,
          [participantId],
        );
        return (row['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
      },
    );
    expect(seqScans(plan)).toEqual(expect.arrayContaining(['participants', 'access_grants']));
  });

  it.each([
    ['hot path', () => `/participants/${participantId}`, 'coach'],
    ['list', () => '/participants?limit=50', 'coach'],
    ['search', () => '/participants?q=pee&limit=50', 'coach'],
    ['filtered list', () => '/participants?status=begeleiding&limit=50', 'coach'],
    ['trajectories of a participant', () => `/participants/${participantId}/trajectories`, 'coach'],
    ["a trajectory's assessments", () => `/trajectories/${trajectoryId}/assessments`, 'coach'],
    ['the SPOC inbox', () => '/referrals?inbox=organisation', 'spoc'],
  ])('%s uses indexes on every large table', async (_name, path, who) => {
    const caller = who === 'spoc' ? spoc : staff;
    captured.length = 0;
    capturing = true;
    const res = await t.http().get(path()).set('authorization', auth(caller)).expect(200);
    capturing = false;
    // The reads must return seeded rows, or the plans say nothing about a filled table.
    expect(res.body.items?.length ?? 1).toBeGreaterThan(0);
    const statements = captured.filter((c) => !/app_begin_request/.test(c.text));
    expect(statements.length).toBeGreaterThan(0);
    const findings = await t.db.runAsStaff(
      { tenantId: caller.partnership_id, staffId: caller.id, requestId: 'explain' },
      async () => {
        const out: { sql: string; seqScans: string[] }[] = [];
        for (const s of statements) {
          const [row] = await t.db.manager.query(`explain (format json) ${s.text}`, s.values);
          const plan = (row['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
          out.push({ sql: s.text.replace(/\s+/g, ' ').slice(0, 160), seqScans: seqScans(plan) });
        }
        return out;
      },
    );
    expect(findings.filter((f) => f.seqScans.length)).toEqual([]);
  });
});
