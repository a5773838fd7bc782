import 'reflect-metadata';
import {
  formatRetentionAction,
  purgeExpiredIdempotencyKeys,
  runReferralRetention,
  runRetention,
} from '../retention';
import { exitWith, runWithDatabase } from './run-with-database';

/**
 * `npm run retention:run [-- --dry-run]`: pseudonymises participants whose last closure is older
 * than RETENTION_MONTHS (default 24). Open cases are never touched. Inbound referrals that never
 * became a participant lose their person data and free text the same number of months after closing.
 */
exitWith(
  runWithDatabase(async (adminUrl, env) => {
    const dryRun = process.argv.includes('--dry-run');
    const actions = await runRetention(adminUrl, env.RETENTION_MONTHS, { dryRun });
    console.log(
      `Retention: ${env.RETENTION_MONTHS} months after the last closure; ${actions.length} participant(s) due.`,
    );
    for (const a of actions) console.log(formatRetentionAction(a, dryRun));
    const referrals = await runReferralRetention(adminUrl, env.RETENTION_MONTHS, { dryRun });
    console.log(`Retention: ${referrals.length} unlinked referral(s) closed longer ago.`);
    for (const r of referrals)
      console.log(
        `${r.partnershipId} referral ${r.referralId} (${r.state}, closed ${r.closedAt}): ${dryRun ? 'would erase' : 'erased'} person data and notes`,
      );
    if (!dryRun)
      console.log(
        `Retention: ${await purgeExpiredIdempotencyKeys(adminUrl)} expired idempotency key(s) purged.`,
      );
    return 0;
  }),
);
