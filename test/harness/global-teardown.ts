import { Client } from 'pg';
import { withDatabase } from '../../src/database/database-roles';
import { testInfo } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const info = testInfo();
  if (info.kind === 'DATABASE_URL') {
    const client = new Client({ connectionString: withDatabase(info.serverUrl, 'postgres') });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like 'jobteam\\_test\\_%' and datname like '%' || $1 || '%'`,
        [info.runId],
      );
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__JOBTEAM_EMBEDDED__?.stop();
}
