import { formatRetentionAction, runRetention } from '../../src/privacy/retention';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

const monthsAgo = (n: number) => new Date(Date.now() - n * 30.5 * 86400_000).toISOString();

describe('retention:run', () => {
  let t: TestApp;
  let a: TestPartnership;
  const ids: Record<'expired' | 'recent' | 'open' | 'reopened' | 'neverStarted', string> = {} as never;

  const closeAt = (trajectoryId: string, at: string) =>
    as(t, a.auth('coach'))
      .post(`/trajectories/${trajectoryId}/transitions`, { to: 'afgesloten', at, outcome: 'no_result' })
      .expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    const make = async (startedMonthsAgo: number, closedMonthsAgo: number | null) => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: monthsAgo(startedMonthsAgo) });
      if (closedMonthsAgo !== null) await closeAt(tr.id, monthsAgo(closedMonthsAgo));
      return p.id;
    };
    ids.expired = await make(40, 30);
    ids.recent = await make(40, 6);
    ids.open = await make(40, null);
    // Closed long ago, but came back: the reopened trajectory is open, so the case is open.
    ids.reopened = await make(50, 36);
    await startTrajectory(t, a, ids.reopened, 'coach', { startedAt: monthsAgo(2) });
    ids.neverStarted = (await createParticipant(t, a)).id;
  });
  afterAll(() => t.close());

  const names = async () =>
    Object.fromEntries(
      (
        await t.sql<{ id: string; first_name: string; pseudonymised: boolean }>(
          'select id, first_name, pseudonymised_at is not null as pseudonymised from participants where id = any($1)',
          [Object.values(ids)],
        )
      ).map((r) => [r.id, r.pseudonymised ? 'pseudonymised' : 'kept']),
    );

  it('lists what is due on a dry run and changes nothing', async () => {
    const due = await runRetention(t.adminUrl, 24, { dryRun: true });
    expect(due.map((d) => d.participantId)).toEqual([ids.expired]);
    expect(formatRetentionAction(due[0], true)).toContain('would pseudonymise');
    expect(Object.values(await names())).toEqual(['kept', 'kept', 'kept', 'kept', 'kept']);
  });

  it('pseudonymises only cases closed longer than the retention period, never an open one, and audits it', async () => {
    const done = await runRetention(t.adminUrl, 24);
    expect(done).toMatchObject([{ participantId: ids.expired, partnershipId: a.id, result: 'ok' }]);
    expect(done[0].pseudonym).toMatch(/^Pseudoniem-[0-9a-f]{8}$/);
    expect(formatRetentionAction(done[0], false)).toContain(`pseudonymised as ${done[0].pseudonym}`);
    expect(await names()).toEqual({
      [ids.expired]: 'pseudonymised',
      [ids.recent]: 'kept',
      [ids.open]: 'kept',
      [ids.reopened]: 'kept',
      [ids.neverStarted]: 'kept',
    });
    const audit = await t.sql<{ actor_id: string | null; actor_roles: string[]; reason: string }>(
      `select actor_id, actor_roles, reason from audit_events where participant_id = $1 and action = 'pseudonymise'`,
      [ids.expired],
    );
    expect(audit).toEqual([{ actor_id: null, actor_roles: ['system'], reason: 'retention_period' }]);
    // A second run has nothing left to do; a shorter period reaches the recently closed case only.
    expect(await runRetention(t.adminUrl, 24)).toEqual([]);
    const shorter = await runRetention(t.adminUrl, 3);
    expect(shorter.map((d) => d.participantId)).toEqual([ids.recent]);
    expect((await names())[ids.open]).toBe('kept');
  });
});
