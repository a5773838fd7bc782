import { KeyObject } from 'node:crypto';
import { Client } from 'pg';
import { Checkpoint, checkpointSignatureHolds, keyIdOf } from '../common/crypto/audit-signing';
import { withAdminClient } from './admin-client';
import {
  chainState,
  CheckpointRow,
  checkpoints,
  eventHashAt,
  partnerships as partnershipsOf,
  sealChain,
} from './audit-chain.queries';

export interface ChainReport {
  partnershipId: string;
  name: string;
  sealed: number;
  events: number;
  /** The chain_seq of the first event whose link does not hold, or null when the chain is intact. */
  firstBroken: number | null;
  /** The recorded head (audit_chain_heads): where the chain must end. */
  head: { seq: number; hash: string };
  /** The latest signed checkpoint, or null before the first one. */
  checkpoint: Checkpoint | null;
  /** Everything else that does not hold: a cut tail, a checkpoint that no longer matches, a bad signature. */
  problems: string[];
}

export interface VerifyOptions {
  /** The public key checkpoints must be signed with. Without it, signatures are not checked. */
  publicKey?: KeyObject;
  /** Checkpoints archived elsewhere (`audit:verify -- --export`): each must still match its chain. */
  archived?: Checkpoint[];
}

const toCheckpoint = (partnershipId: string, r: CheckpointRow): Checkpoint => ({
  partnershipId,
  seq: Number(r.seq),
  hash: r.hash,
  signedAt: r.signed_at.toISOString(),
  keyId: r.key_id,
  signature: r.signature,
});

/**
 * Seals what is committed, then checks every partnership's chain: each link, the end of the chain
 * against its recorded head (a cut tail), and every signed checkpoint against the chain (a rewrite,
 * even with recomputed hashes, changes the hash at a checkpoint). Connects with the admin URL: the
 * chain is checked across all tenants, outside any request.
 */
export async function verifyAuditChains(
  adminUrl: string,
  options: VerifyOptions = {},
): Promise<ChainReport[]> {
  return withAdminClient(adminUrl, 'jobteam-audit-verify', async (client) => {
    const partnerships = await partnershipsOf(client);
    const reports: ChainReport[] = [];
    for (const p of partnerships) reports.push(await verifyOne(client, p, options));
    for (const a of options.archived ?? []) {
      if (!partnerships.some((p) => p.id === a.partnershipId))
        throw new Error(
          `The archived checkpoint names partnership ${a.partnershipId}, which is not in this database.`,
        );
    }
    return reports;
  });
}

async function verifyOne(
  client: Client,
  p: { id: string; name: string },
  options: VerifyOptions,
): Promise<ChainReport> {
  const sealed = await sealChain(client, p.id);
  const check = await chainState(client, p.id);
  const problems: string[] = [];
  const head = { seq: Number(check.head_seq ?? 0), hash: check.head_hash ?? '0'.repeat(64) };
  const end = { seq: Number(check.end_seq ?? 0), hash: check.end_hash ?? '0'.repeat(64) };
  if (end.seq < head.seq) {
    problems.push(`chain ends at seq ${end.seq} but its head is at ${head.seq}: events missing at the tail`);
  } else if (end.seq !== head.seq || end.hash !== head.hash) {
    problems.push(`chain ends at seq ${end.seq} with a hash its head (seq ${head.seq}) does not record`);
  }

  const rows = await checkpoints(client, p.id);
  const keyId = options.publicKey ? keyIdOf(options.publicKey) : undefined;
  const checkCheckpoint = (c: Checkpoint, eventHash: string | null, label: string) => {
    if (options.publicKey && (c.keyId !== keyId || !checkpointSignatureHolds(options.publicKey, c))) {
      problems.push(`${label} at seq ${c.seq}: signature does not hold for this key`);
    }
    if (c.seq > head.seq) problems.push(`${label} at seq ${c.seq}: beyond the head (seq ${head.seq})`);
    if (eventHash === null) problems.push(`${label} at seq ${c.seq}: the event is missing`);
    else if (eventHash !== c.hash) problems.push(`${label} at seq ${c.seq}: the chain was rewritten`);
  };
  for (const r of rows) checkCheckpoint(toCheckpoint(p.id, r), r.event_hash, 'checkpoint');
  for (const a of (options.archived ?? []).filter((x) => x.partnershipId === p.id)) {
    checkCheckpoint(a, await eventHashAt(client, p.id, a.seq), 'archived checkpoint');
  }

  return {
    partnershipId: p.id,
    name: p.name,
    sealed,
    events: check.events,
    firstBroken: check.broken === null ? null : Number(check.broken),
    head,
    checkpoint: rows.length ? toCheckpoint(p.id, rows[rows.length - 1]) : null,
    problems,
  };
}

export function chainHolds(r: ChainReport): boolean {
  return r.firstBroken === null && r.problems.length === 0;
}

export function formatChainReport(r: ChainReport): string {
  const signed = r.checkpoint ? `signed up to seq ${r.checkpoint.seq}` : 'no signed checkpoint yet';
  const head = `${r.name} (${r.partnershipId}): ${r.events} events, ${r.sealed} newly sealed, ${signed}`;
  if (chainHolds(r)) return `${head}; chain intact`;
  const broken = r.firstBroken === null ? [] : [`BROKEN at chain_seq ${r.firstBroken}`];
  return `${head}; ${[...broken, ...r.problems.map((x) => `BROKEN: ${x}`)].join('; ')}`;
}
