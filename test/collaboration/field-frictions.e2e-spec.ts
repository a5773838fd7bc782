import { addWorkingDays } from '../../src/referrals/working-days';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import {
  createPartnership,
  createStaffMember,
  StaffKey,
  TestPartnership,
} from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';
import { DAY } from '../support/time';

/** Issue 16: referrals sent earlier, reassigned and completed at once; agenda items changed before the meeting. */
describe('small frictions in referrals and case meetings', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const put = (url: string, who: StaffKey, body: Record<string, unknown>, p = a) =>
    as(t, p.auth(who)).put(url, body);
  const withConsent = async (startedAt?: string) => {
    const p = await createParticipant(t, a);
    await giveConsent(t, a, p.id, 'vdab_exchange');
    await giveConsent(t, a, p.id, 'case_meeting');
    const tr = await startTrajectory(t, a, p.id, 'coach', startedAt ? { startedAt } : {});
    return { p, tr };
  };
  const outbound = (participantId: string, extra: Record<string, unknown> = {}) =>
    as(t, a.auth('coach')).post('/referrals', {
      direction: 'outbound',
      target: 'vdab',
      kind: 'intake_check',
      participantId,
      ...extra,
    });
  const referralCount = async (participantId: string) =>
    (
      await t.sql<{ n: number }>('select count(*)::int as n from referrals where participant_id = $1', [
        participantId,
      ])
    )[0].n;

  describe('POST /referrals with effectiveAt', () => {
    it('dates a paper referral from last week: submission, first transition and due date count from it', async () => {
      const { p } = await withConsent(new Date(Date.now() - 60 * DAY).toISOString());
      const sent = new Date(Date.now() - 7 * DAY);
      const res = await outbound(p.id, { effectiveAt: sent.toISOString() }).expect(201);
      expect(res.body).toMatchObject({
        state: 'submitted',
        submittedAt: sent.toISOString(),
        dueAt: addWorkingDays(sent, 10).toISOString(),
      });
      expect(res.body.transitions).toEqual([
        expect.objectContaining({ to: 'submitted', at: sent.toISOString() }),
      ]);
    });

    it('is overdue at once when the paper referral is older than its due date', async () => {
      const { p } = await withConsent(new Date(Date.now() - 90 * DAY).toISOString());
      const res = await outbound(p.id, { effectiveAt: new Date(Date.now() - 30 * DAY).toISOString() }).expect(
        201,
      );
      expect(res.body.overdue).toBe(true);
      const inbox = await as(t, a.auth('spocVdab'))
        .get('/referrals?inbox=organisation&overdue=true')
        .expect(200);
      expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(res.body.id);
    });

    it('counts the turnaround from the effective date', async () => {
      const { p } = await withConsent(new Date(Date.now() - 60 * DAY).toISOString());
      // Sent on paper 4 days ago by the injected clock, accepted now.
      const res = await outbound(p.id, {
        effectiveAt: new Date(t.clock.now().getTime() - 4 * DAY).toISOString(),
      }).expect(201);
      await as(t, a.auth('spocVdab'))
        .post(`/referrals/${res.body.id}/transitions`, { to: 'accepted' })
        .expect(200);
      const [row] = await t.sql<{ days: number }>(
        `select round(extract(epoch from x.at - r.submitted_at) / 86400)::int as days
           from referrals r join referral_transitions x on x.referral_id = r.id and x.to_state = 'accepted'
          where r.id = $1`,
        [res.body.id],
      );
      expect(row.days).toBe(4);
    });

    it.each([
      ['in the future', () => new Date(Date.now() + DAY).toISOString(), 'DATE_IN_FUTURE'],
      [
        'before the trajectory started',
        () => new Date(Date.now() - 30 * DAY).toISOString(),
        'EFFECTIVE_BEFORE_START',
      ],
      ['not a date', () => 'vorige week', undefined],
    ])('refuses an effectiveAt %s with 400 and writes nothing', async (_what, value, code) => {
      const { p } = await withConsent(new Date(Date.now() - 10 * DAY).toISOString());
      const res = await outbound(p.id, { effectiveAt: value() }).expect(400);
      if (code) expect(res.body.code).toBe(code);
      expect(JSON.stringify(res.body.errors)).toContain('effectiveAt');
      expect(await referralCount(p.id)).toBe(0);
    });

    it('answers 404 for a participant of another organisation or partnership, 403 to a role without the right', async () => {
      const { p } = await withConsent();
      const body = {
        direction: 'outbound',
        target: 'vdab',
        kind: 'training',
        participantId: p.id,
        effectiveAt: new Date(Date.now() - DAY).toISOString(),
      };
      await as(t, a.auth('coachCaw')).post('/referrals', body).expect(404);
      await as(t, b.auth('coach')).post('/referrals', body).expect(404);
      await as(t, a.auth('coordinator')).post('/referrals', body).expect(403);
      expect(await referralCount(p.id)).toBe(0);
    });
  });

  describe('accepted → completed', () => {
    it('lets the receiving SPOC complete an accepted referral without starting it, and not the sender', async () => {
      const { p } = await withConsent();
      const made = await outbound(p.id).expect(201);
      const accepted = await as(t, a.auth('spocVdab'))
        .post(`/referrals/${made.body.id}/transitions`, {
          to: 'accepted',
        })
        .expect(200);
      expect(accepted.body.allowedTransitions).toEqual(['in_progress', 'completed']);
      const bySender = await as(t, a.auth('coach'))
        .post(`/referrals/${made.body.id}/transitions`, {
          to: 'completed',
        })
        .expect(403);
      expect(bySender.body.code).toBe('REFERRAL_WRONG_SIDE');
      const done = await as(t, a.auth('spocVdab'))
        .post(`/referrals/${made.body.id}/transitions`, {
          to: 'completed',
        })
        .expect(200);
      expect(done.body).toMatchObject({ state: 'completed', allowedTransitions: [] });
      expect(done.body.closedAt).not.toBeNull();
      expect(done.body.transitions.map((x: { to: string }) => x.to)).toEqual([
        'submitted',
        'accepted',
        'completed',
      ]);
    });
  });

  describe('PUT /referrals/{id}/assignee and the inbox per SPOC', () => {
    let secondSpoc: Awaited<ReturnType<typeof createStaffMember>>;
    beforeAll(async () => {
      secondSpoc = await createStaffMember(t, a, { organisationId: a.orgs.vdab.id, roles: ['spoc_vdab'] });
    });

    it('hands an open referral to another SPOC of the same organisation, audited, and the inbox filters by SPOC', async () => {
      const { p } = await withConsent();
      const made = await outbound(p.id, { assignedSpocId: a.staff.spocVdab.id }).expect(201);
      const other = await outbound(p.id, { kind: 'training' }).expect(201);
      const res = await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', {
        assignedSpocId: secondSpoc.id,
      }).expect(200);
      expect(res.body).toMatchObject({ id: made.body.id, assignedSpocId: secondSpoc.id, version: 2 });
      const [audit] = await t.sql<{ details: Record<string, unknown>; actor_id: string }>(
        `select details, actor_id from audit_events where resource_id = $1 and resource_type = 'referral.assignee'`,
        [made.body.id],
      );
      expect(audit).toMatchObject({
        actor_id: a.staff.spocVdab.id,
        details: { from: a.staff.spocVdab.id, to: secondSpoc.id },
      });
      const inbox = await as(t, a.auth('spocVdab'))
        .get(`/referrals?inbox=organisation&spocId=${secondSpoc.id}`)
        .expect(200);
      expect(inbox.body.items.map((r: { id: string }) => r.id)).toEqual([made.body.id]);
      expect(inbox.body.total).toBe(1);
      expect(inbox.body.counts.submitted).toBe(1);
      const mine = await as(t, a.auth('spocVdab'))
        .get(`/referrals?spocId=${a.staff.spocVdab.id}`)
        .expect(200);
      expect(mine.body.items.map((r: { id: string }) => r.id)).not.toContain(made.body.id);
      expect(mine.body.items.map((r: { id: string }) => r.id)).not.toContain(other.body.id);
      await as(t, a.auth('spocVdab')).get('/referrals?spocId=niet-een-id').expect(400);
    });

    it('refuses a target who is not an active SPOC of that organisation with 400, and changes nothing', async () => {
      const { p } = await withConsent();
      const made = await outbound(p.id, { assignedSpocId: a.staff.spocVdab.id }).expect(201);
      for (const assignedSpocId of [
        a.staff.spocOcmw.id,
        a.staff.coach.id,
        b.staff.spocVdab.id,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const res = await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', { assignedSpocId }).expect(
          400,
        );
        expect(res.body.code).toBe('REFERRAL_SPOC_INVALID');
      }
      await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', { assignedSpocId: 'x' }).expect(400);
      await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', {}).expect(400);
      const inactive = await createStaffMember(t, a, {
        organisationId: a.orgs.vdab.id,
        roles: ['spoc_vdab'],
      });
      await t.sql('update staff set active = false where id = $1', [inactive.id]);
      await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', { assignedSpocId: inactive.id }).expect(
        400,
      );
      const [row] = await t.sql<{ assigned_spoc_id: string; version: number }>(
        'select assigned_spoc_id, version from referrals where id = $1',
        [made.body.id],
      );
      expect(row).toEqual({ assigned_spoc_id: a.staff.spocVdab.id, version: 1 });
    });

    it('lets only the handling SPOCs reassign: the sender 403, another organisation and partnership 404', async () => {
      const { p } = await withConsent();
      const made = await outbound(p.id, { assignedSpocId: a.staff.spocVdab.id }).expect(201);
      const body = { assignedSpocId: secondSpoc.id };
      const bySender = await put(`/referrals/${made.body.id}/assignee`, 'coach', body).expect(403);
      expect(bySender.body.code).toBe('REFERRAL_NOT_SPOC');
      await put(`/referrals/${made.body.id}/assignee`, 'spocOcmw', body).expect(404);
      await put(`/referrals/${made.body.id}/assignee`, 'coachCaw', body).expect(404);
      await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', body, b).expect(404);
      await put(`/referrals/${made.body.id}/assignee`, 'coordinator', body).expect(403);
      const [row] = await t.sql<{ assigned_spoc_id: string }>(
        'select assigned_spoc_id from referrals where id = $1',
        [made.body.id],
      );
      expect(row.assigned_spoc_id).toBe(a.staff.spocVdab.id);
    });

    it('refuses to reassign a closed referral with 409', async () => {
      const { p } = await withConsent();
      const made = await outbound(p.id, { assignedSpocId: a.staff.spocVdab.id }).expect(201);
      await as(t, a.auth('coach'))
        .post(`/referrals/${made.body.id}/transitions`, { to: 'cancelled' })
        .expect(200);
      const res = await put(`/referrals/${made.body.id}/assignee`, 'spocVdab', {
        assignedSpocId: secondSpoc.id,
      }).expect(409);
      expect(res.body.code).toBe('REFERRAL_CLOSED');
    });
  });

  describe('PATCH and DELETE /case-meetings/{id}/items/{itemId}', () => {
    const meeting = async (inMs = 3 * 3600_000) =>
      (
        await as(t, a.auth('coach'))
          .post('/case-meetings', {
            teamId: a.teams[0].id,
            scheduledAt: new Date(Date.now() + inMs).toISOString(),
            location: 'Rabot, zaal 2',
            attendeeIds: [a.staff.spocVdab.id, a.staff.coach2.id],
          })
          .expect(201)
      ).body as { id: string };
    const item = async (meetingId: string, trajectoryId: string) =>
      (
        await as(t, a.auth('coach'))
          .post(`/case-meetings/${meetingId}/items`, {
            trajectoryId,
            summary: 'Schulden en huisvesting',
            decisions: 'Nog te bespreken',
            actions: [
              {
                description: 'OCMW bellen',
                ownerStaffId: a.staff.coach2.id,
                dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
              },
            ],
          })
          .expect(201)
      ).body as { id: string; contactId: string };
    const patch = (m: string, i: string, who: StaffKey, body: Record<string, unknown>, p = a) =>
      as(t, p.auth(who)).patch(`/case-meetings/${m}/items/${i}`, body);
    const remove = (m: string, i: string, who: StaffKey, p = a) =>
      as(t, p.auth(who)).delete(`/case-meetings/${m}/items/${i}`);

    it('lets the author change the summary and decisions before the meeting (a meeting ahead has no contact moment yet)', async () => {
      const { tr } = await withConsent();
      const m = await meeting();
      const i = await item(m.id, tr.id);
      const res = await patch(m.id, i.id, 'coach', { summary: 'Enkel huisvesting', decisions: null }).expect(
        200,
      );
      expect(res.body).toMatchObject({ id: i.id, summary: 'Enkel huisvesting', decisions: null });
      expect(res.body.actions).toHaveLength(1);
      // A meeting ahead makes no contact moment yet (issue 13, item 6): nothing derived to follow.
      expect(i.contactId ?? null).toBeNull();
      const bad = await patch(m.id, i.id, 'coach', { summary: 'x'.repeat(5001), trajectoryId: tr.id }).expect(
        400,
      );
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const [stored] = await t.sql<{ summary: string }>(
        'select summary from case_meeting_items where id = $1',
        [i.id],
      );
      expect(stored.summary).toBe('Enkel huisvesting');
    });

    it('refuses an attendee who is not the author (403), another organisation or partnership (404), a role without the right (403)', async () => {
      const { tr } = await withConsent();
      const m = await meeting();
      const i = await item(m.id, tr.id);
      const other = await patch(m.id, i.id, 'coach2', { summary: 'Overschreven' }).expect(403);
      expect(other.body.code).toBe('CASE_MEETING_ITEM_NOT_AUTHOR');
      await remove(m.id, i.id, 'coach2').expect(403);
      await patch(m.id, i.id, 'coachCaw', { summary: 'Overschreven' }).expect(404);
      await remove(m.id, i.id, 'coachCaw').expect(404);
      await patch(m.id, i.id, 'coach', { summary: 'Overschreven' }, b).expect(404);
      await remove(m.id, i.id, 'coach', b).expect(404);
      await patch(m.id, i.id, 'spocVdab', { summary: 'Overschreven' }).expect(403);
      await remove(m.id, i.id, 'spocVdab').expect(403);
      const [stored] = await t.sql<{ summary: string }>(
        'select summary from case_meeting_items where id = $1',
        [i.id],
      );
      expect(stored.summary).toBe('Schulden en huisvesting');
    });

    it('removes an item before the meeting, with its actions and contact, and ends the grants it gave', async () => {
      const { p, tr } = await withConsent();
      const m = await meeting();
      const i = await item(m.id, tr.id);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      await remove(m.id, i.id, 'coach').expect(204);
      const left = await t.sql<{ n: number }>(
        `select (select count(*) from case_meeting_items where id = $1)
              + (select count(*) from case_meeting_actions where item_id = $1)
              + (select count(*) from contacts where id = $2) as n`,
        [i.id, i.contactId],
      );
      expect(Number(left[0].n)).toBe(0);
      const grants = await t.sql<{ ended: boolean }>(
        `select ended_at is not null as ended from access_grants where reason = 'case_meeting' and source_id = $1`,
        [i.id],
      );
      expect(grants.length).toBeGreaterThan(0);
      expect(grants.every((g) => g.ended)).toBe(true);
      // The SPOC attended only for this item: the participant is out of reach again.
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      const [audit] = await t.sql<{ action: string }>(
        `select action from audit_events where resource_id = $1 and resource_type = 'case_meeting.item' and action = 'delete'`,
        [i.id],
      );
      expect(audit.action).toBe('delete');
      await remove(m.id, i.id, 'coach').expect(404);
    });

    it('refuses to change or remove an item once the meeting has taken place (409), by the injected clock', async () => {
      const { tr } = await withConsent();
      const m = await meeting(3600_000);
      const i = await item(m.id, tr.id);
      t.clock.travel(2 * 3600_000);
      const edit = await patch(m.id, i.id, 'coach', { decisions: 'Achteraf' }).expect(409);
      expect(edit.body.code).toBe('CASE_MEETING_HELD');
      const gone = await remove(m.id, i.id, 'coach').expect(409);
      expect(gone.body.code).toBe('CASE_MEETING_HELD');
      const [stored] = await t.sql<{ decisions: string }>(
        'select decisions from case_meeting_items where id = $1',
        [i.id],
      );
      expect(stored.decisions).toBe('Nog te bespreken');
    });
  });
});
