import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { DAY } from '../support/time';

/** Issue 16: where a contact took place, the interpreter, and hand-overs that took effect earlier. */
describe('coaches in the field', () => {
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

  const contacts = (id: string) => `/trajectories/${id}/contacts`;
  const create = (id: string, body: Record<string, unknown>, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).post(contacts(id), body);
  const count = async (trajectoryId: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from contacts where trajectory_id = $1`, [
        trajectoryId,
      ])
    )[0].n;

  async function setUp(owner: StaffKey = 'coach', startedAt = '2024-12-01T09:00:00Z') {
    const p = await createParticipant(t, a, owner);
    const tr = await startTrajectory(t, a, p.id, owner, { startedAt });
    return { p, tr };
  }

  const moment = { at: '2025-01-10T09:00:00Z', kind: 'outreach', durationMinutes: 45 };

  describe('contact place, location and interpreter', () => {
    it('records the place, the location and the interpreter language, and shows them', async () => {
      const { tr } = await setUp();
      const res = await create(tr.id, {
        ...moment,
        place: 'public_place',
        location: '  Café De Loge, Sleepstraat  ',
        interpreter: true,
        interpreterLanguage: 'AR',
      }).expect(201);
      expect(res.body).toMatchObject({
        kind: 'outreach',
        place: 'public_place',
        location: 'Café De Loge, Sleepstraat',
        interpreter: true,
        interpreterLanguage: 'ar',
      });
      const got = await as(t, a.auth('coach'))
        .get(`${contacts(tr.id)}/${res.body.id}`)
        .expect(200);
      expect(got.body).toMatchObject({ place: 'public_place', location: 'Café De Loge, Sleepstraat' });
      const listed = await as(t, a.auth('coach')).get(contacts(tr.id)).expect(200);
      expect(listed.body.items[0]).toMatchObject({ interpreter: true, interpreterLanguage: 'ar' });
    });

    it('takes the place the kind states when none is given, and no interpreter by default', async () => {
      const { tr } = await setUp();
      const home = await create(tr.id, { ...moment, kind: 'home_visit' }).expect(201);
      expect(home.body).toMatchObject({
        place: 'home',
        location: null,
        interpreter: false,
        interpreterLanguage: null,
      });
      const outreach = await create(tr.id, moment).expect(201);
      expect(outreach.body.place).toBeNull();
      const threeLetter = await create(tr.id, {
        ...moment,
        place: 'wijkcentrum',
        interpreter: true,
        interpreterLanguage: 'prs',
      }).expect(201);
      expect(threeLetter.body.interpreterLanguage).toBe('prs');
    });

    it.each([
      [{ place: 'cafe' }, 'place'],
      [{ location: 'x'.repeat(201) }, 'location'],
      [{ location: 12 }, 'location'],
      [{ interpreter: 'yes' }, 'interpreter'],
      [{ interpreter: true, interpreterLanguage: 'xx' }, 'interpreterLanguage'],
      [{ interpreter: true, interpreterLanguage: 'dutch' }, 'interpreterLanguage'],
    ])('refuses %j with 400 on %s and writes nothing', async (extra, field) => {
      const { tr } = await setUp();
      const res = await create(tr.id, { ...moment, ...extra }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.body.errors)).toContain(field);
      expect(await count(tr.id)).toBe(0);
    });

    it('requires the language with an interpreter and refuses it without one', async () => {
      const { tr } = await setUp();
      const missing = await create(tr.id, { ...moment, interpreter: true }).expect(400);
      expect(missing.body.code).toBe('INTERPRETER_LANGUAGE_REQUIRED');
      const without = await create(tr.id, { ...moment, interpreterLanguage: 'ti' }).expect(400);
      expect(without.body.code).toBe('INTERPRETER_LANGUAGE_WITHOUT_INTERPRETER');
      const falseWith = await create(tr.id, {
        ...moment,
        interpreter: false,
        interpreterLanguage: 'ti',
      }).expect(400);
      expect(falseWith.body.code).toBe('INTERPRETER_LANGUAGE_WITHOUT_INTERPRETER');
      expect(await count(tr.id)).toBe(0);
    });

    it('edits place, location and interpreter, keeps the old values in the revision, and checks the pair', async () => {
      const { tr } = await setUp();
      const made = await create(tr.id, {
        ...moment,
        place: 'home',
        location: 'Bij de zus, Dampoort',
        interpreter: true,
        interpreterLanguage: 'uk',
      }).expect(201);
      const patch = (version: number, body: Record<string, unknown>) =>
        as(t, a.auth('coach')).patch(`${contacts(tr.id)}/${made.body.id}`, body, { ifMatch: `"${version}"` });
      const refused = await patch(1, { interpreterLanguage: null }).expect(400);
      expect(refused.body.code).toBe('INTERPRETER_LANGUAGE_REQUIRED');
      const edited = await patch(1, { place: 'online', location: null, interpreter: false }).expect(200);
      expect(edited.body).toMatchObject({
        place: 'online',
        location: null,
        interpreter: false,
        interpreterLanguage: null,
        version: 2,
      });
      const [revision] = await t.sql<{ snapshot: Record<string, unknown> }>(
        `select snapshot from contact_revisions where contact_id = $1`,
        [made.body.id],
      );
      expect(revision.snapshot).toMatchObject({
        place: 'home',
        location: 'Bij de zus, Dampoort',
        interpreter: true,
        interpreterLanguage: 'uk',
      });
      // Only the author edits; another coach of the same organisation gets 403.
      await patch(2, { place: 'office' }).set('authorization', a.auth('coach2')).expect(403);
    });

    it('keeps the location from another organisation, another partnership and a role without the right', async () => {
      const { tr } = await setUp();
      const made = await create(tr.id, { ...moment, place: 'home', location: 'Kerkstraat 1' }).expect(201);
      for (const [who, p] of [
        ['coachCaw', a],
        ['coach', b],
      ] as const) {
        const res = await as(t, p.auth(who))
          .get(`${contacts(tr.id)}/${made.body.id}`)
          .expect(404);
        expect(JSON.stringify(res.body)).not.toContain('Kerkstraat');
        await create(tr.id, { ...moment, place: 'home' }, who, p).expect(404);
      }
      await create(tr.id, { ...moment, place: 'home' }, 'spocVdab').expect(403);
      expect(await count(tr.id)).toBe(1);
    });

    it("keeps a confidential contact's location inside the author's organisation", async () => {
      // A CAW coach (professional secrecy) writes on a Compaan trajectory as co-coach.
      const { tr } = await setUp();
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachCaw.id })
        .expect(201);
      const secret = await create(
        tr.id,
        { ...moment, place: 'home', location: 'Opvanghuis, geheim adres', confidential: true },
        'coachCaw',
      ).expect(201);
      const seen = await as(t, a.auth('coach')).get(contacts(tr.id)).expect(200);
      expect(seen.body.items.map((c: { id: string }) => c.id)).not.toContain(secret.body.id);
      expect(JSON.stringify(seen.body)).not.toContain('Opvanghuis');
    });

    it('puts the location in the subject export and pseudonymisation blanks it, in the revisions too', async () => {
      const { p, tr } = await setUp('coach', new Date(Date.now() - 90 * DAY).toISOString());
      const made = await create(tr.id, {
        ...moment,
        at: new Date(Date.now() - 30 * DAY).toISOString(),
        place: 'home',
        location: 'Wondelgemstraat 8',
        interpreter: true,
        interpreterLanguage: 'fa',
      }).expect(201);
      await as(t, a.auth('coach'))
        .patch(`${contacts(tr.id)}/${made.body.id}`, { location: 'Wondelgemstraat 10' }, { ifMatch: '"1"' })
        .expect(200);
      const exported = await as(t, a.auth('dpo')).get(`/participants/${p.id}/export`).expect(200);
      expect(exported.body.contacts[0]).toMatchObject({
        place: 'home',
        location: 'Wondelgemstraat 10',
        interpreter: true,
        interpreterLanguage: 'fa',
      });
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/transitions`, {
          to: 'afgesloten',
          at: new Date(Date.now() - DAY).toISOString(),
          outcome: 'no_result',
        })
        .expect(200);
      await as(t, a.auth('dpo')).post(`/participants/${p.id}/pseudonymise`).expect(200);
      const [row] = await t.sql<{ location: string | null; place: string; interpreter_language: string }>(
        `select location, place, interpreter_language from contacts where id = $1`,
        [made.body.id],
      );
      // The place and the language are what the reports count; the location could say where someone lives.
      expect(row).toEqual({ location: null, place: 'home', interpreter_language: 'fa' });
      const revisions = await t.sql<{ snapshot: Record<string, unknown> }>(
        `select snapshot from contact_revisions where contact_id = $1`,
        [made.body.id],
      );
      expect(revisions).toHaveLength(1);
      expect(revisions[0].snapshot).not.toHaveProperty('location');
      expect(JSON.stringify(revisions)).not.toContain('Wondelgemstraat');
    });
  });

  describe('the quarterly report: contacts per place and interpreter use', () => {
    it('counts every contact of the quarter per place, and interpreter contacts per language', async () => {
      const { tr } = await setUp();
      const at = (d: string) => `2025-04-${d}T10:00:00Z`;
      await create(tr.id, { ...moment, at: at('02'), kind: 'home_visit' }).expect(201);
      await create(tr.id, {
        ...moment,
        at: at('03'),
        place: 'home',
        interpreter: true,
        interpreterLanguage: 'ar',
      }).expect(201);
      await create(tr.id, {
        ...moment,
        at: at('04'),
        place: 'wijkcentrum',
        interpreter: true,
        interpreterLanguage: 'ar',
      }).expect(201);
      await create(tr.id, {
        ...moment,
        at: at('05'),
        place: 'phone',
        interpreter: true,
        interpreterLanguage: 'ti',
      }).expect(201);
      await create(tr.id, { ...moment, at: at('06') }).expect(201);
      // Another quarter, and another partnership: not counted.
      await create(tr.id, { ...moment, at: '2025-03-31T20:00:00Z', place: 'office' }).expect(201);
      const other = await createParticipant(t, b, 'coach');
      const otherTr = await startTrajectory(t, b, other.id, 'coach', { startedAt: '2025-01-01T09:00:00Z' });
      await create(otherTr.id, { ...moment, at: at('07'), place: 'online' }, 'coach', b).expect(201);

      const res = await as(t, a.auth('coordinator'))
        .get('/reports/quarterly', { query: { year: 2025, quarter: 2 } })
        .expect(200);
      expect(res.body.contactPlaces).toEqual({
        definition: expect.any(String),
        byPlace: {
          home: 2,
          public_place: 0,
          wijkcentrum: 1,
          office: 0,
          phone: 1,
          online: 0,
          accompanying: 0,
          unknown: 1,
        },
        interpreter: { contacts: 3, byLanguage: { ar: 2, ti: 1 } },
      });
      // The existing section is unchanged by the new one.
      expect(res.body.contactIntensity.byKind.home_visit.contacts).toBe(1);
      await as(t, a.auth('coach'))
        .get('/reports/quarterly', { query: { year: 2025, quarter: 2 } })
        .expect(403);
    });
  });

  describe('PUT /trajectories/{id}/case-manager with effectiveAt', () => {
    const handOver = (
      id: string,
      version: number,
      body: Record<string, unknown>,
      who: StaffKey = 'coach',
      p = a,
    ) => as(t, p.auth(who)).put(`/trajectories/${id}/case-manager`, body, { ifMatch: `"${version}"` });
    const versionOf = async (id: string) =>
      (await t.sql<{ version: number }>(`select version from trajectories where id = $1`, [id]))[0].version;

    it('registers on Friday a hand-over effective on Monday: the history shows the effective date', async () => {
      // Friday 2025-03-07, 16:00 Brussels: the trajectory started a month before.
      t.clock.travel(new Date('2025-03-07T15:00:00Z').getTime() - Date.now());
      const { tr } = await setUp('coach', '2025-02-03T09:00:00Z');
      // The warm hand-over on Monday is registered the Monday after (the clock moves on).
      t.clock.travel(3 * DAY);
      const registeredAt = t.clock.now();
      const res = await handOver(tr.id, await versionOf(tr.id), {
        staffId: a.staff.coach2.id,
        note: 'Warme overdracht op maandag',
        effectiveAt: '2025-03-10T08:00:00Z',
      }).expect(200);
      expect(res.body.caseManagerId).toBe(a.staff.coach2.id);
      expect(res.body.caseManagerHistory).toEqual([
        expect.objectContaining({
          staffId: a.staff.coach.id,
          from: '2025-02-03T09:00:00.000Z',
          to: '2025-03-10T08:00:00.000Z',
        }),
        expect.objectContaining({
          staffId: a.staff.coach2.id,
          from: '2025-03-10T08:00:00.000Z',
          to: null,
          note: 'Warme overdracht op maandag',
        }),
      ]);
      const recorded = new Date(res.body.caseManagerHistory[1].recordedAt).getTime();
      expect(Math.abs(recorded - registeredAt.getTime())).toBeLessThan(5000);
      const [audit] = await t.sql<{ details: Record<string, unknown> }>(
        `select details from audit_events where resource_id = $1 and resource_type = 'trajectory.case_manager'`,
        [tr.id],
      );
      expect(audit.details).toMatchObject({ effectiveAt: '2025-03-10T08:00:00.000Z' });
    });

    it('defaults to now', async () => {
      const { tr } = await setUp();
      const res = await handOver(tr.id, await versionOf(tr.id), {
        staffId: a.staff.coach2.id,
        note: 'Overdracht',
      }).expect(200);
      const from = new Date(res.body.caseManagerHistory[1].from).getTime();
      expect(Math.abs(from - t.clock.now().getTime())).toBeLessThan(5000);
    });

    it.each([
      ['in the future', () => new Date(t.clock.now().getTime() + DAY).toISOString(), 'DATE_IN_FUTURE'],
      ['before the trajectory started', () => '2024-11-30T09:00:00Z', 'EFFECTIVE_BEFORE_START'],
      ['not a date', () => 'maandag', undefined],
    ])('refuses an effectiveAt %s with 400 and changes nothing', async (_what, value, code) => {
      const { tr } = await setUp();
      const version = await versionOf(tr.id);
      const res = await handOver(tr.id, version, {
        staffId: a.staff.coach2.id,
        note: 'Overdracht',
        effectiveAt: value(),
      }).expect(400);
      if (code) expect(res.body.code).toBe(code);
      expect(JSON.stringify(res.body.errors)).toContain('effectiveAt');
      expect(await versionOf(tr.id)).toBe(version);
      const rows = await t.sql(`select 1 from case_manager_assignments where trajectory_id = $1`, [tr.id]);
      expect(rows).toHaveLength(1);
    });

    it('refuses an effectiveAt before the current case manager took over, so the history never overlaps', async () => {
      const { tr } = await setUp();
      await handOver(tr.id, await versionOf(tr.id), {
        staffId: a.staff.coach2.id,
        note: 'Eerste overdracht',
        effectiveAt: '2025-01-15T09:00:00Z',
      }).expect(200);
      const res = await handOver(
        tr.id,
        await versionOf(tr.id),
        { staffId: a.staff.coach.id, note: 'Terug', effectiveAt: '2025-01-10T09:00:00Z' },
        'coach2',
      ).expect(400);
      expect(res.body.code).toBe('HANDOVER_BEFORE_CURRENT_ASSIGNMENT');
    });

    it('answers 404 to another organisation and another partnership, 403 to a role without the right', async () => {
      const { tr } = await setUp();
      const version = await versionOf(tr.id);
      const body = { staffId: a.staff.coach2.id, note: 'Overdracht', effectiveAt: '2025-01-15T09:00:00Z' };
      await handOver(tr.id, version, body, 'coachCaw').expect(404);
      await handOver(tr.id, version, body, 'coach', b).expect(404);
      await handOver(tr.id, version, body, 'spocVdab').expect(403);
      expect(await versionOf(tr.id)).toBe(version);
    });
  });
});
