import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, participantBody } from '../factories/participant.factory';
import { syntheticInsz } from '../factories/insz';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('participants', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  describe('POST /participants', () => {
    it("creates a participant owned by the caller's organisation, with the full view and a stored, decryptable INSZ", async () => {
      const insz = syntheticInsz('1985-07-30', 33);
      const res = await as(t, a.auth('coach'))
        .post(
          '/participants',
          participantBody({
            firstName: 'Ayşe',
            lastName: 'Öztürk',
            birthDate: '1985-07-30',
            insz,
            disability: 'declined',
            address: { wijk: 'Rabot-Blaisantvest', postalCode: '9000', city: 'Gent' },
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({
        scope: 'full',
        firstName: 'Ayşe',
        lastName: 'Öztürk',
        birthYear: 1985,
        birthDate: '1985-07-30',
        insz,
        ownerOrganisationId: a.orgs.compaan.id,
        version: 1,
        address: { wijk: 'Rabot-Blaisantvest', postalCode: '9000', city: 'Gent' },
      });
      // Without a special_categories basis, art. 9 fields are absent, not null.
      expect(res.body.entryProfile).not.toHaveProperty('disability');
      expect(res.body.entryProfile.labourStatus).toBe('unemployed');
      const [row] = await t.db.runInTenant(a.id, (m) =>
        m.query('select count(*)::int as n from participants'),
      );
      expect(row.n).toBe(0); // a tenant context without an organisation sees no participant at all
    });

    it('takes the owner from the caller, never from the body', async () => {
      const res = await as(t, a.auth('coach'))
        .post('/participants', { ...participantBody(), ownerOrganisationId: a.orgs.caw.id })
        .expect(400);
      expect(res.body.errors[0].field).toBe('ownerOrganisationId');
    });

    it('rejects a wrong INSZ checksum with 400 INSZ_INVALID', async () => {
      const insz = syntheticInsz('1985-07-30', 34);
      const bad = insz.slice(0, 10) + ((Number(insz[10]) + 1) % 10);
      const res = await as(t, a.auth('coach'))
        .post('/participants', participantBody({ birthDate: '1985-07-30', insz: bad }))
        .expect(400);
      expect(res.body).toMatchObject({ code: 'INSZ_INVALID', errors: [{ field: 'insz' }] });
    });

    it('rejects an INSZ whose date disagrees with the birth date, and accepts a 2000+ number', async () => {
      const res = await as(t, a.auth('coach'))
        .post(
          '/participants',
          participantBody({ birthDate: '1985-07-31', insz: syntheticInsz('1985-07-30', 35) }),
        )
        .expect(400);
      expect(res.body.code).toBe('INSZ_INVALID');
      await as(t, a.auth('coach'))
        .post(
          '/participants',
          participantBody({ birthDate: '2004-02-29', insz: syntheticInsz('2004-02-29', 36) }),
        )
        .expect(201);
    });

    it('rejects a birth date in the future and bad fields with 400 and writes nothing', async () => {
      const before = (await as(t, a.auth('coach')).get('/participants')).body.total;
      await as(t, a.auth('coach'))
        .post('/participants', participantBody({ birthDate: '2999-01-01' }))
        .expect(400);
      const res = await as(t, a.auth('coach'))
        .post('/participants', participantBody({ gender: 'x', nationality: 'BEL' }))
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'gender',
        'nationality',
      ]);
      const after = (await as(t, a.auth('coach')).get('/participants')).body.total;
      expect(after).toBe(before);
    });

    it('refuses a wijk that no team of the partnership covers', async () => {
      const res = await as(t, a.auth('coach'))
        .post('/participants', participantBody({ address: { wijk: 'Atlantis' } }))
        .expect(400);
      expect(res.body.code).toBe('WIJK_UNKNOWN');
    });

    it('refuses roles without the permission: 403', async () => {
      await as(t, a.auth('spocVdab')).post('/participants', participantBody()).expect(403);
      await as(t, a.auth('admin')).post('/participants', participantBody()).expect(403);
      await t.http().post('/participants').send(participantBody()).expect(401);
    });
  });

  describe('duplicates across the partnership', () => {
    it('answers PARTICIPANT_DUPLICATE for the same INSZ, naming only the organisation to a caller who may not see it', async () => {
      const insz = syntheticInsz('1979-11-02', 201);
      const first = await createParticipant(t, a, 'coach', { birthDate: '1979-11-02', insz });
      const mine = await as(t, a.auth('coach2'))
        .post('/participants', participantBody({ birthDate: '1979-11-02', insz }))
        .expect(409);
      expect(mine.body).toMatchObject({ code: 'PARTICIPANT_DUPLICATE', existingParticipantId: first.id });
      const theirs = await as(t, a.auth('coachCaw'))
        .post('/participants', participantBody({ birthDate: '1979-11-02', insz }))
        .expect(409);
      expect(theirs.body.code).toBe('PARTICIPANT_DUPLICATE');
      expect(theirs.body).not.toHaveProperty('existingParticipantId');
      expect(theirs.body.contactOrganisation).toBe('Compaan');
      // Another partnership is another world: the same INSZ is fine there.
      await as(t, b.auth('coach'))
        .post('/participants', participantBody({ birthDate: '1979-11-02', insz }))
        .expect(201);
    });

    it('answers PARTICIPANT_POSSIBLE_DUPLICATE for the same name and birth date unless confirmed', async () => {
      await createParticipant(t, a, 'coach', {
        firstName: 'Mehmet',
        lastName: 'Yılmaz',
        birthDate: '1970-01-01',
      });
      const res = await as(t, a.auth('coachIntro'))
        .post(
          '/participants',
          participantBody({ firstName: 'MEHMET', lastName: 'Yilmaz', birthDate: '1970-01-01' }),
        )
        .expect(409);
      expect(res.body.code).toBe('PARTICIPANT_POSSIBLE_DUPLICATE');
      expect(res.body.matches).toEqual([{ contactOrganisation: 'Compaan' }]);
      await as(t, a.auth('coachIntro'))
        .post(
          '/participants',
          participantBody({
            firstName: 'MEHMET',
            lastName: 'Yilmaz',
            birthDate: '1970-01-01',
            confirmedNotDuplicate: true,
          }),
        )
        .expect(201);
    });
  });

  describe('GET /participants', () => {
    it('finds "Öztürk" when searching "ozturk", and lists without the INSZ', async () => {
      const res = await as(t, a.auth('coach')).get('/participants?q=ozturk').expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({ lastName: 'Öztürk', scope: 'full' });
      expect(res.body.items[0]).not.toHaveProperty('insz');
    });

    it('treats SQL and LIKE metacharacters in q as plain text', async () => {
      for (const q of ["'; drop table participants; --", '%%', '__', "\\' or 1=1"]) {
        const res = await as(t, a.auth('coach')).get('/participants', { query: { q } }).expect(200);
        expect(res.body.total).toBe(0);
      }
    });

    it("pages with a stable order and a total, and shows another organisation's coach nothing", async () => {
      const page1 = await as(t, a.auth('coach')).get('/participants?limit=2&page=1').expect(200);
      const page2 = await as(t, a.auth('coach')).get('/participants?limit=2&page=2').expect(200);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.total).toBeGreaterThanOrEqual(4);
      expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
      const caw = await as(t, a.auth('coachCaw')).get('/participants?limit=200').expect(200);
      const compaanIds = new Set(page1.body.items.map((i: { id: string }) => i.id));
      expect(caw.body.items.some((i: { id: string }) => compaanIds.has(i.id))).toBe(false);
    });
  });

  describe('GET and PATCH /participants/{id}', () => {
    it("answers 404 to another organisation's coach and to another partnership", async () => {
      const p = await createParticipant(t, a);
      await as(t, a.auth('coach2')).get(`/participants/${p.id}`).expect(200);
      await as(t, a.auth('coachCaw')).get(`/participants/${p.id}`).expect(404);
      await as(t, b.auth('coach')).get(`/participants/${p.id}`).expect(404);
      await as(t, a.auth('coachCaw'))
        .patch(`/participants/${p.id}`, { phone: '0470000001' }, { ifMatch: '"1"' })
        .expect(404);
    });

    it('updates with If-Match, logs the old value, and asks a reason for an entry-profile correction', async () => {
      const p = await createParticipant(t, a);
      await as(t, a.auth('coach')).patch(`/participants/${p.id}`, { phone: '0470 11 22 33' }).expect(428);
      const ok = await as(t, a.auth('coach'))
        .patch(`/participants/${p.id}`, { phone: '0470 11 22 33' }, { ifMatch: '"1"' })
        .expect(200);
      expect(ok.body).toMatchObject({ phone: '0470 11 22 33', version: 2 });
      expect(ok.headers.etag).toBe('"2"');
      await as(t, a.auth('coach'))
        .patch(`/participants/${p.id}`, { labourStatus: 'inactive' }, { ifMatch: '"2"' })
        .expect(400);
      const corrected = await as(t, a.auth('coach'))
        .patch(
          `/participants/${p.id}`,
          { labourStatus: 'inactive', correctionReason: 'Intake form misread' },
          { ifMatch: '"2"' },
        )
        .expect(200);
      expect(corrected.body.entryProfile.labourStatus).toBe('inactive');
      const log = await t.sql<{ details: { changes: Record<string, unknown> }; reason: string }>(
        `select audit_open_details(e) as details, audit_open_reason(e) as reason from audit_events e
          where participant_id = $1 and action = 'update' order by id`,
        [p.id],
      );
      expect(log.map((e: { details: { changes: Record<string, unknown> } }) => e.details.changes)).toEqual([
        { phone: { from: '+32 470 00 00 00', to: '0470 11 22 33' } },
        { labourStatus: { from: 'unemployed', to: 'inactive' } },
      ]);
      expect(log[1].reason).toBe('Intake form misread');
    });

    it('lets exactly one of two concurrent PATCHes of the same version win', async () => {
      const p = await createParticipant(t, a);
      const send = (phone: string) =>
        as(t, a.auth('coach')).patch(`/participants/${p.id}`, { phone }, { ifMatch: '"1"' });
      const results = await Promise.all([send('0470 000 001'), send('0470 000 002')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    });

    it('creates exactly one participant for ten parallel POSTs with one Idempotency-Key, and 422 for a different body', async () => {
      const body = participantBody();
      const key = `idem-${Date.now()}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          as(t, a.auth('coach')).post('/participants', body, { idempotencyKey: key }),
        ),
      );
      expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      const found = await as(t, a.auth('coach'))
        .get('/participants', { query: { q: String(body.lastName) } })
        .expect(200);
      expect(found.body.total).toBe(1);
      const other = await as(t, a.auth('coach')).post('/participants', participantBody(), {
        idempotencyKey: key,
      });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });
});
