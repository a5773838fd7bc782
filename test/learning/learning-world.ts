import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * The world of the learning tests (issue 16, items 10-12): two partnerships in one database, so each answer
 * of A is checked beside B's rows. Each test file builds its own, in the cloned database its
 * `createTestApp()` gives it.
 */
export interface LearningWorld {
  t: TestApp;
  a: TestPartnership;
  b: TestPartnership;
}

export async function buildLearningWorld(): Promise<LearningWorld> {
  const t = await createTestApp();
  const a = await createPartnership(t, 'Learning A');
  const b = await createPartnership(t, 'Learning B');
  return { t, a, b };
}

/**
 * Builds the file's own world before its tests (handing it to `into`, which keeps it in the file's `t`, `a`
 * and `b`), resets the clock after each test and closes the app after the last; returns the request helpers.
 */
export function useLearningWorld(into: (world: LearningWorld) => void) {
  let world: LearningWorld;
  beforeAll(async () => {
    world = await buildLearningWorld();
    into(world);
  });
  afterEach(() => world.t.clock.reset());
  afterAll(() => world.t.close());
  return learningClients(() => world);
}

/**
 * Requests on the world `world()` returns when called (the file's `beforeAll` builds it, so these are made
 * before it exists): `A.post(url, 'coach', body)` is a request of A's coach.
 */
export function learningClients(world: () => LearningWorld) {
  const call = (of: TestPartnership | (() => TestPartnership)) => {
    const auth = (who: StaffKey) => (typeof of === 'function' ? of() : of).auth(who);
    return {
      get: (url: string, who: StaffKey) => as(world().t, auth(who)).get(url),
      post: (url: string, who: StaffKey, body: object = {}) => as(world().t, auth(who)).post(url, body),
      put: (url: string, who: StaffKey, body: object = {}, version?: number) =>
        as(world().t, auth(who)).put(url, body, { ifMatch: version }),
      patch: (url: string, who: StaffKey, body: object, version: number) =>
        as(world().t, auth(who)).patch(url, body, { ifMatch: version }),
    };
  };
  return { call, A: call(() => world().a), B: call(() => world().b) };
}

/** The query string of the current quarter, as the report routes take it. */
export const thisQuarter = () => {
  const now = new Date();
  return `year=${now.getFullYear()}&quarter=${Math.floor(now.getMonth() / 3) + 1}`;
};
