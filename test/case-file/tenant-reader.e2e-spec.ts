import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';

describe('the tenant-reader role (reports and DPO work)', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    await createParticipant(t, a, 'coach');
    await createParticipant(t, a, 'coachCaw');
    await createParticipant(t, b, 'coach');
  });
  afterAll(() => t.close());

  it("sees every participant of its own partnership, none of another's, and cannot write", async () => {
    const seen = await t.db
      .runAsStaff({ tenantId: a.id, staffId: a.staff.coordinator.id, requestId: 'test' }, async () => {
        const own = await t.db.manager.query('select count(*)::int as n from participants');
        const wide = await t.db.asTenantReader((m) =>
          m.query('select count(*)::int as n, count(distinct partnership_id)::int as p from participants'),
        );
        const write = await t.db
          .asTenantReader((m) => m.query(`update participants set phone = 'x'`))
          .catch((e: { code: string }) => e.code);
        return { own: own[0].n, wide: wide[0], write };
      })
      .catch((e) => e);
    expect(seen).toEqual({ own: 0, wide: { n: 2, p: 1 }, write: '42501' });
  });
});
