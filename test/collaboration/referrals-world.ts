import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * The world of the referral tests: partnership A, which refers, and B, a second tenant in the same
 * database whose staff must never see A's referrals. Each test file builds its own, in the cloned
 * database its `createTestApp()` gives it.
 */
export interface ReferralsWorld {
  t: TestApp;
  a: TestPartnership;
  b: TestPartnership;
}

export async function buildReferralsWorld(): Promise<ReferralsWorld> {
  const t = await createTestApp();
  const a = await createPartnership(t, 'A');
  const b = await createPartnership(t, 'B');
  return { t, a, b };
}

/**
 * Builds the file's own world before its tests (handing it to `into`, which keeps it in the file's `t`, `a`
 * and `b`), resets the clock after each test and closes the app after the last; returns A's referral requests.
 */
export function useReferralsWorld(into: (world: ReferralsWorld) => void) {
  let world: ReferralsWorld;
  beforeAll(async () => {
    world = await buildReferralsWorld();
    into(world);
  });
  afterEach(() => world.t.clock.reset());
  afterAll(() => world.t.close());
  return referralRequests(() => world);
}

/**
 * A's referral requests, on the world `world()` returns when called (the file's `beforeAll` builds it, so
 * these are made before it exists).
 */
export function referralRequests(world: () => Pick<ReferralsWorld, 't' | 'a'>) {
  /** POST /referrals as A's coach: an outbound VDAB training referral unless `extra` says otherwise. */
  const outbound = (participantId: string, extra: Record<string, unknown> = {}) => {
    const { t, a } = world();
    return as(t, a.auth('coach')).post('/referrals', {
      direction: 'outbound',
      target: 'vdab',
      kind: 'training',
      participantId,
      ...extra,
    });
  };
  const move = (id: string, who: Parameters<TestPartnership['auth']>[0], body: Record<string, unknown>) => {
    const { t, a } = world();
    return as(t, a.auth(who)).post(`/referrals/${id}/transitions`, body);
  };
  return { outbound, move };
}
