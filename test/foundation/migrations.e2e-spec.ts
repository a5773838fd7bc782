import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { entityDiff } from '../../src/database/cli/entity-diff';
import { createMigrationDataSource } from '../../src/database/data-sources';
import { ENTITIES } from '../../src/entities';
import { built, childEnv, PROJECT_ROOT, runNode } from '../harness/child-process';
import {
  adminQuery,
  assertTestDatabaseName,
  createDatabaseFromTemplate,
  dropDatabase,
  testInfo,
} from '../harness/test-database';
import { withDatabase } from '../../src/database/database-roles';

const MIGRATE = () => built('src/cli/migrate.js');
const SEED_DEMO = () => built('src/cli/seed-demo.js');

/** What the migrations must leave behind, in a form two runs can be compared by. */
async function schemaFingerprint(ds: DataSource) {
  const tables = await ds.query(
    `select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'migrations' order by 1`,
  );
  const policies = await ds.query(
    `select tablename, policyname, roles::text, qual, with_check from pg_policies where schemaname = 'public' order by 1, 2`,
  );
  const functions = await ds.query(
    `select p.proname, p.prosecdef, has_function_privilege('jobteam_app', p.oid, 'execute') as app_may_execute
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname like 'app\\_%' order by 1`,
  );
  const grants = await ds.query(
    `select table_name, string_agg(privilege_type, ',' order by privilege_type) as privileges
       from information_schema.role_table_grants where grantee = 'jobteam_app' group by 1 order by 1`,
  );
  return { tables, policies, functions, grants };
}

const MIGRATION_NAMES = MIGRATIONS.map((m) => m.name);

