import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
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
  let b: TestPartnership;
  const { now, iso, onTrajectory, plan, grantsOf, asApp } = useGrantsWorld((world) => ({ t, a, b } = world));

  describe('case meetings (issue 12 items 2 and 5)', () => {
    it('refuses a meeting more than 90 days ahead or more than 30 days ago with 400, writing nothing', async () => {
      const before = await t.sql<{ n: number }>(
        'select count(*)::int as n from case_meetings where partnership_id = $1',
        [a.id],
      );
      const far = await plan(now() + 91 * DAY).expect(400);
      expect(far.body).toMatchObject({ code: 'CASE_MEETING_DATE_OUT_OF_RANGE' });
      expect(far.body.errors).toEqual([expect.objectContaining({ field: 'scheduledAt' })]);
      expect((await plan(Date.parse('2099-01-01T10:00:00Z')).expect(400)).body.code).toBe(
        'CASE_MEETING_DATE_OUT_OF_RANGE',
      );
      expect((await plan(now() - 31 * DAY).expect(400)).body.code).toBe('CASE_MEETING_DATE_OUT_OF_RANGE');
      const after = await t.sql<{ n: number }>(
        'select count(*)::int as n from case_meetings where partnership_id = $1',
        [a.id],
      );
      expect(after[0].n).toBe(before[0].n);
      await plan(now() + 89 * DAY).expect(201);
      await plan(now() - 29 * DAY).expect(201);
    });

    it('lets only the owning organisation put a participant on the agenda: a co-coach gets 403 and no grant', async () => {
      const { p, tr } = await onTrajectory();
      await giveConsent(t, a, p.id, 'case_meeting');
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachCaw.id })
        .expect(201);
      // The attack: the co-coach plans a meeting, lists the trajectory and invites a third organisation.
      const m = await plan(now() + 3600_000, ['coachIntro'], 'coachCaw').expect(201);
      const res = await as(t, a.auth('coachCaw'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          summary: 'Bespreking',
        })
        .expect(403);
      expect(res.body.code).toBe('CASE_MEETING_OWNER_ONLY');
      expect(await grantsOf(p.id, 'case_meeting')).toEqual([]);
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
      // Another partnership does not even find the trajectory.
      const other = await as(t, b.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, { trajectoryId: tr.id })
        .expect(404);
      expect(other.body.code).toBe('NOT_FOUND');
    });

    it('does not let participantPresent replace consent before the meeting, and makes no contact for a future meeting', async () => {
      const { p, tr } = await onTrajectory();
      const m = await plan(now() + 2 * DAY).expect(201);
      const early = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
        })
        .expect(400);
      expect(early.body).toMatchObject({ code: 'CASE_MEETING_PRESENCE_TOO_EARLY' });
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'participantPresent' })]);
      const noConsent = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
        })
        .expect(409);
      expect(noConsent.body.code).toBe('CONSENT_REQUIRED');
      const rows = await t.sql<{ items: number; contacts: number; grants: number }>(
        `select (select count(*)::int from case_meeting_items where participant_id = $1) as items,
                (select count(*)::int from contacts where participant_id = $1) as contacts,
                (select count(*)::int from access_grants where participant_id = $1 and reason = 'case_meeting') as grants`,
        [p.id],
      );
      expect(rows[0]).toEqual({ items: 0, contacts: 0, grants: 0 });

      // With consent the item is added, but a meeting two days ahead is no contact moment.
      await giveConsent(t, a, p.id, 'case_meeting');
      const item = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          summary: 'Voorbereiding',
        })
        .expect(201);
      expect(item.body).toMatchObject({ basis: 'consent', participantPresent: false, contactId: null });
      const contacts = await t.sql('select id from contacts where participant_id = $1', [p.id]);
      expect(contacts).toEqual([]);
    });

    it('records presence at or after the meeting as a case_meeting contact dated at the meeting', async () => {
      const { p, tr } = await onTrajectory();
      const at = now() + 2 * 3600_000;
      const m = await plan(at).expect(201);
      t.clock.travel(3 * 3600_000);
      const item = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
        })
        .expect(201);
      expect(item.body).toMatchObject({ basis: 'present', participantPresent: true });
      const contacts = await t.sql<{ id: string; at: Date; kind: string }>(
        'select id, at, kind from contacts where participant_id = $1',
        [p.id],
      );
      expect(contacts).toEqual([
        { id: item.body.contactId, at: new Date(m.body.scheduledAt), kind: 'case_meeting' },
      ]);
      // An absent participant (consent basis) after the meeting: discussed, but no contact with them.
      const q = await onTrajectory();
      await giveConsent(t, a, q.p.id, 'case_meeting');
      const absent = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: q.tr.id,
        })
        .expect(201);
      expect(absent.body.contactId).toBeNull();
      expect(await t.sql('select id from contacts where participant_id = $1', [q.p.id])).toEqual([]);
    });

    it('grants attendees access from 7 days before the meeting until 14 days after it, and no longer', async () => {
      const { p, tr } = await onTrajectory();
      await giveConsent(t, a, p.id, 'case_meeting');
      const at = now() + 30 * DAY;
      const m = await plan(at).expect(201);
      await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, { trajectoryId: tr.id })
        .expect(201);
      const grants = await grantsOf(p.id, 'case_meeting');
      const spoc = grants.find((g) => g.staff_id === a.staff.spocVdab.id)!;
      expect(spoc.valid_from).toEqual(new Date(at - 7 * DAY));
      expect(spoc.valid_until).toEqual(new Date(at + 14 * DAY));
      // Not yet: 30 days before the meeting the attendee sees nothing.
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      t.clock.travel(24 * DAY);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      t.clock.travel(21 * DAY);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
    });

    it('ends the derived grants at once when the case_meeting consent is withdrawn (and the agenda hides the person)', async () => {
      const { p, tr } = await onTrajectory();
      await giveConsent(t, a, p.id, 'case_meeting');
      const [consent] = await t.sql<{ id: string }>(
        `select id from consents where participant_id = $1 and scope = 'case_meeting'`,
        [p.id],
      );
      const m = await plan(now() + 2 * DAY).expect(201);
      const item = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          actions: [
            { description: 'BIT inplannen', ownerStaffId: a.staff.spocVdab.id, dueAt: iso(now() + 5 * DAY) },
          ],
        })
        .expect(201);
      t.clock.travel(DAY);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      const before = await as(t, a.auth('spocVdab')).get('/me/agenda').expect(200);
      expect(before.body.caseMeetingActions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: item.body.actions[0].id,
            description: 'BIT inplannen',
            participantId: p.id,
          }),
        ]),
      );

      await as(t, a.auth('coach'))
        .post(`/participants/${p.id}/consents/${consent.id}/withdraw`, {})
        .expect(200);
      const grants = await grantsOf(p.id, 'case_meeting');
      expect(grants.length).toBeGreaterThan(0);
      expect(grants.every((g) => g.ended_at !== null)).toBe(true);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      // Item 9: the action stays on the owner's agenda, without the participant's text or id.
      const after = await as(t, a.auth('spocVdab')).get('/me/agenda').expect(200);
      const action = after.body.caseMeetingActions.find(
        (x: { id: string }) => x.id === item.body.actions[0].id,
      );
      expect(action).toMatchObject({ description: null, participantId: null, itemId: null });
      expect(JSON.stringify(after.body)).not.toContain(p.id);
      // Item 5: participantPresent adds nothing without consent before the meeting.
      const again = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
        })
        .expect(400);
      expect(again.body.code).toBe('CASE_MEETING_PRESENCE_TOO_EARLY');
      await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, { trajectoryId: tr.id })
        .expect(409);
    });

    it('ends grants of items a removed co-coach put on an agenda, in the same request', async () => {
      const { p, tr } = await onTrajectory();
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachCaw.id })
        .expect(201);
      const m = await plan(now() + 3600_000, ['coachIntro'], 'coachCaw').expect(201);
      // An item from before this rule, written by the co-coach's organisation, with its grant.
      const [item] = await t.sql<{ id: string }>(
        `insert into case_meeting_items (partnership_id, case_meeting_id, trajectory_id, participant_id, participant_present,
                                         basis, author_id, author_organisation_id)
         values ($1, $2, $3, $4, true, 'present', $5, $6) returning id`,
        [a.id, m.body.id, tr.id, p.id, a.staff.coachCaw.id, a.orgs.caw.id],
      );
      await t.sql(
        `insert into access_grants (partnership_id, participant_id, staff_id, scope, reason, source_id, valid_from, valid_until)
         values ($1, $2, $3, 'case', 'case_meeting', $4, now() - interval '1 hour', now() + interval '10 days')`,
        [a.id, p.id, a.staff.coachIntro.id, item.id],
      );
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(200);
      await as(t, a.auth('coach'))
        .delete(`/trajectories/${tr.id}/co-coaches/${a.staff.coachCaw.id}`)
        .expect(200);
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
      expect((await grantsOf(p.id, 'case_meeting'))[0].ended_at).not.toBeNull();
    });

    it('ends the grants at once when the organiser cancels the meeting or the owner takes the item off', async () => {
      const { p, tr } = await onTrajectory();
      await giveConsent(t, a, p.id, 'case_meeting');
      const m = await plan(now() + DAY, ['spocVdab', 'coachIntro']).expect(201);
      const item = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          actions: [
            { description: 'Opvolgen', ownerStaffId: a.staff.spocVdab.id, dueAt: iso(now() + 2 * DAY) },
          ],
        })
        .expect(201);
      const m2 = await plan(now() + DAY).expect(201);
      const item2 = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m2.body.id}/items`, {
          trajectoryId: tr.id,
        })
        .expect(201);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);

      // Taking the item off: only the organisation that put it there; others 403/404; bad ids 400.
      const del = (meeting: string, itemId: string, who: StaffKey, auth = a) =>
        as(t, auth.auth(who)).delete(`/case-meetings/${meeting}/items/${itemId}`);
      expect((await del(m.body.id, item.body.id, 'coachIntro').expect(403)).body.code).toBe(
        'CASE_MEETING_ITEM_NOT_AUTHOR',
      );
      await del(m.body.id, item.body.id, 'coachCaw').expect(404);
      await del(m.body.id, item.body.id, 'coach', b).expect(404);
      await del(m.body.id, item.body.id, 'expertise').expect(403);
      await del(m.body.id, 'not-a-uuid', 'coach').expect(400);
      await t.http().delete(`/case-meetings/${m.body.id}/items/${item.body.id}`).expect(401);
      const still = await t.sql<{ n: number }>(
        'select count(*)::int as n from case_meeting_items where id = $1',
        [item.body.id],
      );
      expect(still[0].n).toBe(1);
      await del(m.body.id, item.body.id, 'coach').expect(204);
      const gone = await t.sql<{ items: number; actions: number; live: number }>(
        `select (select count(*)::int from case_meeting_items where id = $1) as items,
                (select count(*)::int from case_meeting_actions where item_id = $1) as actions,
                (select count(*)::int from access_grants where source_id = $1 and ended_at is null) as live`,
        [item.body.id],
      );
      expect(gone[0]).toEqual({ items: 0, actions: 0, live: 0 });
      await as(t, a.auth('coachIntro')).get(`/participants/${p.id}`).expect(404);
      await del(m.body.id, item.body.id, 'coach').expect(404);

      // Cancelling: only the organiser's organisation; the remaining grants (meeting 2) end at once.
      const cancel = (meeting: string, who: StaffKey, auth = a) =>
        as(t, auth.auth(who)).post(`/case-meetings/${meeting}/cancel`);
      expect((await cancel(m2.body.id, 'spocVdab').expect(403)).body.code).toBe('FORBIDDEN');
      expect((await cancel(m.body.id, 'coachIntro').expect(403)).body.code).toBe(
        'CASE_MEETING_ORGANISER_ONLY',
      );
      await cancel(m2.body.id, 'coach', b).expect(404);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      const done = await cancel(m2.body.id, 'coach').expect(200);
      expect(done.body).toMatchObject({ id: m2.body.id, cancelledAt: expect.any(String) });
      const live = await t.sql<{ n: number }>(
        'select count(*)::int as n from access_grants where source_id = $1 and ended_at is null',
        [item2.body.id],
      );
      expect(live[0].n).toBe(0);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      expect((await cancel(m2.body.id, 'coach').expect(409)).body.code).toBe('CASE_MEETING_CANCELLED');
      const again = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m2.body.id}/items`, {
          trajectoryId: tr.id,
        })
        .expect(409);
      expect(again.body.code).toBe('CASE_MEETING_CANCELLED');
    });

    it('keeps grants to the rule when a meeting moves, is cancelled or loses an item (whoever changes it)', async () => {
      const { p, tr } = await onTrajectory();
      await giveConsent(t, a, p.id, 'case_meeting');
      const at = now() + 2 * DAY;
      const m = await plan(at).expect(201);
      const item = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, { trajectoryId: tr.id })
        .expect(201);
      // Moved 20 days later: the grants follow the new date.
      const moved = at + 20 * DAY;
      await t.sql('update case_meetings set scheduled_at = $2 where id = $1', [m.body.id, iso(moved)]);
      let [g] = await grantsOf(p.id, 'case_meeting');
      expect(g.valid_from).toEqual(new Date(moved - 7 * DAY));
      expect(g.valid_until).toEqual(new Date(moved + 14 * DAY));
      // Moved to 2099: refused.
      await expect(
        t.sql('update case_meetings set scheduled_at = $2 where id = $1', [
          m.body.id,
          '2099-01-01T10:00:00Z',
        ]),
      ).rejects.toThrow(/between 30 days ago and 90 days ahead/);
      // Cancelled: every grant of the meeting ends.
      await t.sql('update case_meetings set cancelled_at = now() where id = $1', [m.body.id]);
      [g] = await grantsOf(p.id, 'case_meeting');
      expect(g.ended_at).not.toBeNull();
      // A removed item ends its grants too.
      const m2 = await plan(now() + DAY).expect(201);
      const item2 = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m2.body.id}/items`, {
          trajectoryId: tr.id,
        })
        .expect(201);
      await t.sql('delete from case_meeting_items where id = $1', [item2.body.id]);
      const ended = await t.sql<{ ended_at: Date | null }>(
        'select ended_at from access_grants where source_id = $1',
        [item2.body.id],
      );
      expect(ended.length).toBeGreaterThan(0);
      expect(ended.every((r) => r.ended_at !== null)).toBe(true);
      expect(item.body.id).not.toBe(item2.body.id);
      // No new item on a cancelled meeting's grants: app_grant refuses.
      await expect(
        asApp('coach', (q) =>
          q(`select app_grant($1, null, $2, 'case', 'case_meeting', $3, $4, $5)`, [
            p.id,
            a.staff.spocVdab.id,
            item.body.id,
            iso(now()),
            iso(now() + DAY),
          ]),
        ),
      ).rejects.toThrow(/grant refused/);
    });
  });

  describe('case-meeting contacts in the quarterly intensity (issue 13 item 6)', () => {
    it('counts a meeting as a contact only when the participant was there, dated at the meeting', async () => {
      const c = await createPartnership(t, 'C');
      const p = await createParticipant(t, c);
      const tr = await startTrajectory(t, c, p.id);
      const at = now() - 3600_000;
      const m = await as(t, c.auth('coach'))
        .post('/case-meetings', {
          teamId: c.teams[0].id,
          scheduledAt: iso(at),
          location: 'Rabot',
          attendeeIds: [],
        })
        .expect(201);
      await as(t, c.auth('coach'))
        .post(`/case-meetings/${m.body.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
        })
        .expect(201);
      // A contact written for an absent participant before this rule: it is not a contact with them.
      const [absent] = await t.sql<{ id: string }>(
        `insert into case_meeting_items (partnership_id, case_meeting_id, trajectory_id, participant_id, participant_present,
                                         basis, author_id, author_organisation_id)
         values ($1, $2, $3, $4, false, 'consent', $5, $6) returning id`,
        [c.id, m.body.id, tr.id, p.id, c.staff.coach.id, c.orgs.compaan.id],
      );
      await t.sql(
        `insert into contacts (partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id, author_id,
                               author_organisation_id, confidential, source_type, source_id)
         values ($1, $2, $3, $4, 'case_meeting', 15, $5, $5, $6, false, 'case_meeting_item', $7)`,
        [c.id, tr.id, p.id, iso(at), c.staff.coach.id, c.orgs.compaan.id, absent.id],
      );
      const d = new Date(at);
      const res = await as(t, c.auth('coordinator'))
        .get('/reports/quarterly', {
          query: { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 },
          lang: 'en',
        })
        .expect(200);
      expect(res.body.contactIntensity.byKind.case_meeting).toMatchObject({ contacts: 1, minutes: 15 });
      expect(res.body.contactIntensity.definition).toMatch(/with the participant/);
    });
  });
});
