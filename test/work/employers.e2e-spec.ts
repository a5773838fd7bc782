import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

describe('employers register', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).post('/employers', body);
  const get = (id: string, who: StaffKey = 'coach', p = a) => as(t, p.auth(who)).get(`/employers/${id}`);
  const list = (query: string, who: StaffKey = 'coach', p = a) =>
    as(t, p.auth(who)).get(`/employers${query}`);
  const patch = (
    id: string,
    version: string | null,
    body: Record<string, unknown>,
    who: StaffKey = 'coach',
    p = a,
  ) => {
    const req = as(t, p.auth(who)).patch(`/employers/${id}`);
    if (version !== null) req.set('if-match', version);
    return req.send(body);
  };
  const count = async (p = a) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from employers where partnership_id = $1`, [p.id])
    )[0].n;

  const bakery = {
    name: 'Bakkerij De Korenbloem',
    kboNumber: '0123.456.749',
    sector: 'Voeding',
    kind: 'employer',
    inclusive: false,
    contactName: 'An Peeters',
    contactPhone: '09 123 45 67',
    contactEmail: 'HR@korenbloem.example',
  };

  it('adds an employer with a normalised KBO number, gets it with its ETag', async () => {
    const created = await create(bakery).expect(201);
    expect(created.body).toMatchObject({
      name: 'Bakkerij De Korenbloem',
      kboNumber: '0123456749',
      sector: 'Voeding',
      kind: 'employer',
      inclusive: false,
      contact: { name: 'An Peeters', phone: '09 123 45 67', email: 'hr@korenbloem.example' },
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    const one = await get(created.body.id, 'spocVdab').expect(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.body.kboNumber).toBe('0123456749');
    const rows = await t.sql(`select kbo_number, created_by from employers where id = $1`, [created.body.id]);
    expect(rows).toEqual([{ kbo_number: '0123456749', created_by: a.staff.coach.id }]);
  });

  it('lets a coordinator add a practice work floor without a KBO number', async () => {
    const res = await create(
      { name: 'Oefenwerkvloer Kringwinkel', kind: 'practice_floor', inclusive: true },
      'coordinator',
    ).expect(201);
    expect(res.body).toMatchObject({
      kboNumber: null,
      sector: null,
      kind: 'practice_floor',
      inclusive: true,
      contact: { name: null, phone: null, email: null },
    });
  });

  it('searches by part of the name or by KBO number, with pagination and filters', async () => {
    await create({
      name: 'Schoonmaak Noord',
      kboNumber: '0440.802.543',
      kind: 'employer',
      inclusive: true,
    }).expect(201);
    await create({ name: 'Schoonmaak Zuid', kind: 'employer', inclusive: false }).expect(201);
    const byName = await list('?q=schoonmaak').expect(200);
    expect(byName.body).toMatchObject({ total: 2, page: 1, limit: 50 });
    expect(byName.body.items.map((e: { name: string }) => e.name)).toEqual([
      'Schoonmaak Noord',
      'Schoonmaak Zuid',
    ]);
    const byKbo = await list('?q=0440.802').expect(200);
    expect(byKbo.body.items.map((e: { name: string }) => e.name)).toEqual(['Schoonmaak Noord']);
    const inclusive = await list('?q=schoonmaak&inclusive=true').expect(200);
    expect(inclusive.body.items.map((e: { name: string }) => e.name)).toEqual(['Schoonmaak Noord']);
    const page2 = await list('?q=schoonmaak&limit=1&page=2').expect(200);
    expect(page2.body).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(page2.body.items.map((e: { name: string }) => e.name)).toEqual(['Schoonmaak Zuid']);
    // LIKE wildcards are searched for literally.
    expect((await list('?q=%25').expect(200)).body.total).toBe(0);
  });

  it('answers 409 for a KBO number already in the register, in any notation, and writes nothing', async () => {
    const first = await create({
      name: 'Drukkerij Eén',
      kboNumber: '0461936071',
      kind: 'employer',
      inclusive: false,
    }).expect(201);
    const before = await count();
    const dup = await create({
      name: 'Drukkerij Twee',
      kboNumber: '0461.936.071',
      kind: 'employer',
      inclusive: false,
    }).expect(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.body).toMatchObject({ code: 'EMPLOYER_KBO_EXISTS', employerId: first.body.id });
    expect(await count()).toBe(before);
    // The same number in another partnership is another register.
    await create(
      { name: 'Drukkerij Eén', kboNumber: '0461936071', kind: 'employer', inclusive: false },
      'coach',
      b,
    ).expect(201);
    // Changing another employer to that number is refused too.
    const other = await create({ name: 'Drukkerij Drie', kind: 'employer', inclusive: false }).expect(201);
    await patch(other.body.id, '"1"', { kboNumber: '0461 936 071' }).expect(409);
    expect((await t.sql(`select kbo_number from employers where id = $1`, [other.body.id]))[0]).toEqual({
      kbo_number: null,
    });
  });

  it.each([
    ['a KBO number with a wrong check', { kboNumber: '0123.456.748' }],
    ['a KBO number of nine digits', { kboNumber: '123456749' }],
    ['a KBO number starting with 2', { kboNumber: '2123456749' }],
    ['an unknown kind', { kind: 'shop' }],
    ['no inclusive flag', { inclusive: undefined }],
    ['an empty name', { name: '  ' }],
    ['a malformed contact e-mail', { contactEmail: 'not-an-email' }],
    ['a malformed phone', { contactPhone: 'call me' }],
    ['an unknown field', { participantId: '00000000-0000-4000-8000-000000000000' }],
  ])('rejects %s with 400 and writes nothing', async (_, change) => {
    const before = await count();
    const res = await create({ ...bakery, kboNumber: undefined, ...change }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await count()).toBe(before);
  });

  it('updates with If-Match: 428 without it, 412 on a stale version, 400 on bad input', async () => {
    const created = (
      await create({ name: 'Garage Vermeulen', kind: 'employer', inclusive: false }).expect(201)
    ).body;
    await patch(created.id, null, { sector: 'Auto' }).expect(428);
    const updated = await patch(created.id, '"1"', {
      sector: 'Auto',
      kboNumber: '0207.451.227',
      inclusive: true,
    }).expect(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({
      sector: 'Auto',
      kboNumber: '0207451227',
      inclusive: true,
      version: 2,
    });
    await patch(created.id, '"1"', { sector: 'Mechaniek' }).expect(412);
    // An empty change keeps the version; a stale one is still refused.
    expect((await patch(created.id, '"2"', {}).expect(200)).body.version).toBe(2);
    await patch(created.id, '"1"', {}).expect(412);
    await patch(created.id, '"2"', { kboNumber: '0207451228' }).expect(400);
    await patch(created.id, '"2"', { name: null }).expect(400);
    const rows = await t.sql(`select sector, kbo_number, version from employers where id = $1`, [created.id]);
    expect(rows).toEqual([{ sector: 'Auto', kbo_number: '0207451227', version: 2 }]);
  });

  it('lets exactly one of two PATCHes of the same version through', async () => {
    const created = (await create({ name: 'Hotel Gent', kind: 'employer', inclusive: false }).expect(201))
      .body;
    const results = await Promise.all([
      patch(created.id, '"1"', { sector: 'Horeca' }),
      patch(created.id, '"1"', { sector: 'Toerisme' }, 'coordinator'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('answers 401, 403 for roles without the right, and 404 in another partnership', async () => {
    const created = (
      await create({ name: 'Tuinbouw Van Damme', kind: 'employer', inclusive: false }).expect(201)
    ).body;
    await t.http().get('/employers').expect(401);
    for (const role of ['admin', 'dpo'] as const) {
      await list('', role).expect(403);
      await get(created.id, role).expect(403);
    }
    for (const role of ['spocVdab', 'spocOcmw', 'expertise', 'admin', 'dpo'] as const) {
      await create({ name: `Verboden ${role}`, kind: 'employer', inclusive: false }, role).expect(403);
      await patch(created.id, '"1"', { sector: 'x' }, role).expect(403);
    }
    expect((await t.sql(`select count(*)::int as n from employers where name like 'Verboden%'`))[0]).toEqual({
      n: 0,
    });
    // Another partnership: the record does not exist there, and its list does not show it.
    await get(created.id, 'coach', b).expect(404);
    await patch(created.id, '"1"', { sector: 'Overgenomen' }, 'coach', b).expect(404);
    const theirs = await list('?q=Tuinbouw', 'coach', b).expect(200);
    expect(theirs.body.total).toBe(0);
    expect((await get(created.id).expect(200)).body.sector).toBeNull();
  });
});
