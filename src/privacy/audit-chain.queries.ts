import { Client } from 'pg';

/**
 * Every statement of the audit-chain check (audit-chain.ts), on the admin connection across all
 * tenants: the checks and the report stay in audit-chain.ts, the SQL is here.
 */

export interface CheckpointRow {
  seq: string;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
  /** The hash of the event at the checkpoint's seq now, or null when that event is gone. */
  event_hash: string | null;
}

/** Where a chain stands: its first broken link, its events, its recorded head and its last sealed event. */
export interface ChainStateRow {
  broken: string | null;
  events: number;
  head_seq: string | null;
  head_hash: string | null;
  end_seq: string | null;
  end_hash: string | null;
}

export async function partnerships(client: Client): Promise<{ id: string; name: string }[]> {
  const { rows } = await client.query<{ id: string; name: string }>(
    'select id, name from partnerships order by name, id',
  );
  return rows;
}

/** Chains what the partnership has committed so far; returns how many events were newly sealed. */
export async function sealChain(client: Client, partnershipId: string): Promise<number> {
  const {
    rows: [sealed],
  } = await client.query<{ n: string }>('select app_audit_seal($1) as n', [partnershipId]);
  return Number(sealed.n);
}

export async function chainState(client: Client, partnershipId: string): Promise<ChainStateRow> {
  const {
    rows: [state],
  } = await client.query<ChainStateRow>(
    `select app_audit_verify($1) as broken,
            (select count(*)::int from audit_events where partnership_id = $1) as events,
            h.last_seq as head_seq, h.last_hash as head_hash, e.chain_seq as end_seq, e.hash as end_hash
       from (select 1) one
       left join audit_chain_heads h on h.partnership_id = $1
       left join lateral (select chain_seq, hash from audit_events
                           where partnership_id = $1 and chain_seq is not null
                           order by chain_seq desc limit 1) e on true`,
    [partnershipId],
  );
  return state;
}

/** The partnership's signed checkpoints, oldest first, each with the hash its event has now. */
export async function checkpoints(client: Client, partnershipId: string): Promise<CheckpointRow[]> {
  const { rows } = await client.query<CheckpointRow>(
    `select c.seq, c.hash, c.signed_at, c.key_id, c.signature, e.hash as event_hash
       from audit_checkpoints c
       left join audit_events e on e.partnership_id = c.partnership_id and e.chain_seq = c.seq
      where c.partnership_id = $1
      order by c.seq, c.id`,
    [partnershipId],
  );
  return rows;
}

/** The hash of the partnership's event at `seq`, or null when there is none. */
export async function eventHashAt(
  client: Client,
  partnershipId: string,
  seq: number,
): Promise<string | null> {
  const {
    rows: [e],
  } = await client.query<{ hash: string }>(
    'select hash from audit_events where partnership_id = $1 and chain_seq = $2',
    [partnershipId, seq],
  );
  return e?.hash ?? null;
}
