import 'reflect-metadata';
import { ConfigError, Environment, loadEnvironment } from '../../config/environment';
import { loadSecrets } from '../../config/secrets';
import { ResolvedDatabase, resolveDatabase } from '../database-connection';
import { DatabaseSetupError } from '../database-roles';

export class UsageError extends Error {}

const KNOWN = [ConfigError, DatabaseSetupError, UsageError];

/**
 * Shared shell of the database CLIs: validated config, the same database `npm start` would use
 * (embedded or DATABASE_URL), a clean stop of an embedded server whatever happens, and an exit
 * code a script can trust.
 */
export async function runCli(
  main: (database: ResolvedDatabase, env: Environment) => Promise<void>,
  before?: (env: Environment) => void,
): Promise<never> {
  let database: ResolvedDatabase | undefined;
  const interrupted = async (signal: NodeJS.Signals) => {
    console.error(`Interrupted by ${signal}; stopping.`);
    await database?.embedded?.stop().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let code = 0;
  try {
    const env = loadEnvironment(process.env);
    before?.(env);
    database = await resolveDatabase(env, loadSecrets(env));
    await main(database, env);
  } catch (err) {
    code = 1;
    const known = KNOWN.some((type) => err instanceof type);
    console.error(known ? (err as Error).message : ((err as Error)?.stack ?? String(err)));
  } finally {
    await database?.embedded?.stop().catch((err: Error) => {
      console.error(`Could not stop the embedded PostgreSQL: ${err.message}`);
      code = 1;
    });
  }
  process.exit(code);
}
