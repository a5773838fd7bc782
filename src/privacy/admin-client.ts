import { Client } from 'pg';

/**
 * One admin connection for a run outside any request (retention, the audit chain check), closed whatever
 * happens; `applicationName` names the run in pg_stat_activity.
 */
export async function withAdminClient<T>(
  adminUrl: string,
  applicationName: string,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: applicationName });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
