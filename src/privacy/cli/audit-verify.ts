import 'reflect-metadata';
import { formatChainReport, verifyAuditChains } from '../audit-chain';
import { exitWith, runWithDatabase } from './run-with-database';

/** `npm run audit:verify`: prints each partnership's chain; exit code 1 when any link is broken. */
exitWith(
  runWithDatabase(async (adminUrl) => {
    const reports = await verifyAuditChains(adminUrl);
    for (const r of reports) console.log(formatChainReport(r));
    if (reports.length === 0) console.log('No partnerships yet: nothing to verify.');
    return reports.some((r) => r.firstBroken !== null) ? 1 : 0;
  }),
);
