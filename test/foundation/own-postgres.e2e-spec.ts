import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/app.factory';
import { DatabaseSetupError } from '../../src/database/database-roles';
import { RunningServer, startServer } from '../../src/server';
import { adminQuery, assertTestDatabaseName, dropDatabase, testInfo } from '../harness/test-database';

/**
 * README, "Using your own PostgreSQL", without a superuser: an administrator creates the roles once,
 * and the API migrates as a member of jobteam_owner and serves as jobteam_app.
 */
describe('an existing PostgreSQL without a superuser URL', () => {
  const info = testInfo();
  const suffix = randomBytes(4).toString('hex');
  const database = `jobteam_test_${info.runId}_own_${suffix}`;
  const migrator = `jobteam_test_migrator_${suffix}`;
  const outsider = `jobteam_test_outsider_${suffix}`;
  const password = randomBytes(12).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'jobteam-own-'));
  const urlFor = (user: string, pass: string) => {
    const url = new URL(info.serverUrl);
    url.username = user;
    url.password = pass;
    url.pathname = `/${database}`;
    return url.toString();
  };
  const baseEnv = () => ({
    DATA_DIR: dataDir,
    PORT: '0',
    DATABASE_URL: urlFor(migrator, password),
    DATABASE_APP_URL: urlFor('jobteam_app', info.appPassword),
    LOG_LEVEL: 'fatal',
  });
  let server: RunningServer | undefined;

  beforeAll(async () => {
    assertTestDatabaseName(database);
    await adminQuery(info.serverUrl, `create database "${database}"`);
    await adminQuery(info.serverUrl, `create role ${migrator} login password '${password}'`);
    await adminQuery(info.serverUrl, `create role ${outsider} login password '${password}'`);
    // The README's statements, run by an administrator (the roles themselves exist cluster-wide already).
    await adminQuery(
      info.serverUrl,
      `grant jobteam_owner to ${migrator};
       grant connect, create, temporary on database "${database}" to jobteam_owner;
       grant connect on database "${database}" to jobteam_app, ${outsider};
       grant all on schema public to jobteam_owner;
       grant usage on schema public to jobteam_app, jobteam_tenant_reader;
       create extension if not exists pg_trgm;`,
      database,
    );
  });

  afterAll(async () => {
    await server?.stop();
    await dropDatabase(info, database);
    await adminQuery(info.serverUrl, `drop role if exists ${migrator}; drop role if exists ${outsider}`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates as the migrator, serves as jobteam_app, and lets the bootstrap admin in', async () => {
    server = await startServer(
      {
        ...baseEnv(),
        BOOTSTRAP_ADMIN_EMAIL: 'eerste.admin@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password-1',
      },
      createLogger('fatal'),
    );
    const ready = await fetch(`${server.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'eerste.admin@example.org', password: 'a-long-password-1' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const orgs = await fetch(`${server.url}/organisations`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const body = (await orgs.json()) as { items: { name: string; kboNumber: string }[] };
    expect(body.items.map((o) => [o.name, o.kboNumber])).toEqual([['Stad Gent', '0207451227']]);
    await server.stop();
    server = undefined;
  });

  it('refuses a DATABASE_URL user that is neither a superuser nor a member of jobteam_owner', async () => {
    const error = await startServer(
      { ...baseEnv(), DATABASE_URL: urlFor(outsider, password) },
      createLogger('fatal'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseSetupError);
    expect((error as Error).message).toContain('neither a superuser nor a member of jobteam_owner');
  });
});
