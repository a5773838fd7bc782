import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { base, useContactsWorld, visit } from './contacts-world';
import { daysAgo } from '../support/time';

describe('contact moments', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { create, list, setUp } = useContactsWorld((world) => ({ t, a, b } = world));

  const contactCount = async (trajectoryId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from contacts where trajectory_id = $1`, [
        trajectoryId,
      ])
    )[0].n;

  describe('POST and GET', () => {
    it('registers a contact for the caller, or for another staff member, with the organisation default for confidential', async () => {
      const { p, tr } = await setUp();
      const own = await create(tr.id, visit).expect(201);
      expect(own.body).toMatchObject({
        trajectoryId: tr.id,
        participantId: p.id,
        at: '2025-01-10T09:00:00.000Z',
        kind: 'home_visit',
        durationMinutes: 60,
        staffId: a.staff.coach.id,
        authorId: a.staff.coach.id,
        authorOrganisationId: a.orgs.compaan.id,
        summary: 'Huisbezoek, post doorgenomen',
        confidential: false,
        version: 1,
      });
      expect(own.headers.etag).toBe('"1"');
      const forColleague = await create(tr.id, {
        ...visit,
        kind: 'phone',
        durationMinutes: 10,
        staffId: a.staff.coach2.id,
      }).expect(201);
      expect(forColleague.body).toMatchObject({ staffId: a.staff.coach2.id, authorId: a.staff.coach.id });
      const one = await as(t, a.auth('coach2'))
        .get(`${base(tr.id)}/${own.body.id}`)
        .expect(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body.summary).toBe('Huisbezoek, post doorgenomen');
    });

    it('makes a contact by a CAW coach confidential unless they say otherwise', async () => {
      const { tr } = await setUp('coachCaw');
      const secret = await create(tr.id, visit, 'coachCaw').expect(201);
      expect(secret.body.confidential).toBe(true);
      const open = await create(tr.id, { ...visit, confidential: false }, 'coachCaw').expect(201);
      expect(open.body.confidential).toBe(false);
      const rows = await t.sql(
        `select confidential, author_organisation_id from contacts where trajectory_id = $1 order by created_at`,
        [tr.id],
      );
      expect(rows).toEqual([
        { confidential: true, author_organisation_id: a.orgs.caw.id },
        { confidential: false, author_organisation_id: a.orgs.caw.id },
      ]);
    });

    it.each([
      ['a duration of 0', { ...visit, durationMinutes: 0 }, 'VALIDATION_FAILED'],
      ['a duration of 601', { ...visit, durationMinutes: 601 }, 'VALIDATION_FAILED'],
      ['a fractional duration', { ...visit, durationMinutes: 30.5 }, 'VALIDATION_FAILED'],
      ['an unknown kind', { ...visit, kind: 'coffee' }, 'VALIDATION_FAILED'],
      [
        'a date in the future',
        { ...visit, at: new Date(Date.now() + 3600_000).toISOString() },
        'DATE_IN_FUTURE',
      ],
      ['a date that is not ISO 8601', { ...visit, at: 'gisteren' }, 'VALIDATION_FAILED'],
      ['no date', { kind: 'phone', durationMinutes: 5 }, 'VALIDATION_FAILED'],
      [
        'a staff member of another partnership',
        { ...visit, staffId: '00000000-0000-4000-8000-000000000000' },
        'STAFF_NOT_ACTIVE',
      ],
      [
        'a field it does not know',
        { ...visit, authorId: '00000000-0000-4000-8000-000000000000' },
        'VALIDATION_FAILED',
      ],
    ])('rejects %s with 400 and writes nothing', async (_, body, code) => {
      const { tr } = await setUp();
      const res = await create(tr.id, body).expect(400);
      expect(res.body.code).toBe(code);
      expect(await contactCount(tr.id)).toBe(0);
    });

    it('creates one contact for ten parallel retries with the same Idempotency-Key', async () => {
      const { tr } = await setUp();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          as(t, a.auth('coach')).post(base(tr.id), visit, { idempotencyKey: 'contact-retry-0001' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await contactCount(tr.id)).toBe(1);
      await as(t, a.auth('coach'))
        .post(base(tr.id), { ...visit, durationMinutes: 61 }, { idempotencyKey: 'contact-retry-0001' })
        .expect(422);
    });

    it('refuses a staff member of another partnership and an inactive one', async () => {
      const { tr } = await setUp();
      await create(tr.id, { ...visit, staffId: b.staff.coach.id }).expect(400);
      await t.sql(`update staff set active = false where id = $1`, [a.staff.expertise.id]);
      await create(tr.id, { ...visit, staffId: a.staff.expertise.id }).expect(400);
      expect(await contactCount(tr.id)).toBe(0);
    });

    it('takes a late contact from before the closure on a closed trajectory, and nothing after it', async () => {
      const { tr } = await setUp();
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/transitions`, { to: 'afgesloten', at: daysAgo(2), outcome: 'work' })
        .expect(200);
      await create(tr.id, { ...visit, at: daysAgo(3) }).expect(201);
      const late = await create(tr.id, { ...visit, at: daysAgo(1) }).expect(409);
      expect(late.body.code).toBe('TRAJECTORY_CLOSED');
    });

    it('answers 401, 403 for roles without the right, and 404 outside the grant or the partnership', async () => {
      const { tr } = await setUp();
      const c = (await create(tr.id, visit).expect(201)).body;
      await t.http().get(base(tr.id)).expect(401);
      await t.http().post(base(tr.id)).send(visit).expect(401);
      await create(tr.id, visit, 'spocVdab').expect(403);
      await create(tr.id, visit, 'admin').expect(403);
      await create(tr.id, visit, 'coordinator').expect(403);
      await list(tr.id, '', 'admin').expect(403);
      await list(tr.id, '', 'spocVdab').expect(404);
      await list(tr.id, '', 'coachIntro').expect(404);
      await as(t, a.auth('coachCaw'))
        .get(`${base(tr.id)}/${c.id}`)
        .expect(404);
      await create(tr.id, visit, 'coachIntro').expect(404);
      await list(tr.id, '', 'coach', b).expect(404);
      await create(tr.id, visit, 'coach', b).expect(404);
      expect(await contactCount(tr.id)).toBe(1);
    });
  });

  describe('the list and its intensity', () => {
    let trajectoryId: string;

    beforeAll(async () => {
      const { tr } = await setUp();
      trajectoryId = tr.id;
      // 23:30 UTC on 31 January is 00:30 on 1 February in Gent: it counts for February.
      for (const c of [
        { at: '2025-01-10T09:00:00Z', kind: 'home_visit', durationMinutes: 60 },
        { at: '2025-01-20T13:00:00Z', kind: 'phone', durationMinutes: 15 },
        { at: '2025-01-31T23:30:00Z', kind: 'outreach', durationMinutes: 45 },
        { at: '2025-02-14T10:00:00Z', kind: 'office', durationMinutes: 90 },
        { at: '2025-03-03T08:00:00Z', kind: 'home_visit', durationMinutes: 120 },
      ])
        await create(trajectoryId, c).expect(201);
    });

    it('counts contacts and minutes per Brussels month, with totals, newest contact first', async () => {
      const res = await list(trajectoryId).expect(200);
      expect(res.body.intensity).toEqual({
        months: [
          { month: '2025-01', contacts: 2, minutes: 75 },
          { month: '2025-02', contacts: 2, minutes: 135 },
          { month: '2025-03', contacts: 1, minutes: 120 },
        ],
        totals: { contacts: 5, minutes: 330 },
      });
      expect(res.body.total).toBe(5);
      expect(res.body.items.map((c: { at: string }) => c.at)).toEqual([
        '2025-03-03T08:00:00.000Z',
        '2025-02-14T10:00:00.000Z',
        '2025-01-31T23:30:00.000Z',
        '2025-01-20T13:00:00.000Z',
        '2025-01-10T09:00:00.000Z',
      ]);
    });

    it('filters by period (local days, inclusive) and by kind', async () => {
      const feb = await list(trajectoryId, '?from=2025-02-01&to=2025-02-28').expect(200);
      expect(feb.body.intensity).toEqual({
        months: [{ month: '2025-02', contacts: 2, minutes: 135 }],
        totals: { contacts: 2, minutes: 135 },
      });
      expect(feb.body.items.map((c: { kind: string }) => c.kind)).toEqual(['office', 'outreach']);

      const visits = await list(trajectoryId, '?kind=home_visit').expect(200);
      expect(visits.body.intensity).toEqual({
        months: [
          { month: '2025-01', contacts: 1, minutes: 60 },
          { month: '2025-03', contacts: 1, minutes: 120 },
        ],
        totals: { contacts: 2, minutes: 180 },
      });

      const none = await list(trajectoryId, '?from=2024-06-01&to=2024-06-30').expect(200);
      expect(none.body).toMatchObject({
        items: [],
        total: 0,
        intensity: { months: [], totals: { contacts: 0, minutes: 0 } },
      });
    });

    it('pages the items but counts the intensity over the whole filter', async () => {
      const page = await list(trajectoryId, '?limit=2&page=2').expect(200);
      expect(page.body).toMatchObject({ total: 5, page: 2, limit: 2 });
      expect(page.body.items.map((c: { at: string }) => c.at)).toEqual([
        '2025-01-31T23:30:00.000Z',
        '2025-01-20T13:00:00.000Z',
      ]);
      expect(page.body.intensity.totals).toEqual({ contacts: 5, minutes: 330 });
    });

    it('rejects a reversed period, an impossible date and an unknown kind with 400', async () => {
      expect((await list(trajectoryId, '?from=2025-03-01&to=2025-02-01').expect(400)).body.code).toBe(
        'PERIOD_INVALID',
      );
      await list(trajectoryId, '?from=2025-02-30').expect(400);
      await list(trajectoryId, '?kind=coffee').expect(400);
    });
  });
});