describe('migrations', () => {
  const info = testInfo();
  const created: string[] = [];
  const tempDirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
  };
  const freshDatabase = async () => {
    const name = `jobteam_test_${info.runId}_mig_${randomBytes(4).toString('hex')}`;
    created.push(name);
    return createDatabaseFromTemplate(info, name);
  };
  // The child must keep the app role's password as the harness set it: other test files log in with it.
  const cliEnv = (databaseUrl: string) =>
    childEnv({
      DATABASE_URL: databaseUrl,
      DATABASE_APP_PASSWORD: info.appPassword,
      DATA_DIR: tempDir('jobteam-cli-'),
    });

  afterAll(async () => {
    for (const name of created) await dropDatabase(info, name);
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('in process', () => {
    let ds: DataSource;

    beforeAll(async () => {
      ds = await createMigrationDataSource(await freshDatabase(), ENTITIES).initialize();
    });
    afterAll(() => ds.destroy());

    it('reverts to an empty schema and runs again to the very same tables, policies, functions and grants', async () => {
      const before = await schemaFingerprint(ds);
      expect(before.tables.length).toBeGreaterThanOrEqual(20);
      for (const table of before.tables) {
        expect(table).toEqual({
          relname: table.relname,
          relrowsecurity: true,
          relforcerowsecurity: true,
          owner: 'jobteam_owner',
        });
      }
      expect(before.grants).toEqual(
        expect.arrayContaining(
          ['organisations', 'partnerships', 'staff', 'teams'].map((table_name) => ({
            table_name,
            privileges: 'INSERT,SELECT,UPDATE',
          })),
        ),
      );

      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const empty = await schemaFingerprint(ds);
      expect(empty).toEqual({ tables: [], policies: [], functions: [], grants: [] });
      expect(await ds.query('select count(*)::int as n from migrations')).toEqual([{ n: 0 }]);

      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran.map((m) => m.name)).toEqual(MIGRATION_NAMES);
      expect(await schemaFingerprint(ds)).toEqual(before);
    });

    it('finds no difference between the entities and the migrated schema, so no migration is missing', async () => {
      const diff = await entityDiff(ds);
      expect(diff.up.map((q) => q.query)).toEqual([]);
    });
  });

  describe('npm run migration:* (dist/src/cli/migrate.js)', () => {
    it('reverts, runs, and then finds nothing pending', async () => {
      const env = cliEnv(await freshDatabase());
      const reverted = await runNode(MIGRATE(), ['revert'], env);
      expect([reverted.code, reverted.stdout.trim()]).toEqual([0, `Reverted: ${MIGRATION_NAMES.at(-1)}`]);
      for (const name of MIGRATION_NAMES.slice(0, -1).reverse()) {
        expect((await runNode(MIGRATE(), ['revert'], env)).stdout.trim()).toBe(`Reverted: ${name}`);
      }
      const nothing = await runNode(MIGRATE(), ['revert'], env);
      expect([nothing.code, nothing.stdout.trim()]).toEqual([0, 'Nothing to revert: no migration has run.']);
      const ran = await runNode(MIGRATE(), ['run'], env);
      expect([ran.code, ran.stdout.trim()]).toEqual([0, `Applied: ${MIGRATION_NAMES.join(', ')}`]);
      const again = await runNode(MIGRATE(), ['run'], env);
      expect([again.code, again.stdout.trim()]).toEqual([0, 'No pending migrations.']);
      const check = await runNode(MIGRATE(), ['check'], env);
      expect([check.code, check.stdout.trim()]).toEqual([0, 'The database schema matches the entities.']);
    });

    it('generates a migration for a schema that lags behind the entities, with a review header, and registers it', async () => {
      const url = await freshDatabase();
      await adminQuery(url, 'alter table teams drop column location', new URL(url).pathname.slice(1));
      const env = cliEnv(url);
      const check = await runNode(MIGRATE(), ['check'], env);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('ALTER TABLE "teams" ADD "location" text NOT NULL');

      const cwd = tempDir('jobteam-generate-');
      mkdirSync(join(cwd, 'migrations'));
      cpSync(join(PROJECT_ROOT, 'migrations/index.ts'), join(cwd, 'migrations/index.ts'));
      const res = await runNode(MIGRATE(), ['generate', 'AddTeamLocation'], env, { cwd });
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const files = readdirSync(join(cwd, 'migrations')).filter((f) => f !== 'index.ts');
      expect(files).toHaveLength(1);
      const [, epoch] = /^(\d{13})-AddTeamLocation\.ts$/.exec(files[0])!;
      expect(res.stdout).toContain(`Wrote ${join(cwd, 'migrations', files[0])} (1 statement(s)).`);
      const source = readFileSync(join(cwd, 'migrations', files[0]), 'utf8');
      expect(source).toContain('It must be reviewed and edited by hand before it is committed');
      expect(source).toContain(`export class AddTeamLocation${epoch} implements MigrationInterface`);
      expect(source).toContain('await q.query(`ALTER TABLE "teams" ADD "location" text NOT NULL`);');
      expect(source).toContain('await q.query(`ALTER TABLE "teams" DROP COLUMN "location"`);');
      const index = readFileSync(join(cwd, 'migrations/index.ts'), 'utf8');
      expect(index).toContain(`import { AddTeamLocation${epoch} } from './${epoch}-AddTeamLocation';`);
      expect(index).toMatch(
        new RegExp(
          `export const MIGRATIONS = \\[\\s*Foundation1795300000000,[^\\]]*, AddTeamLocation${epoch}\\];`,
        ),
      );
    });

    it('refuses an unknown command or a bad migration name before touching any database', async () => {
      const dataDir = join(tmpdir(), `jobteam-never-${randomBytes(4).toString('hex')}`);
      const env = childEnv({ DATA_DIR: dataDir });
      const unknown = await runNode(MIGRATE(), ['migrate-everything'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('Usage: migrate.js run | revert | check | generate <PascalCaseName>');
      const badName = await runNode(MIGRATE(), ['generate', 'add-thing'], env);
      expect(badName.code).toBe(1);
      expect(badName.stderr).toContain('Give the migration a PascalCase name');
      expect(existsSync(dataDir)).toBe(false);
    });

    it('exits non-zero with the reason when the database cannot be reached', async () => {
      const env = cliEnv('postgres://nobody@127.0.0.1:1/jobteam_test_unreachable');
      const res = await runNode(MIGRATE(), ['run'], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/ECONNREFUSED/);
    });
  });

  describe('npm run seed:demo (dist/src/cli/seed-demo.js)', () => {
    const counts = async (url: string) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `select (select string_agg(name, ',') from partnerships) as partnerships,
                  (select count(*)::int from organisations) as organisations,
                  (select count(*)::int from teams) as teams,
                  (select count(*)::int from staff) as staff,
                  (select count(*)::int from staff where password_hash like '$argon2id$%') as argon2id`,
        );
        return rows[0];
      } finally {
        await client.end();
      }
    };

    it('migrates an empty database, seeds Jobteam Gent once and prints the logins', async () => {
      const name = `jobteam_test_${info.runId}_seed_${randomBytes(4).toString('hex')}`;
      assertTestDatabaseName(name);
      await adminQuery(info.serverUrl, `create database "${name}"`);
      created.push(name);
      const url = withDatabase(info.serverUrl, name);
      const env = cliEnv(url);

      const first = await runNode(SEED_DEMO(), [], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Applied migrations: Foundation1795300000000');
      expect(first.stdout).toContain('Seeded the demo partnership Jobteam Gent: 49 staff members.');
      expect(first.stdout).toContain('Demo logins (password for all: Jobteam-demo-2026):');
      expect(first.stdout).toMatch(/admin +admin\.stad@demo\.jobteam\.gent +Stad Gent/);
      expect(first.stdout).toMatch(/org_admin +orgadmin\.caw@demo\.jobteam\.gent +CAW Oost-Vlaanderen/);
      // 40 staff plus one org_admin for each of the nine organisations.
      const seeded = { partnerships: 'Jobteam Gent', organisations: 9, teams: 4, staff: 49, argon2id: 49 };
      expect(await counts(url)).toEqual(seeded);

      const second = await runNode(SEED_DEMO(), [], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('The demo partnership Jobteam Gent is already there');
      expect(second.stdout).toMatch(/admin +admin\.stad@demo\.jobteam\.gent +Stad Gent/);
      expect(await counts(url)).toEqual(seeded);
    });

    it('refuses to seed the demo in production', async () => {
      const res = await runNode(SEED_DEMO(), [], {
        ...cliEnv('postgres://nobody@127.0.0.1:1/jobteam_test_unreachable'),
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(40),
        INSZ_HASH_KEY: 'k'.repeat(40),
      });
      expect(res.code).toBe(1);
      expect(res.stderr.trim()).toBe(
        'Refusing to seed the demo with NODE_ENV=production: its passwords are public.',
      );
    });
  });
});
