import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { StaffKey, TestPartnership } from '../factories/partnership.factory';
import { TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { DAY, daysAgo } from '../support/time';

export const EMPOWERMENT_KEYS = [
  'competentie',
  'zelfbeschikking',
  'impact',
  'betekenis',
  'positieve_identiteit',
  'groepsorientatie',
] as const;

/** Empowerment scores in instrument order, e.g. scores(5, 6, 4, 3, 4, 5), or one value for all. */
export const scores = (...values: number[]) =>
  Object.fromEntries(EMPOWERMENT_KEYS.map((k, i) => [k, values.length === 1 ? values[0] : values[i]]));

export { DAY, daysAgo };
export const WEEK = 7 * DAY;

export function assessmentsApi(t: TestApp, a: TestPartnership) {
  const base = (id: string) => `/trajectories/${id}/assessments`;
  const post = (id: string, body: Record<string, unknown>, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).post(base(id), body);
  const get = (path: string, who: StaffKey = 'coach', p = a) => as(t, p.auth(who)).get(path);
  const move = (id: string, to: string, at: string, who: StaffKey = 'coach', extra = {}) =>
    as(t, a.auth(who))
      .post(`/trajectories/${id}/transitions`, { to, at, ...extra })
      .expect(200);
  /** A participant of `owner`'s organisation with a trajectory; in guidance from `guidanceAt` when given. */
  async function trajectory(
    opts: { startedAt?: string; guidanceAt?: string; owner?: StaffKey } = {},
  ): Promise<{ participantId: string; trajectoryId: string }> {
    const owner = opts.owner ?? 'coach';
    const p = await createParticipant(t, a, owner);
    const tr = await startTrajectory(t, a, p.id, owner, { startedAt: opts.startedAt ?? daysAgo(400) });
    if (opts.guidanceAt) {
      await move(tr.id, 'intake', opts.guidanceAt, owner);
      await move(tr.id, 'begeleiding', opts.guidanceAt, owner);
    }
    return { participantId: p.id, trajectoryId: tr.id };
  }
  const grant = (
    participantId: string,
    organisationId: string,
    scope: string,
    reason = 'consent_partnership',
  ) =>
    t.sql(
      `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, valid_from)
       values ($1, $2, $3, $4, $5, now() - interval '1 day')`,
      [a.id, participantId, organisationId, scope, reason],
    );
  return { base, post, get, move, trajectory, grant };
}
