import { loadEnvironment, Environment } from '../../config/environment';
import { loadSecrets } from '../../config/secrets';
import { resolveDatabase } from '../../database/database-connection';

/**
 * Runs a maintenance job against the same database `npm start` would use (DATABASE_URL, or the
 * embedded server in DATA_DIR), then stops an embedded server. Returns the job's exit code.
 */
export async function runWithDatabase(
  job: (adminUrl: string, env: Environment) => Promise<number>,
): Promise<number> {
  const env = loadEnvironment(process.env);
  const database = await resolveDatabase(env, loadSecrets(env));
  try {
    return await job(database.adminUrl, env);
  } finally {
    await database.embedded?.stop();
  }
}

export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
