import 'reflect-metadata';
import { formatRetentionAction, runRetention } from '../retention';
import { exitWith, runWithDatabase } from './run-with-database';

/**
 * `npm run retention:run [-- --dry-run]`: pseudonymises participants whose last closure is older
 * than RETENTION_MONTHS (default 24). Open cases are never touched.
 */
exitWith(
  runWithDatabase(async (adminUrl, env) => {
    const dryRun = process.argv.includes('--dry-run');
    const actions = await runRetention(adminUrl, env.RETENTION_MONTHS, { dryRun });
    console.log(
      `Retention: ${env.RETENTION_MONTHS} months after the last closure; ${actions.length} participant(s) due.`,
    );
    for (const a of actions) console.log(formatRetentionAction(a, dryRun));
    return 0;
  }),
);
