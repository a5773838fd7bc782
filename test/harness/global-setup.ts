import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRoles, withDatabase } from '../../src/database/database-roles';
import { runMigrations } from '../../src/database/data-sources';
import { EmbeddedServer, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { adminQuery, assertTestDatabaseName, TEST_INFO_ENV, TestDatabaseInfo } from './test-database';

declare global {
  var __JOBTEAM_EMBEDDED__: EmbeddedServer | undefined;
}

/**
 * Uses DATABASE_URL's server when set; otherwise starts embedded PostgreSQL in a temporary folder.
 * Either way it migrates one template database that each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let serverUrl = process.env.DATABASE_URL;
  let kind: TestDatabaseInfo['kind'] = 'DATABASE_URL';
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'jobteam-test-'));
    chmodSync(dir, 0o755); // the server runs as the unprivileged postgres user
    const embedded = await startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      password: randomBytes(12).toString('hex'),
      persistent: false,
    });
    globalThis.__JOBTEAM_EMBEDDED__ = embedded;
    serverUrl = embedded.url;
    kind = 'embedded';
  }
  const template = `jobteam_test_tpl_${runId}`;
  assertTestDatabaseName(template);
  await adminQuery(serverUrl, `create database "${template}"`);
  const appPassword = randomBytes(16).toString('hex');
  const templateUrl = withDatabase(serverUrl, template);
  await prepareRoles(templateUrl, appPassword);
  await runMigrations(templateUrl);
  const info: TestDatabaseInfo = { serverUrl, template, appPassword, runId, kind };
  process.env[TEST_INFO_ENV] = JSON.stringify(info);
  console.log(`\n[e2e] PostgreSQL: ${kind}; template ${template}`);
}
