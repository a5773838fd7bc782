import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * The world of the issue 12 attack tests (replays, known participants, NUL bytes, erasure): partnership A,
 * which is attacked, and B, a second tenant in the same database, so A's answers are checked beside another
 * tenant's rows. Each test file builds its own, in the cloned database its `createTestApp()` gives it.
 */
export interface AttacksWorld {
  t: TestApp;
  a: TestPartnership;
  b: TestPartnership;
}

export async function buildAttacksWorld(): Promise<AttacksWorld> {
  const t = await createTestApp();
  const a = await createPartnership(t, 'A');
  const b = await createPartnership(t, 'B');
  return { t, a, b };
}

/**
 * Builds the file's own world before its tests (handing it to `into`, which keeps it in the file's `t`, `a`
 * and `b`), and resets the clock and closes the app after the last; returns the requests the tests make.
 */
export function useAttacksWorld(into: (world: AttacksWorld) => void) {
  let world: AttacksWorld;
  beforeAll(async () => {
    world = await buildAttacksWorld();
    into(world);
  });
  afterAll(async () => {
    world.t.clock.reset();
    await world.t.close();
  });
  return attackRequests(() => world);
}

/**
 * Requests as one partnership's staff, and row counts, on the world `world()` returns when called (the
 * file's `beforeAll` builds it, so these are made before it exists).
 */
export function attackRequests(world: () => Pick<AttacksWorld, 't' | 'a'>) {
  /** Requests as `key` of `p` (A unless given), with an optional idempotency key on POST. */
  const by = (key: StaffKey, p?: TestPartnership) => {
    const { t, a } = world();
    const auth = (p ?? a).auth(key);
    return {
      get: (url: string) => as(t, auth).get(url),
      post: (url: string, body: Record<string, unknown> = {}, idem?: string) =>
        as(t, auth).post(url, body, { idempotencyKey: idem || undefined }),
    };
  };
  /** The number of rows of `sql` (a table and its where clause). */
  const count = async (sql: string, params: unknown[] = []) =>
    (await world().t.sql<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n;
  return { by, count };
}
