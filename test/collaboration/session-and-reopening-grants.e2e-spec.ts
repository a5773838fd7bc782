import { createParticipant, startTrajectory } from '../factories/participant.factory';
import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { DAY, useGrantsWorld } from './grants-world';

/**
 * Issue 12 items 2, 3, 5, 9 and 13 (grants), issue 13 items 5 (access) and 6, issue 15's first
 * safety-net bullet: every way to a grant without its reason is tried, through the API and as the
 * runtime role, and each must fail.
 */

describe('grant rules', () => {
  let t: TestApp;
  let a: TestPartnership;
  const { now, iso, onTrajectory, grantsOf } = useGrantsWorld((world) => ({ t, a } = world));

  describe('group sessions (issue 12 item 3)', () => {
    it('refuses a session more than 90 days ahead and starts the facilitator grant at most 7 days before it', async () => {
      const body = {
        theme: 'Werken in de haven',
        tag: 'sector_info',
        durationMinutes: 90,
        location: 'Muide',
      };
      const far = await as(t, a.auth('expertise'))
        .post('/group-sessions', {
          ...body,
          at: '2099-01-01T10:00:00Z',
        })
        .expect(400);
      expect(far.body).toMatchObject({ code: 'GROUP_SESSION_DATE_OUT_OF_RANGE' });
      expect(far.body.errors).toEqual([expect.objectContaining({ field: 'at' })]);
      await as(t, a.auth('expertise'))
        .post('/group-sessions', { ...body, at: iso(now() + 91 * DAY) })
        .expect(400);
      const at = now() + 30 * DAY;
      const s = await as(t, a.auth('expertise'))
        .post('/group-sessions', { ...body, at: iso(at) })
        .expect(201);
      const { p } = await onTrajectory();
      await as(t, a.auth('coach'))
        .post(`/group-sessions/${s.body.id}/attendance`, {
          participantId: p.id,
          attended: false,
        })
        .expect(200);
      const [g] = await grantsOf(p.id, 'group_session');
      expect(g.valid_from).toEqual(new Date(at - 7 * DAY));
      expect(g.valid_until).toEqual(new Date(at + 90 * 60_000 + 30 * DAY));
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(404);
      t.clock.travel(24 * DAY);
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(200);
    });
  });

  describe('a new trajectory at another organisation (issue 13 item 5, access)', () => {
    it('leaves the earlier organisation case-level read access to its own closed trajectory', async () => {
      const p = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: iso(now() - 40 * DAY) });
      const move = (id: string, body: Record<string, unknown>) =>
        as(t, a.auth('coach')).post(`/trajectories/${id}/transitions`, body).expect(200);
      await move(tr.id, { to: 'intake', at: iso(now() - 30 * DAY) });
      await move(tr.id, { to: 'afgesloten', at: iso(now() - 10 * DAY), outcome: 'no_result' });
      // Compaan reopens at CAW: the new case manager's organisation becomes the owner.
      const reopened = await as(t, a.auth('coach'))
        .post(`/participants/${p.id}/trajectories`, {
          caseManagerId: a.staff.coachCaw.id,
        })
        .expect(201);
      expect(reopened.body.id).not.toBe(tr.id);
      const grants = await t.sql<{
        organisation_id: string;
        scope: string;
        source_id: string;
        ended_at: Date | null;
      }>(
        `select organisation_id, scope, source_id, ended_at from access_grants
          where participant_id = $1 and reason = 'previous_owner'`,
        [p.id],
      );
      expect(grants).toEqual([
        { organisation_id: a.orgs.compaan.id, scope: 'case', source_id: tr.id, ended_at: null },
      ]);
      const old = await as(t, a.auth('coach')).get(`/trajectories/${tr.id}`).expect(200);
      expect(old.body).toMatchObject({ id: tr.id, status: 'afgesloten' });
      // Case scope, not full: the INSZ and the address stay with the new owner.
      const person = await as(t, a.auth('coach')).get(`/participants/${p.id}`).expect(200);
      expect(person.body).not.toHaveProperty('insz');
      await as(t, a.auth('coachCaw')).get(`/participants/${p.id}`).expect(200);
      // A third organisation gained nothing.
      await as(t, a.auth('coachIntro')).get(`/trajectories/${tr.id}`).expect(404);
    });
  });
});
