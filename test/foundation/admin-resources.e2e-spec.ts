import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/**
 * Organisations, teams and staff share one contract: an administrator writes (the partnership admin
 * organisations and teams, the organisation's own org_admin its staff), coordinator reads, everyone
 * else is refused, and nothing crosses a partnership boundary.
 */
interface ResourceCase {
  path: string;
  writer: StaffKey;
  valid: (p: TestPartnership) => Record<string, unknown>;
  invalid: Record<string, unknown>;
  invalidField: string;
  patch: Record<string, unknown>;
  expectAfterCreate: (body: Record<string, unknown>) => void;
}

const CASES: ResourceCase[] = [
  {
    path: '/organisations',
    writer: 'admin',
    valid: () => ({
      name: 'Voluit vzw',
      kboNumber: '0420.982.473',
      kind: 'partner',
      professionalSecrecy: false,
    }),
    invalid: { name: 'Bad KBO', kboNumber: '0420982474', kind: 'partner' },
    invalidField: 'kboNumber',
    patch: { professionalSecrecy: true },
    expectAfterCreate: (b) =>
      expect(b).toMatchObject({
        name: 'Voluit vzw',
        kboNumber: '0420982473',
        kind: 'partner',
        professionalSecrecy: false,
        active: true,
        version: 1,
      }),
  },
  {
    path: '/teams',
    writer: 'admin',
    valid: () => ({ name: 'Team Oost', location: 'Dampoort', wijken: ['Dampoort', 'Sint-Amandsberg'] }),
    invalid: { name: 'No wijken', location: 'x', wijken: 'Dampoort' },
    invalidField: 'wijken',
    patch: { location: 'Wijkcentrum Dampoort' },
    expectAfterCreate: (b) =>
      expect(b).toMatchObject({
        name: 'Team Oost',
        location: 'Dampoort',
        wijken: ['Dampoort', 'Sint-Amandsberg'],
        version: 1,
      }),
  },
  {
    path: '/staff',
    writer: 'orgAdmin',
    valid: (p) => ({
      email: 'New.Coach@Test.jobteam.example',
      name: 'Nieuwe Coach',
      organisationId: p.orgs.stad.id,
      teamId: p.teams[1].id,
      roles: ['coach'],
      fte: 0.8,
    }),
    invalid: {
      email: 'not-an-email',
      name: 'X',
      organisationId: 'nope',
      roles: ['wizard'],
      fte: 2,
      password: 'short',
    },
    invalidField: 'email',
    patch: { fte: 0.5 },
    expectAfterCreate: (b) => {
      expect(b).toMatchObject({
        email: 'new.coach@test.jobteam.example',
        name: 'Nieuwe Coach',
        roles: ['coach'],
        fte: 0.8,
        active: true,
      });
      expect(b).not.toHaveProperty('password');
      expect(b).not.toHaveProperty('passwordHash');
    },
  },
];

describe.each(CASES)('$path', (c) => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  it('lets an admin create, read, list, update and deactivate', async () => {
    const created = await as(t, a.auth(c.writer)).post(c.path, c.valid(a)).expect(201);
    c.expectAfterCreate(created.body);
    const id = created.body.id as string;

    const got = await as(t, a.auth(c.writer)).get(`${c.path}/${id}`).expect(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body.id).toBe(id);

    const list = await as(t, a.auth('coordinator')).get(`${c.path}?limit=100`).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(list.body.total).toBe(list.body.items.length);

    const updated = await as(t, a.auth(c.writer))
      .patch(`${c.path}/${id}`, c.patch, { ifMatch: '"1"' })
      .expect(200);
    expect(updated.body).toMatchObject({ ...c.patch, version: 2 });
    expect(updated.headers.etag).toBe('"2"');

    const deactivated = await as(t, a.auth(c.writer)).post(`${c.path}/${id}/deactivate`).expect(200);
    expect(deactivated.body.active).toBe(false);
  });

  it('rejects invalid input with 400 problem+json naming the field, and writes nothing', async () => {
    const before = await as(t, a.auth(c.writer)).get(`${c.path}?limit=200`).expect(200);
    const res = await as(t, a.auth(c.writer)).post(c.path, c.invalid).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(c.invalidField);
    const after = await as(t, a.auth(c.writer)).get(`${c.path}?limit=200`).expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('refuses mass assignment of partnershipId', async () => {
    const res = await as(t, a.auth(c.writer))
      .post(c.path, { ...c.valid(a), partnershipId: b.id })
      .expect(400);
    expect(res.body.errors[0].field).toBe('partnershipId');
  });

  it('answers 401 without a token', async () => {
    const res = await t.http().get(c.path).expect(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('answers 403 when a coordinator tries to write and when a coach would', async () => {
    await as(t, a.auth('coordinator')).post(c.path, c.valid(a)).expect(403);
    const res = await as(t, a.auth('coach')).post(c.path, c.valid(a)).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('requires If-Match to update (428) and refuses a stale one (412)', async () => {
    const id = (await as(t, a.auth(c.writer)).get(`${c.path}?limit=1`).expect(200)).body.items[0].id;
    await as(t, a.auth(c.writer)).patch(`${c.path}/${id}`, c.patch).expect(428);
    const current = await as(t, a.auth(c.writer)).get(`${c.path}/${id}`).expect(200);
    await as(t, a.auth(c.writer))
      .patch(`${c.path}/${id}`, c.patch, { ifMatch: current.headers.etag })
      .expect(200);
    const stale = await as(t, a.auth(c.writer))
      .patch(`${c.path}/${id}`, c.patch, { ifMatch: current.headers.etag })
      .expect(412);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it("never shows or changes another partnership's records: 404", async () => {
    const theirs = (await as(t, b.auth(c.writer)).get(`${c.path}?limit=200`).expect(200)).body.items;
    const mine = (await as(t, a.auth(c.writer)).get(`${c.path}?limit=200`).expect(200)).body.items;
    const mineIds = new Set(mine.map((i: { id: string }) => i.id));
    expect(theirs.length).toBeGreaterThan(0);
    for (const item of theirs) expect(mineIds.has(item.id)).toBe(false);
    const target = theirs[0].id;
    await as(t, a.auth(c.writer)).get(`${c.path}/${target}`).expect(404);
    await as(t, a.auth(c.writer)).patch(`${c.path}/${target}`, c.patch, { ifMatch: '"1"' }).expect(404);
    await as(t, a.auth(c.writer)).post(`${c.path}/${target}/deactivate`).expect(404);
    const still = await as(t, b.auth(c.writer)).get(`${c.path}/${target}`).expect(200);
    expect(still.body.active).toBe(true);
  });

  it('answers 404 for a guessed UUID and 400 for a malformed id', async () => {
    await as(t, a.auth(c.writer)).get(`${c.path}/00000000-0000-4000-8000-000000000000`).expect(404);
    await as(t, a.auth(c.writer)).get(`${c.path}/not-a-uuid`).expect(400);
  });
});
