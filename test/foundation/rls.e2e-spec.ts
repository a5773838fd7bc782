import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OWNER_ROLE } from '../../src/database/database-roles';
import { assertRuntimeRoleIsSafe, UnsafeRuntimeRoleError } from '../../src/database/runtime-role-check';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';

/** Runs SQL as the superuser/owner connection of this test file's database: RLS does not apply. */
async function asAdmin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function rawDataSource(url: string, options?: string): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url,
    extra: { max: 1, ...(options ? { options } : {}) },
  }).initialize();
}

describe('row-level security (the database wall)', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let tenantTables: string[];
  const countsByTenant = new Map<string, { a: number; b: number }>();

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'RLS A');
    b = await createPartnership(t, 'RLS B');
    await asAdmin(t.adminUrl, async (c) => {
      const { rows } = await c.query<{ table_name: string }>(
        `select c.table_name from information_schema.columns c
           join information_schema.tables t using (table_schema, table_name)
          where c.table_schema = 'public' and c.column_name = 'partnership_id' and t.table_type = 'BASE TABLE'
            and has_table_privilege('jobteam_app', format('%I.%I', c.table_schema, c.table_name), 'SELECT')
          order by 1`,
      );
      tenantTables = rows.map((r) => r.table_name);
      for (const table of tenantTables) {
        const { rows: counts } = await c.query<{ a: number; b: number }>(
          `select count(*) filter (where partnership_id = $1)::int as a,
                  count(*) filter (where partnership_id = $2)::int as b from "${table}"`,
          [a.id, b.id],
        );
        countsByTenant.set(table, counts[0]);
      }
    });
  });
  afterAll(() => t.close());

  it('finds the tenant tables through information_schema, each holding rows of both partnerships', () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['organisations', 'staff', 'teams']));
    // The tables a partnership starts with; test/privacy/rls-isolation proves the participant tables.
    for (const table of ['organisations', 'staff', 'teams']) {
      const counts = countsByTenant.get(table)!;
      expect([table, counts.a > 0, counts.b > 0]).toEqual([table, true, true]);
    }
  });

  it('shows a raw count(*) of 0 on every tenant table outside any tenant context', async () => {
    for (const table of [...tenantTables, 'partnerships']) {
      const [{ count }] = await t.db.runWithoutTenant<{ count: number }[]>((m) =>
        // Built-in instruments (partnership_id null) are shared by design; tenant rows are what must hide.
        m.query(
          `select count(*)::int as count from "${table}" ${table === 'partnerships' ? '' : 'where partnership_id is not null'}`,
        ),
      );
      expect([table, count]).toEqual([table, 0]);
    }
  });

  it("shows partnership B exactly its own rows and none of A's", async () => {
    for (const table of tenantTables) {
      const [row] = await t.db.runInTenant<{ mine: number; theirs: number; total: number }[]>(b.id, (m) =>
        m.query(
          `select count(*) filter (where partnership_id = $1)::int as mine,
                  count(*) filter (where partnership_id = $2)::int as theirs,
                  count(*)::int as total from "${table}" where partnership_id is not null`,
          [b.id, a.id],
        ),
      );
      expect([table, row]).toEqual([
        table,
        { mine: countsByTenant.get(table)!.b, theirs: 0, total: row.mine },
      ]);
    }
  });

  it("lets partnership B neither change nor insert A's rows", async () => {
    const updated = await t.db.runInTenant(b.id, (m) =>
      m.query(`update organisations set name = 'taken over' where partnership_id = $1`, [a.id]),
    );
    expect(updated[1]).toBe(0);
    await expect(
      t.db.runInTenant(b.id, (m) =>
        m.query(`insert into organisations (partnership_id, name, kind) values ($1, 'Intruder', 'partner')`, [
          a.id,
        ]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const names = await asAdmin(t.adminUrl, (c) =>
      c.query<{ name: string }>('select name from organisations where partnership_id = $1', [a.id]),
    );
    expect(names.rows.map((r) => r.name)).not.toContain('taken over');
    expect(names.rows.map((r) => r.name)).not.toContain('Intruder');
  });

  it('sees nothing on a pooled connection after an earlier transaction set the context', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`select set_config('app.tenant_id', $1, true)`, [a.id]);
      const [inside] = await runner.query('select count(*)::int as count from organisations');
      expect(inside.count).toBe(countsByTenant.get('organisations')!.a);
      await runner.commitTransaction();
      const [setting] = await runner.query(`select current_setting('app.tenant_id', true) as value`);
      expect(setting.value).toBe('');
      const [after] = await runner.query('select count(*)::int as count from organisations');
      expect(after.count).toBe(0);
    } finally {
      await runner.release();
    }
  });

  it('keeps 50 overlapping transactions of two partnerships apart', async () => {
    const members = [a.staff.coordinator, b.staff.coordinator];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const staff = members[i % 2];
        return t.db.runAsStaff(
          { tenantId: staff.partnershipId, staffId: staff.id, requestId: `overlap-${i}` },
          async (actor) => {
            // Services reach the transaction through the async context, not through the argument.
            const m = t.db.manager;
            await m.query(`select pg_sleep($1)`, [((i * 7) % 5) / 1000]);
            const orgs: { partnership_id: string }[] = await m.query(
              'select partnership_id from organisations',
            );
            await m.query(`select pg_sleep($1)`, [((i * 3) % 4) / 1000]);
            const staffRows: { partnership_id: string }[] = await m.query('select partnership_id from staff');
            const [setting] = await m.query(`select current_setting('app.tenant_id') as tenant`);
            return {
              expected: staff.partnershipId,
              actorTenant: actor?.partnershipId,
              contextRequest: t.db.requestId,
              request: `overlap-${i}`,
              setting: setting.tenant as string,
              orgTenants: [...new Set(orgs.map((r) => r.partnership_id))],
              orgCount: orgs.length,
              staffTenants: [...new Set(staffRows.map((r) => r.partnership_id))],
            };
          },
        );
      }),
    );
    const expectedOrgs = (tenant: string) =>
      countsByTenant.get('organisations')![tenant === a.id ? 'a' : 'b'];
    const leaks = results.filter(
      (r) =>
        r.actorTenant !== r.expected ||
        r.setting !== r.expected ||
        r.contextRequest !== r.request ||
        r.orgTenants.join() !== r.expected ||
        r.staffTenants.join() !== r.expected ||
        r.orgCount !== expectedOrgs(r.expected),
    );
    expect(results).toHaveLength(50);
    expect(leaks).toEqual([]);
  });

  it('keeps 50 overlapping HTTP requests of two partnerships apart', async () => {
    const ownIds = async (p: TestPartnership) =>
      new Set(
        (await as(t, p.auth('admin')).get('/organisations?limit=200').expect(200)).body.items.map(
          (o: { id: string }) => o.id,
        ),
      );
    const idsOf = { [a.id]: await ownIds(a), [b.id]: await ownIds(b) };
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const p = i % 2 ? b : a;
        return as(t, p.auth('admin'))
          .get('/organisations?limit=200')
          .then((res) => ({ p, res }));
      }),
    );
    for (const { p, res } of responses) {
      expect(res.status).toBe(200);
      const ids = res.body.items.map((o: { id: string }) => o.id) as string[];
      expect(ids.filter((id) => !idsOf[p.id].has(id))).toEqual([]);
      expect(ids).toHaveLength(idsOf[p.id].size);
    }
  });

  describe('assertRuntimeRoleIsSafe', () => {
    it('passes for the app role', async () => {
      await expect(assertRuntimeRoleIsSafe(t.dataSource)).resolves.toBeUndefined();
      const [role] = await t.dataSource.query('select current_user as name');
      expect(role.name).toBe('jobteam_app');
    });

    it('refuses a superuser connection', async () => {
      const ds = await rawDataSource(t.adminUrl);
      try {
        const error = await assertRuntimeRoleIsSafe(ds).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnsafeRuntimeRoleError);
        expect((error as Error).message).toMatch(/could bypass row-level security because it is a superuser/);
      } finally {
        await ds.destroy();
      }
    });

    it('refuses the table owner role', async () => {
      const ds = await rawDataSource(t.adminUrl, `-c role=${OWNER_ROLE}`);
      try {
        await expect(assertRuntimeRoleIsSafe(ds)).rejects.toThrow(/"jobteam_owner".*owns .*table/);
      } finally {
        await ds.destroy();
      }
    });

    it('refuses a BYPASSRLS role', async () => {
      const role = `jobteam_test_bypass_${randomBytes(4).toString('hex')}`;
      await asAdmin(t.adminUrl, (c) => c.query(`create role ${role} nologin nosuperuser bypassrls`));
      const ds = await rawDataSource(t.adminUrl, `-c role=${role}`);
      try {
        await expect(assertRuntimeRoleIsSafe(ds)).rejects.toThrow(/it has BYPASSRLS/);
      } finally {
        await ds.destroy();
        await asAdmin(t.adminUrl, (c) => c.query(`drop role ${role}`));
      }
    });

    it('refuses to serve while a tenant table lacks forced row-level security', async () => {
      await asAdmin(t.adminUrl, (c) =>
        c.query(`set role ${OWNER_ROLE}; create table leaky_notes (id int, partnership_id uuid); reset role`),
      );
      try {
        await expect(assertRuntimeRoleIsSafe(t.dataSource)).rejects.toThrow(
          /tenant tables without forced row-level security: leaky_notes/,
        );
      } finally {
        await asAdmin(t.adminUrl, (c) => c.query('drop table leaky_notes'));
      }
    });
  });
});
