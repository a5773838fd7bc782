import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { deriveAppUrl, prepareRoles, withDatabase } from '../../database/database-roles';
import { runMigrations } from '../../database/data-sources';
import { startEmbeddedPostgres } from '../../database/embedded-postgres';
import { writeSqlFixture } from './fixture';

export interface ScratchDatabase {
  adminUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database, migrated by the project's runner and holding the SQL fixture: on `server` (a
 * superuser URL, e.g. DATABASE_URL's) when given, else on an embedded PostgreSQL of its own in a temporary
 * folder. `appPassword` must be the app role's password the server's other users expect, as the roles are
 * cluster-wide. Its name says it is for tests, and it is dropped afterwards.
 */
export async function openScratchDatabase(server?: {
  url: string;
  appPassword: string;
}): Promise<ScratchDatabase> {
  let serverUrl = server?.url;
  const appPassword = server?.appPassword ?? randomBytes(16).toString('hex');
  let stopEmbedded = async () => undefined as void;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'jobteam-sql-sync-'));
    chmodSync(dir, 0o755); // the embedded server runs as the unprivileged postgres user
    const embedded = await startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      password: randomBytes(12).toString('hex'),
      persistent: false,
    });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const name = `jobteam_test_sql_sync_${randomBytes(4).toString('hex')}`;
  const url = serverUrl;
  try {
    await admin(url, `create database "${name}"`);
    const adminUrl = withDatabase(url, name);
    await prepareRoles(adminUrl, appPassword);
    await runMigrations(adminUrl);
    await writeSqlFixture(adminUrl);
    return {
      adminUrl,
      appUrl: deriveAppUrl(adminUrl, appPassword),
      drop: async () => {
        await admin(url, `drop database if exists "${name}" with (force)`).catch(() => undefined);
        await stopEmbedded();
      },
    };
  } catch (err) {
    await admin(url, `drop database if exists "${name}" with (force)`).catch(() => undefined);
    await stopEmbedded();
    throw err;
  }
}
