import { Client } from 'pg';

export interface RetentionAction {
  partnershipId: string;
  participantId: string;
  lastClosedAt: string;
  result: string;
  pseudonym: string | null;
}

/**
 * Pseudonymises every participant whose last trajectory closed more than `months` ago and who
 * has no open trajectory. The SQL function checks "no open trajectory" again under a row lock,
 * so a case reopened meanwhile is left alone. Each participant is its own transaction, audited.
 */
export async function runRetention(
  adminUrl: string,
  months: number,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<RetentionAction[]> {
  const client = new Client({ connectionString: adminUrl, application_name: 'jobteam-retention' });
  await client.connect();
  const now = (options.now ?? new Date()).toISOString();
  try {
    const { rows: due } = await client.query<{ partnership_id: string; id: string; last_closed: Date }>(
      `select p.partnership_id, p.id, max(t.closed_at) as last_closed
         from participants p join trajectories t on t.participant_id = p.id
        where p.pseudonymised_at is null
        group by p.partnership_id, p.id
       having bool_and(t.status = 'afgesloten')
          and max(t.closed_at) < $1::timestamptz - make_interval(months => $2)
        order by p.partnership_id, max(t.closed_at), p.id`,
      [now, months],
    );
    const actions: RetentionAction[] = [];
    for (const d of due) {
      const action: RetentionAction = {
        partnershipId: d.partnership_id,
        participantId: d.id,
        lastClosedAt: d.last_closed.toISOString(),
        result: 'due',
        pseudonym: null,
      };
      if (!options.dryRun) Object.assign(action, await pseudonymiseOne(client, d.partnership_id, d.id, now));
      actions.push(action);
    }
    return actions;
  } finally {
    await client.end();
  }
}

async function pseudonymiseOne(client: Client, tenant: string, participantId: string, now: string) {
  await client.query('begin');
  try {
    // The owner policies the function relies on are bound to the tenant in context.
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.now', $2, true)`, [
      tenant,
      now,
    ]);
    const {
      rows: [row],
    } = await client.query<{ result: string; pseudonym: string | null }>(
      'select result, pseudonym from app_pseudonymise($1, $2)',
      [tenant, participantId],
    );
    if (row.result === 'ok') {
      await client.query(
        `insert into audit_events (partnership_id, at, actor_roles, action, resource_type, resource_id,
                                   participant_id, reason, request_id)
         values ($1, $2, '{system}', 'pseudonymise', 'participant', $3::text, $3::uuid, 'retention_period', $4)`,
        [tenant, now, participantId, `retention-${now.slice(0, 10)}`],
      );
    }
    await client.query('commit');
    return row;
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}

export function formatRetentionAction(a: RetentionAction, dryRun: boolean): string {
  const what = dryRun ? 'would pseudonymise' : a.result === 'ok' ? 'pseudonymised' : `skipped (${a.result})`;
  return `${a.partnershipId} participant ${a.participantId}: last closed ${a.lastClosedAt}, ${what}${
    a.pseudonym ? ` as ${a.pseudonym}` : ''
  }`;
}
