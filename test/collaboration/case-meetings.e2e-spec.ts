import { formatLocalDateTime } from '../../src/common/i18n/lang';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { giveConsent } from './helpers';
import { as } from '../support/api';
import { DAY } from '../support/time';

describe('case meetings', () => {
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

  const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
  // Presence is recorded at or after the meeting (issue 12 item 2): these meetings took place an hour ago.
  const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
  const plan = async (attendees: Parameters<TestPartnership['auth']>[0][] = ['spocVdab', 'expertise']) => {
    const res = await as(t, a.auth('coach'))
      .post('/case-meetings', {
        teamId: a.teams[0].id,
        scheduledAt: anHourAgo(),
        location: 'Rabot, zaal 2',
        attendeeIds: attendees.map((k) => a.staff[k].id),
      })
      .expect(201);
    return res.body as { id: string; scheduledAt: string; attendeeIds: string[] };
  };
  const onTrajectory = async () => {
    const p = await createParticipant(t, a);
    const tr = await startTrajectory(t, a, p.id);
    return { p, tr };
  };

  describe('POST /case-meetings', () => {
    it('plans a meeting with the organiser among the attendees', async () => {
      const m = await plan();
      expect(m).toMatchObject({
        teamId: a.teams[0].id,
        location: 'Rabot, zaal 2',
        organiserId: a.staff.coach.id,
        organiserOrganisationId: a.orgs.compaan.id,
      });
      expect([...m.attendeeIds].sort()).toEqual(
        [a.staff.coach.id, a.staff.spocVdab.id, a.staff.expertise.id].sort(),
      );
    });

    it('rejects unknown teams and attendees, and bad input, with 400', async () => {
      const body = { teamId: a.teams[0].id, scheduledAt: inAnHour(), location: 'x', attendeeIds: [] };
      const team = await as(t, a.auth('coach'))
        .post('/case-meetings', { ...body, teamId: b.teams[0].id })
        .expect(400);
      expect(team.body.code).toBe('CASE_MEETING_TEAM_UNKNOWN');
      const who = await as(t, a.auth('coach'))
        .post('/case-meetings', {
          ...body,
          attendeeIds: [b.staff.spocVdab.id],
        })
        .expect(400);
      expect(who.body.code).toBe('CASE_MEETING_STAFF_UNKNOWN');
      const bad = await as(t, a.auth('coach'))
        .post('/case-meetings', {
          ...body,
          location: '',
          scheduledAt: 'morgen',
        })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'location',
        'scheduledAt',
      ]);
    });

    it('answers 401 and 403', async () => {
      await t.http().post('/case-meetings').send({}).expect(401);
      await as(t, a.auth('spocVdab'))
        .post('/case-meetings', {
          teamId: a.teams[0].id,
          scheduledAt: inAnHour(),
          location: 'x',
          attendeeIds: [],
        })
        .expect(403);
    });
  });

  describe('GET /case-meetings', () => {
    it('shows a meeting to its organiser organisation and attendees only', async () => {
      const m = await plan();
      await as(t, a.auth('spocVdab')).get(`/case-meetings/${m.id}`).expect(200);
      await as(t, a.auth('coach2')).get(`/case-meetings/${m.id}`).expect(200);
      await as(t, a.auth('coachCaw')).get(`/case-meetings/${m.id}`).expect(404);
      await as(t, b.auth('coach')).get(`/case-meetings/${m.id}`).expect(404);
      const mine = await as(t, a.auth('expertise')).get('/case-meetings').expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(m.id);
      const caw = await as(t, a.auth('coachCaw')).get('/case-meetings').expect(200);
      expect(caw.body.items.map((x: { id: string }) => x.id)).not.toContain(m.id);
      await as(t, a.auth('coach')).get('/case-meetings?teamId=nope').expect(400);
      await t.http().get('/case-meetings').expect(401);
      await as(t, a.auth('admin')).get('/case-meetings').expect(403);
    });
  });

  describe('POST /case-meetings/{id}/items', () => {
    it('refuses to discuss a participant without case_meeting consent or presence, and writes nothing', async () => {
      const m = await plan();
      const { p, tr } = await onTrajectory();
      const res = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.id}/items`, {
          trajectoryId: tr.id,
          summary: 'x',
        })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'CONSENT_REQUIRED', consentScope: 'case_meeting' });
      const rows = await t.sql(
        `select (select count(*)::int from contacts where participant_id = $1) as contacts,
                (select count(*)::int from access_grants where participant_id = $1 and reason = 'case_meeting') as grants`,
        [p.id],
      );
      expect(rows[0]).toEqual({ contacts: 0, grants: 0 });
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
    });

    it('accepts an item when the participant is present, records the contact moment, and opens case access to attendees until 14 days after', async () => {
      const m = await plan();
      const { p, tr } = await onTrajectory();
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      const res = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
          summary: 'Zoekt werk in de logistiek',
          decisions: 'Heftruckattest bekijken',
          actions: [
            {
              description: 'Aanbod heftruck opvragen',
              ownerStaffId: a.staff.spocVdab.id,
              dueAt: new Date(Date.now() + 7 * DAY).toISOString(),
            },
          ],
        })
        .expect(201);
      expect(res.body).toMatchObject({
        participantId: p.id,
        trajectoryId: tr.id,
        participantPresent: true,
        basis: 'present',
        summary: 'Zoekt werk in de logistiek',
        decisions: 'Heftruckattest bekijken',
        referralId: null,
        authorId: a.staff.coach.id,
        actions: [expect.objectContaining({ ownerStaffId: a.staff.spocVdab.id, completedAt: null })],
      });
      const contacts = await t.sql(
        `select kind, trajectory_id, at, source_type, source_id, staff_id from contacts where participant_id = $1`,
        [p.id],
      );
      expect(contacts).toEqual([
        {
          kind: 'case_meeting',
          trajectory_id: tr.id,
          at: new Date(m.scheduledAt),
          source_type: 'case_meeting_item',
          source_id: res.body.id,
          staff_id: a.staff.coach.id,
        },
      ]);

      const seen = await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(200);
      expect(seen.body.scope).toBe('case');
      expect(seen.body).not.toHaveProperty('birthDate');
      await as(t, a.auth('coachCaw')).get(`/participants/${p.id}`).expect(404);

      t.clock.travel(13 * DAY);
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(200);
      t.clock.travel(2 * DAY);
      await as(t, a.auth('spocVdab')).get(`/participants/${p.id}`).expect(404);
      await as(t, a.auth('expertise')).get(`/participants/${p.id}`).expect(404);
      const agenda = await as(t, a.auth('spocVdab')).get(`/case-meetings/${m.id}/agenda`).expect(200);
      expect(agenda.body.items).toEqual([]);
      // The owner still sees and can complete their own action.
      const done = await as(t, a.auth('spocVdab'))
        .post(`/case-meetings/${m.id}/actions/${res.body.actions[0].id}/complete`, {})
        .expect(200);
      expect(done.body.completedBy).toBe(a.staff.spocVdab.id);
      // The owning coach keeps everything.
      await as(t, a.auth('coach')).get(`/participants/${p.id}`).expect(200);
    });

    it('accepts an item with a case_meeting consent', async () => {
      const m = await plan();
      const { p, tr } = await onTrajectory();
      await giveConsent(t, a, p.id, 'case_meeting');
      const res = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.id}/items`, { trajectoryId: tr.id })
        .expect(201);
      expect(res.body).toMatchObject({ basis: 'consent', participantPresent: false });
    });

    it('creates an outbound referral from a decision in the same call, with its consent rule', async () => {
      const m = await plan();
      const { p, tr } = await onTrajectory();
      const item = {
        trajectoryId: tr.id,
        participantPresent: true,
        decisions: 'Doorverwijzen naar VDAB-opleiding',
        createReferral: { target: 'vdab', kind: 'training', note: 'Uit casusoverleg' },
      };
      const refused = await as(t, a.auth('coach')).post(`/case-meetings/${m.id}/items`, item).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED', consentScope: 'vdab_exchange' });
      const none = await t.sql(
        'select count(*)::int as n from case_meeting_items where participant_id = $1',
        [p.id],
      );
      expect(none[0].n).toBe(0);

      await giveConsent(t, a, p.id, 'vdab_exchange');
      const res = await as(t, a.auth('coach')).post(`/case-meetings/${m.id}/items`, item).expect(201);
      const referral = await as(t, a.auth('spocVdab')).get(`/referrals/${res.body.referralId}`).expect(200);
      expect(referral.body).toMatchObject({
        direction: 'outbound',
        target: 'vdab',
        kind: 'training',
        state: 'submitted',
        participantId: p.id,
        note: 'Uit casusoverleg',
      });
      const agenda = await as(t, a.auth('coach')).get(`/case-meetings/${m.id}/agenda`).expect(200);
      expect(agenda.body.items[0].referral).toMatchObject({ id: res.body.referralId, state: 'submitted' });
    });

    it('rejects bad items with 400 and answers 401, 403 and 404', async () => {
      const m = await plan();
      const { tr } = await onTrajectory();
      const url = `/case-meetings/${m.id}/items`;
      await as(t, a.auth('coach')).post(url, { trajectoryId: 'nope' }).expect(400);
      const owner = await as(t, a.auth('coach'))
        .post(url, {
          trajectoryId: tr.id,
          participantPresent: true,
          actions: [{ description: 'x', ownerStaffId: b.staff.coach.id, dueAt: inAnHour() }],
        })
        .expect(400);
      expect(owner.body.code).toBe('CASE_MEETING_STAFF_UNKNOWN');
      await as(t, a.auth('coach'))
        .post(url, {
          trajectoryId: tr.id,
          participantPresent: true,
          actions: [{ description: '', ownerStaffId: a.staff.coach.id, dueAt: 'soon' }],
        })
        .expect(400);
      await t.http().post(url).send({ trajectoryId: tr.id }).expect(401);
      await as(t, a.auth('spocVdab'))
        .post(url, { trajectoryId: tr.id, participantPresent: true })
        .expect(403);
      // An attendee without case access to the trajectory, or another organisation: not found.
      await as(t, a.auth('coachIntro'))
        .post(url, { trajectoryId: tr.id, participantPresent: true })
        .expect(404);
      await as(t, a.auth('coordinator'))
        .post(url, { trajectoryId: tr.id, participantPresent: true })
        .expect(404);
      await as(t, b.auth('coach')).post(url, { trajectoryId: tr.id, participantPresent: true }).expect(404);
      const items = await t.sql(
        'select count(*)::int as n from case_meeting_items where case_meeting_id = $1',
        [m.id],
      );
      expect(items[0].n).toBe(0);
    });
  });

  describe('POST /case-meetings/{id}/actions/{aid}/complete', () => {
    it('lets the owner complete an action once; others who cannot see it get 404', async () => {
      const m = await plan(['spocOcmw']);
      const { tr } = await onTrajectory();
      const item = await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
          actions: [
            { description: 'Leefloon bekijken', ownerStaffId: a.staff.spocOcmw.id, dueAt: inAnHour() },
          ],
        })
        .expect(201);
      const url = `/case-meetings/${m.id}/actions/${item.body.actions[0].id}/complete`;
      await t.http().post(url).expect(401);
      await as(t, a.auth('admin')).post(url, {}).expect(403);
      await as(t, a.auth('coachCaw')).post(url, {}).expect(404);
      await as(t, b.auth('spocOcmw')).post(url).expect(404);
      await as(t, a.auth('spocOcmw'))
        .post(`/case-meetings/${m.id}/actions/not-a-uuid/complete`, {})
        .expect(400);
      const done = await as(t, a.auth('spocOcmw')).post(url, {}).expect(200);
      expect(done.body).toMatchObject({ completedBy: a.staff.spocOcmw.id, description: 'Leefloon bekijken' });
      expect(done.body.completedAt).not.toBeNull();
      const again = await as(t, a.auth('spocOcmw')).post(url, {}).expect(409);
      expect(again.body.code).toBe('ACTION_ALREADY_COMPLETED');
    });
  });

  describe('GET /case-meetings/{id}/agenda', () => {
    it('lists the items an attendee may see, as JSON or as Markdown', async () => {
      const m = await plan();
      const { p, tr } = await onTrajectory();
      await as(t, a.auth('coach'))
        .post(`/case-meetings/${m.id}/items`, {
          trajectoryId: tr.id,
          participantPresent: true,
          summary: 'Eerste bespreking',
          actions: [
            { description: 'Taalcursus zoeken', ownerStaffId: a.staff.expertise.id, dueAt: inAnHour() },
          ],
        })
        .expect(201);
      const json = await as(t, a.auth('expertise')).get(`/case-meetings/${m.id}/agenda`).expect(200);
      expect(json.headers['content-type']).toMatch(/application\/json/);
      expect(json.body.meeting).toMatchObject({
        id: m.id,
        teamName: 'Team Noord',
        location: 'Rabot, zaal 2',
      });
      expect(json.body.attendees).toEqual(
        expect.arrayContaining([
          { staffId: a.staff.spocVdab.id, name: 'Test spocVdab', organisationName: 'VDAB' },
        ]),
      );
      expect(json.body.items).toEqual([
        expect.objectContaining({
          participant: { id: p.id, firstName: p.firstName, lastName: p.lastName },
          trajectoryStatus: 'aanmelding',
          basis: 'present',
          summary: 'Eerste bespreking',
          actions: [
            expect.objectContaining({ description: 'Taalcursus zoeken', ownerName: 'Test expertise' }),
          ],
        }),
      ]);

      const md = await as(t, a.auth('spocVdab'))
        .get(`/case-meetings/${m.id}/agenda`)
        .set('accept', 'text/markdown')
        .expect(200);
      expect(md.headers['content-type']).toMatch(/^text\/markdown/);
      expect(md.text).toContain('# Casusoverleg Team Noord');
      // Dutch by default, and the time as people in Brussels read it, never the UTC instant.
      expect(md.text).toContain(`- Wanneer: ${formatLocalDateTime(m.scheduledAt, 'nl')}`);
      expect(md.text).not.toContain(m.scheduledAt);
      const en = await as(t, a.auth('spocVdab'))
        .get(`/case-meetings/${m.id}/agenda`)
        .set('accept', 'text/markdown')
        .set('accept-language', 'en')
        .expect(200);
      expect(en.text).toContain(`- When: ${formatLocalDateTime(m.scheduledAt, 'en')}`);
      expect(md.text).toContain(`### 1. ${p.firstName} ${p.lastName}`);
      expect(md.text).toContain('- [ ] Taalcursus zoeken — Test expertise');

      await as(t, a.auth('coachCaw')).get(`/case-meetings/${m.id}/agenda`).expect(404);
      await as(t, b.auth('coach')).get(`/case-meetings/${m.id}/agenda`).expect(404);
      await t.http().get(`/case-meetings/${m.id}/agenda`).expect(401);
      await as(t, a.auth('admin')).get(`/case-meetings/${m.id}/agenda`).expect(403);
      const full = await as(t, a.auth('expertise')).get(`/case-meetings/${m.id}`).expect(200);
      expect(full.body.items).toHaveLength(1);
      expect(full.body.items[0].actions).toHaveLength(1);
    });
  });
});
