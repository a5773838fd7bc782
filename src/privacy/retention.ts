import { Client } from 'pg';

/** One admin connection for a retention run, closed whatever happens. */
async function withAdminClient<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: 'jobteam-retention' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One transaction bound to a tenant: the owner policies the retention SQL relies on read app.tenant_id and app.now. */
async function inTenant<T>(client: Client, tenant: string, now: string, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.now', $2, true)`, [
      tenant,
      now,
    ]);
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}

async function tenantIds(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>('select id from partnerships order by id');
  return rows.map((r) => r.id);
}

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
  const now = (options.now ?? new Date()).toISOString();
  return withAdminClient(adminUrl, async (client) => {
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
  });
}

function pseudonymiseOne(client: Client, tenant: string, participantId: string, now: string) {
  return inTenant(client, tenant, now, async () => {
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
    return row;
  });
}

export function formatRetentionAction(a: RetentionAction, dryRun: boolean): string {
  const what = dryRun ? 'would pseudonymise' : a.result === 'ok' ? 'pseudonymised' : `skipped (${a.result})`;
  return `${a.partnershipId} participant ${a.participantId}: last closed ${a.lastClosedAt}, ${what}${
    a.pseudonym ? ` as ${a.pseudonym}` : ''
  }`;
}

export interface ReferralRetentionAction {
  partnershipId: string;
  referralId: string;
  state: string;
  closedAt: string;
  result: 'due' | 'erased';
}

/**
 * An inbound referral that never became a participant (rejected, cancelled, or completed without
 * one) is not reached by pseudonymisation, which follows participants. Once it has been closed for
 * longer than the retention period, its person (name, birth date, gender, phone), encrypted INSZ,
 * note and the free text of its transitions are erased; what stays is the referral's skeleton
 * (kind, sides, dates, states), which the turnaround report counts. Open referrals are left to their
 * SPOC: they sit in the overdue inbox until someone decides them, and then this rule applies.
 */
export async function runReferralRetention(
  adminUrl: string,
  months: number,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<ReferralRetentionAction[]> {
  const now = (options.now ?? new Date()).toISOString();
  const actions: ReferralRetentionAction[] = [];
  return withAdminClient(adminUrl, async (client) => {
    for (const tenant of await tenantIds(client)) {
      const due = await inTenant(client, tenant, now, async () => {
        const { rows: due } = await client.query<{ id: string; state: string; closed_at: Date }>(
          `select r.id, r.state, r.closed_at from referrals r
            where r.partnership_id = app_tenant() and r.participant_id is null and r.closed_at is not null
              and r.closed_at < app_now() - make_interval(months => $1)
              and (r.person is not null or r.person_insz_encrypted is not null or r.note is not null
                   or exists (select 1 from referral_transitions x where x.referral_id = r.id
                                 and (x.note is not null or (x.reason is not null and x.reason <> '(removed by retention)'))))
            order by r.closed_at, r.id
            for update`,
          [months],
        );
        const ids = due.map((d) => d.id);
        if (!options.dryRun && ids.length > 0) {
          await client.query(
            `update referral_transitions set note = null,
                    reason = case when reason is null then null else '(removed by retention)' end
              where referral_id = any($1::uuid[]) and (note is not null or reason is not null)`,
            [ids],
          );
          await client.query(
            `update referrals set person = null, person_insz_encrypted = null, note = null,
                    version = version + 1, updated_at = now()
              where id = any($1::uuid[])`,
            [ids],
          );
          await client.query(
            `insert into audit_events (partnership_id, at, actor_roles, action, resource_type, resource_id,
                                       reason, request_id)
             select $1, $2, '{system}', 'pseudonymise', 'referral', id::text, 'retention_period', $3
               from unnest($4::uuid[]) as id`,
            [tenant, now, `retention-${now.slice(0, 10)}`, ids],
          );
        }
        return due;
      });
      for (const d of due)
        actions.push({
          partnershipId: tenant,
          referralId: d.id,
          state: d.state,
          closedAt: d.closed_at.toISOString(),
          result: options.dryRun ? 'due' : 'erased',
        });
    }
    return actions;
  });
}

/**
 * Idempotency keys are purged on every idempotent write; this catches a partnership where nobody has
 * written for a while, so no key outlives a retention run by more than 24 hours. Returns how many went.
 */
export async function purgeExpiredIdempotencyKeys(
  adminUrl: string,
  options: { now?: Date } = {},
): Promise<number> {
  const now = (options.now ?? new Date()).toISOString();
  return withAdminClient(adminUrl, async (client) => {
    let purged = 0;
    for (const tenant of await tenantIds(client))
      purged += await inTenant(client, tenant, now, async () => {
        const { rows } = await client.query<{ n: number }>('select app_purge_idempotency_keys() as n');
        return rows[0].n;
      });
    return purged;
  });
}
