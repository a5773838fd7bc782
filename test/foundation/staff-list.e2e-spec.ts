import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/** GET /staff offers filters; each must narrow the list to exactly the matching members of the caller's partnership. */
describe('GET /staff filters', () => {
  let t: TestApp;
  let a: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'Filters A');
    await createPartnership(t, 'Filters B');
    await t.sql('update staff set active = false where id = $1', [a.staff.coach2.id]);
  });
  afterAll(() => t.close());

  const emailsFor = async (query: string) => {
    const res = await as(t, a.auth('coordinator')).get(`/staff?${query}`).expect(200);
    expect(res.body.total).toBe(res.body.items.length);
    return (res.body.items as { email: string }[]).map((s) => s.email).sort();
  };
  const emailsOf = (...keys: StaffKey[]) => keys.map((k) => a.staff[k].email).sort();

  it('lists all eleven members of the own partnership and none of the other', async () => {
    expect(await emailsFor('limit=200')).toEqual(
      emailsOf(
        'admin',
        'orgAdmin',
        'coordinator',
        'dpo',
        'coach',
        'coach2',
        'coachCaw',
        'coachIntro',
        'spocVdab',
        'spocOcmw',
        'expertise',
      ),
    );
  });

  it('filters by organisation', async () => {
    expect(await emailsFor(`organisationId=${a.orgs.compaan.id}`)).toEqual(emailsOf('coach', 'coach2'));
  });

  it('filters by team', async () => {
    expect(await emailsFor(`teamId=${a.teams[1].id}`)).toEqual(emailsOf('coachIntro'));
  });

  it('filters by role', async () => {
    expect(await emailsFor('role=coach')).toEqual(emailsOf('coach', 'coach2', 'coachCaw', 'coachIntro'));
  });

  it('filters by active, and combines filters', async () => {
    expect(await emailsFor('active=false')).toEqual(emailsOf('coach2'));
    expect(await emailsFor('role=coach&active=true')).toEqual(emailsOf('coach', 'coachCaw', 'coachIntro'));
  });

  it('pages through the list in name order', async () => {
    const page = await as(t, a.auth('admin')).get('/staff?limit=3&page=2').expect(200);
    expect(page.body).toMatchObject({ total: 11, page: 2, limit: 3 });
    const all = await as(t, a.auth('admin')).get('/staff?limit=200').expect(200);
    expect(page.body.items.map((s: { id: string }) => s.id)).toEqual(
      all.body.items.slice(3, 6).map((s: { id: string }) => s.id),
    );
  });

  it.each([
    ['role=wizard', 'role'],
    ['active=maybe', 'active'],
    ['teamId=not-a-uuid', 'teamId'],
    ['limit=500', 'limit'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const res = await as(t, a.auth('admin')).get(`/staff?${query}`).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
