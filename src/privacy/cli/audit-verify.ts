import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { auditSigningKey, Checkpoint, exportPublicKey } from '../../common/crypto/audit-signing';
import { loadSecrets } from '../../config/secrets';
import { chainHolds, formatChainReport, verifyAuditChains } from '../audit-chain';
import { exitWith, runWithDatabase } from './run-with-database';

/**
 * `npm run audit:verify`: prints each partnership's chain; exit code 1 when any link is broken,
 * the tail is cut or a signed checkpoint no longer matches.
 * `-- --export` prints the latest signed checkpoint of each chain as JSON, to archive elsewhere;
 * `-- --against <file>` also checks such an archived export against the chains.
 */
const args = process.argv.slice(2);
const exportOnly = args.includes('--export');
const againstAt = args.indexOf('--against');
const archived =
  againstAt >= 0 ? (JSON.parse(readFileSync(args[againstAt + 1], 'utf8')) as { checkpoints: Checkpoint[] }) : undefined;

exitWith(
  runWithDatabase(async (adminUrl, env) => {
    const key = auditSigningKey(loadSecrets(env).auditSigningKey);
    const reports = await verifyAuditChains(adminUrl, {
      publicKey: key.publicKey,
      archived: archived?.checkpoints,
    });
    if (exportOnly) {
      const checkpoints = reports.flatMap((r) => (r.checkpoint ? [{ name: r.name, ...r.checkpoint }] : []));
      console.log(
        JSON.stringify({ keyId: key.keyId, publicKey: exportPublicKey(key.publicKey), checkpoints }, null, 2),
      );
    } else {
      for (const r of reports) console.log(formatChainReport(r));
      if (reports.length === 0) console.log('No partnerships yet: nothing to verify.');
    }
    return reports.every(chainHolds) ? 0 : 1;
  }),
);
