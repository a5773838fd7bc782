import { Client } from 'pg';
import { withDatabase } from '../../src/database/database-roles';
import { PgErrorCode, pgErrorCode } from '../../src/common/persistence/pg-error-codes';

/** Written by global-setup, read by every worker. */
export interface TestDatabaseInfo {
  serverUrl: string;
  template: string;
  appPassword: string;
  runId: string;
  kind: 'embedded' | 'DATABASE_URL';
}

export const TEST_INFO_ENV = 'JOBTEAM_TEST_DB_INFO';

export function testInfo(): TestDatabaseInfo {
  const raw = process.env[TEST_INFO_ENV];
  if (!raw) throw new Error('The e2e harness did not run its global set-up.');
  return JSON.parse(raw) as TestDatabaseInfo;
}

/** The harness never touches a database whose name does not say it is for tests. */
export function assertTestDatabaseName(name: string): void {
  if (!/test/.test(name))
    throw new Error(`Refusing to use database "${name}": its name must contain "test".`);
}

export async function adminQuery(serverUrl: string, sql: string, database = 'postgres'): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, database) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template: a few hundred milliseconds instead of a migration run. */
export async function createDatabaseFromTemplate(info: TestDatabaseInfo, name: string): Promise<string> {
  assertTestDatabaseName(name);
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(info.serverUrl, `create database "${name}" template "${info.template}"`);
      return withDatabase(info.serverUrl, name);
    } catch (err) {
      // Another worker may be cloning the same template at this instant.
      if (pgErrorCode(err) !== PgErrorCode.objectInUse || attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(info: TestDatabaseInfo, name: string): Promise<void> {
  assertTestDatabaseName(name);
  await adminQuery(info.serverUrl, `drop database if exists "${name}" with (force)`);
}
