import type { Test } from 'supertest';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { day, insertContact, insertParticipant, insertTrajectory } from './report-fixtures';

/**
 * The first quarter of 2025 that the quarterly report and data-quality tests read, written straight into the
 * database: partnership A's trajectories and contacts (hand-counted in the assertions), one trajectory of B
 * that A's figures must not count, and an empty partnership D for the data-quality rules to fill.
 * Each test file builds its own, in the cloned database its `createTestApp()` gives it.
 */
export interface QuarterlyWorld {
  t: TestApp;
  a: TestPartnership;
  b: TestPartnership;
  d: TestPartnership;
  /** A's participants by key: q1 to q7, and x0 to x15 (16 more active trajectories of coach2). */
  id: Record<string, string>;
  /** GET /reports/quarterly as `who` of partnership `p` (A by default), in English. */
  quarterly(
    query: Record<string, string | number>,
    who?: Parameters<TestPartnership['auth']>[0],
    p?: TestPartnership,
  ): Test;
}

/**
 * Builds the file's own world before its tests (handing it to `into`, which keeps what the file reads) and
 * closes the app after the last; returns `quarterly`, which requests from that world.
 */
export function useQuarterlyWorld(into: (world: QuarterlyWorld) => void) {
  let world: QuarterlyWorld;
  beforeAll(async () => {
    world = await buildQuarterlyWorld();
    into(world);
  });
  afterAll(() => world.t.close());
  const quarterly: QuarterlyWorld['quarterly'] = (...args) => world.quarterly(...args);
  return { quarterly };
}

export async function buildQuarterlyWorld(): Promise<QuarterlyWorld> {
  const t = await createTestApp();
  const [a, b, d] = [
    await createPartnership(t, 'A'),
    await createPartnership(t, 'B'),
    await createPartnership(t, 'D'),
  ];
  const id: Record<string, string> = {};
  await t.sql(`update staff set fte = 0.5 where id = any($1)`, [[a.staff.coach.id, a.staff.coach2.id]]);
  const P = async (key: string) => (id[key] = await insertParticipant(t, a));

  // Q1 2025 runs from 2025-01-01 to 2025-03-31, Brussels time.
  const t1 = await insertTrajectory(t, a, await P('q1'), {
    referral_channel: 'vdab',
    started_at: day('2025-01-10'),
    intake_at: day('2025-01-15'),
    guidance_started_at: day('2025-01-20'),
  });
  const t2 = await insertTrajectory(t, a, await P('q2'), {
    referral_channel: 'ocmw',
    started_at: day('2025-02-01'),
    closed_at: day('2025-03-01'), // 28 days
    outcome: 'work',
  });
  await insertTrajectory(t, a, await P('q3'), {
    referral_channel: 'vdab',
    started_at: day('2024-10-01'),
    guidance_started_at: day('2024-11-01'),
    closed_at: day('2025-03-30'), // 180 days
    outcome: 'no_result',
  });
  await insertTrajectory(t, a, await P('q4'), {
    started_at: day('2024-12-01'),
    closed_at: day('2025-01-31'), // 61 days
    outcome: 'regular_activation',
    outcome_kind: 'glow',
  });
  // 23:30 on 31 March in Brussels (summer time): still the first quarter.
  await insertTrajectory(t, a, await P('q5'), {
    referral_channel: 'self',
    started_at: '2025-03-31T21:30:00Z',
    case_manager: 'coach2',
  });
  await insertTrajectory(t, a, await P('q6'), { started_at: day('2025-04-01'), case_manager: 'coach2' });
  const t7 = await insertTrajectory(t, a, await P('q7'), {
    started_at: day('2024-06-01'),
    guidance_started_at: day('2024-07-01'),
    case_manager: 'coachCaw',
  });
  for (let i = 0; i < 16; i++)
    await insertTrajectory(t, a, await P(`x${i}`), {
      started_at: day('2024-09-01'),
      case_manager: 'coach2',
    });

  await insertContact(t, a, t1, day('2025-02-03'), 'office', 60);
  await insertContact(t, a, t1, day('2025-03-03'), 'phone', 15);
  await insertContact(t, a, t7, day('2025-02-10'), 'home_visit', 90, 'coachCaw', true); // confidential, CAW
  await insertContact(t, a, t2, day('2024-12-15'), 'office', 30); // before the quarter
  await insertContact(t, a, t1, day('2025-04-02'), 'office', 45); // after it

  const other = await insertParticipant(t, b);
  await insertTrajectory(t, b, other, {
    referral_channel: 'vdab',
    started_at: day('2025-02-01'),
    closed_at: day('2025-02-15'),
    outcome: 'work',
  });

  const quarterly: QuarterlyWorld['quarterly'] = (query, who = 'coordinator', p = a) =>
    // The assertions read the English definitions; Dutch is the default (test/reports/language.e2e-spec.ts).
    as(t, p.auth(who)).get('/reports/quarterly', { query, lang: 'en' });
  return { t, a, b, d, id, quarterly };
}
