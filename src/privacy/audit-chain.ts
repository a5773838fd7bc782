import { Client } from 'pg';

export interface ChainReport {
  partnershipId: string;
  name: string;
  sealed: number;
  events: number;
  /** The chain_seq of the first event whose link does not hold, or null when the chain is intact. */
  firstBroken: number | null;
}

/**
 * Seals what is committed, then walks every partnership's hash chain. Connects with the admin
 * URL: the chain is checked across all tenants, outside any request.
 */
export async function verifyAuditChains(adminUrl: string): Promise<ChainReport[]> {
  const client = new Client({ connectionString: adminUrl, application_name: 'jobteam-audit-verify' });
  await client.connect();
  try {
    const { rows: partnerships } = await client.query<{ id: string; name: string }>(
      'select id, name from partnerships order by name, id',
    );
    const reports: ChainReport[] = [];
    for (const p of partnerships) {
      const {
        rows: [sealed],
      } = await client.query<{ n: string }>('select app_audit_seal($1) as n', [p.id]);
      const {
        rows: [check],
      } = await client.query<{ broken: string | null; events: number }>(
        `select app_audit_verify($1) as broken,
                (select count(*)::int from audit_events where partnership_id = $1) as events`,
        [p.id],
      );
      reports.push({
        partnershipId: p.id,
        name: p.name,
        sealed: Number(sealed.n),
        events: check.events,
        firstBroken: check.broken === null ? null : Number(check.broken),
      });
    }
    return reports;
  } finally {
    await client.end();
  }
}

export function formatChainReport(r: ChainReport): string {
  const head = `${r.name} (${r.partnershipId}): ${r.events} events, ${r.sealed} newly sealed`;
  return r.firstBroken === null ? `${head}; chain intact` : `${head}; BROKEN at chain_seq ${r.firstBroken}`;
}
