import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/** The grant tests' day, re-exported so they keep importing it from their world. */
export { DAY } from '../support/time';

/**
 * The world of the grant-rule tests: partnership A, whose grants are tried, and B, a second tenant in the
 * same database so that A's answers are checked beside another tenant's rows. Each test file builds its
 * own, in the cloned database its `createTestApp()` gives it.
 */
export interface GrantsWorld {
  t: TestApp;
  a: TestPartnership;
  b: TestPartnership;
}

export async function buildGrantsWorld(): Promise<GrantsWorld> {
  const t = await createTestApp();
  const a = await createPartnership(t, 'A');
  const b = await createPartnership(t, 'B');
  return { t, a, b };
}

/**
 * Builds the file's own world before its tests (handing it to `into`, which keeps it in the file's `t`, `a`
 * and `b`), resets the clock after each test and closes the app after the last; returns the grant helpers.
 */
export function useGrantsWorld(into: (world: GrantsWorld) => void) {
  let world: GrantsWorld;
  beforeAll(async () => {
    world = await buildGrantsWorld();
    into(world);
  });
  afterEach(() => world.t.clock.reset());
  afterAll(() => world.t.close());
  return grantHelpers(() => world);
}

/** Raw SQL rows, as `asApp` gives them. */
export type Row = Record<string, unknown>;

/**
 * The grant tests' helpers, on the world `world()` returns when called (the file's `beforeAll` builds it,
 * so the helpers are made before it exists).
 */
export function grantHelpers(world: () => Pick<GrantsWorld, 't' | 'a'>) {
  const now = () => world().t.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const onTrajectory = async () => {
    const { t, a } = world();
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    return { p, tr };
  };
  /** POST /case-meetings in A's first team, as `who`. */
  const plan = (at: number, attendees: StaffKey[] = ['spocVdab'], who: StaffKey = 'coach') => {
    const { t, a } = world();
    return as(t, a.auth(who)).post('/case-meetings', {
      teamId: a.teams[0].id,
      scheduledAt: iso(at),
      location: 'Rabot, zaal 2',
      attendeeIds: attendees.map((k) => a.staff[k].id),
    });
  };
  const grantsOf = (participantId: string, reason: string) =>
    world().t.sql<{ staff_id: string; valid_from: Date; valid_until: Date | null; ended_at: Date | null }>(
      `select staff_id, valid_from, valid_until, ended_at from access_grants
        where participant_id = $1 and reason = $2 order by created_at`,
      [participantId, reason],
    );
  /** Raw SQL as jobteam_app with a staff member's request context set: the database wall alone. */
  const asApp = <T>(
    staff: StaffKey,
    fn: (q: (sql: string, params?: unknown[]) => Promise<Row[]>) => Promise<T>,
  ) => {
    const { t, a } = world();
    return t.db.runAsStaff({ tenantId: a.id, staffId: a.staff[staff].id, requestId: 'grant-rules' }, () =>
      fn((sql, params) => t.db.manager.query(sql, params) as Promise<Row[]>),
    );
  };
  /** The PostgreSQL error code a promise rejects with, or 'ok'. */
  const pgCode = async (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (err: { code?: string; driverError?: { code?: string } }) => err.driverError?.code ?? err.code,
    );
  return { now, iso, onTrajectory, plan, grantsOf, asApp, pgCode };
}
