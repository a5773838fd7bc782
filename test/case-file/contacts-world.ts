import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * The world of the contact-moment tests: partnership A, whose coaches register contacts, and B, a second
 * tenant in the same database whose staff must never see them. Each test file builds its own, in the cloned
 * database its `createTestApp()` gives it.
 */
export interface ContactsWorld {
  t: TestApp;
  a: TestPartnership;
  b: TestPartnership;
}

export async function buildContactsWorld(): Promise<ContactsWorld> {
  const t = await createTestApp();
  const a = await createPartnership(t, 'A');
  const b = await createPartnership(t, 'B');
  return { t, a, b };
}

/** A contact body the tests vary: an hour's home visit. */
export const visit = {
  at: '2025-01-10T09:00:00Z',
  kind: 'home_visit',
  durationMinutes: 60,
  summary: 'Huisbezoek, post doorgenomen',
};

/** The contacts of trajectory `id`. */
export const base = (id: string) => `/trajectories/${id}/contacts`;

/**
 * Builds the file's own world before its tests (handing it to `into`, which keeps it in the file's `t`, `a`
 * and `b`) and closes the app after the last; returns the contact requests.
 */
export function useContactsWorld(into: (world: ContactsWorld) => void) {
  let world: ContactsWorld;
  beforeAll(async () => {
    world = await buildContactsWorld();
    into(world);
  });
  afterAll(() => world.t.close());
  return contactRequests(() => world);
}

/**
 * Contact requests as A's staff (or `p`'s where a helper takes it), on the world `world()` returns when
 * called (the file's `beforeAll` builds it, so these are made before it exists).
 */
export function contactRequests(world: () => Pick<ContactsWorld, 't' | 'a'>) {
  const create = (
    id: string,
    body: Record<string, unknown>,
    who: StaffKey = 'coach',
    p?: TestPartnership,
  ) => {
    const { t, a } = world();
    return as(t, (p ?? a).auth(who)).post(base(id), body);
  };
  const list = (id: string, query = '', who: StaffKey = 'coach', p?: TestPartnership) => {
    const { t, a } = world();
    return as(t, (p ?? a).auth(who)).get(`${base(id)}${query}`);
  };
  /** PATCH one contact as its author (or `who`), with `version` as If-Match unless it is null. */
  const patch = (
    id: string,
    contactId: string,
    version: string | null,
    body: Record<string, unknown>,
    who: StaffKey = 'coach',
  ) => {
    const { t, a } = world();
    const req = as(t, a.auth(who)).patch(`${base(id)}/${contactId}`);
    if (version !== null) req.set('if-match', version);
    return req.send(body);
  };
  /** A participant of `owner` in A, with a trajectory started on 1 December 2024. */
  async function setUp(owner: StaffKey = 'coach') {
    const { t, a } = world();
    const p = await createParticipant(t, a, owner);
    const tr = await startTrajectory(t, a, p.id, owner, { startedAt: '2024-12-01T09:00:00Z' });
    return { p, tr };
  }
  return { create, list, patch, setUp };
}
