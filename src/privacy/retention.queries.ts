import { Client } from 'pg';

/**
 * Every statement of the retention runs (retention.ts), on the admin connection outside any request:
 * the rules (who is due, dry runs, what is reported) stay in retention.ts, the SQL is here.
 */

/** One transaction bound to a tenant: the owner policies the retention SQL relies on read app.tenant_id and app.now. */
export async function inTenant<T>(
  client: Client,
  tenant: string,
  now: string,
  fn: () => Promise<T>,
): Promise<T> {
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

export async function tenantIds(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>('select id from partnerships order by id');
  return rows.map((r) => r.id);
}

/** Participants of every partnership whose trajectories are all closed, the last one before `now` minus `months`. */
export async function participantsPastRetention(
  client: Client,
  now: string,
  months: number,
): Promise<{ partnership_id: string; id: string; last_closed: Date }[]> {
  const { rows } = await client.query<{ partnership_id: string; id: string; last_closed: Date }>(
    `select p.partnership_id, p.id, max(t.closed_at) as last_closed
       from participants p join trajectories t on t.participant_id = p.id
      where p.pseudonymised_at is null
      group by p.partnership_id, p.id
     having bool_and(t.status = 'afgesloten')
        and max(t.closed_at) < $1::timestamptz - make_interval(months => $2)
      order by p.partnership_id, max(t.closed_at), p.id`,
    [now, months],
  );
  return rows;
}

/** In a tenant transaction: app_pseudonymise() checks "no open trajectory" again under a row lock. */
export async function pseudonymise(
  client: Client,
  tenant: string,
  participantId: string,
): Promise<{ result: string; pseudonym: string | null }> {
  const {
    rows: [row],
  } = await client.query<{ result: string; pseudonym: string | null }>(
    'select result, pseudonym from app_pseudonymise($1, $2)',
    [tenant, participantId],
  );
  return row;
}

/** The system's audit event for a participant pseudonymised by retention. */
export async function auditParticipantRetention(
  client: Client,
  tenant: string,
  now: string,
  participantId: string,
): Promise<void> {
  await client.query(
    `insert into audit_events (partnership_id, at, actor_roles, action, resource_type, resource_id,
                               participant_id, reason, request_id)
     values ($1, $2, '{system}', 'pseudonymise', 'participant', $3::text, $3::uuid, 'retention_period', $4)`,
    [tenant, now, participantId, retentionRequestId(now)],
  );
}

/**
 * In a tenant transaction: the closed inbound referrals without a participant, closed longer than
 * `months` ago, that still hold something to erase; locked until the transaction ends.
 */
export async function referralsPastRetention(
  client: Client,
  months: number,
): Promise<{ id: string; state: string; closed_at: Date }[]> {
  const { rows } = await client.query<{ id: string; state: string; closed_at: Date }>(
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
  return rows;
}

/** Erases the referrals' person, encrypted INSZ, note and their transitions' free text; keeps the skeleton. */
export async function eraseReferrals(client: Client, ids: readonly string[]): Promise<void> {
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
}

/** The system's audit events for referrals erased by retention, one per referral. */
export async function auditReferralRetention(
  client: Client,
  tenant: string,
  now: string,
  ids: readonly string[],
): Promise<void> {
  await client.query(
    `insert into audit_events (partnership_id, at, actor_roles, action, resource_type, resource_id,
                               reason, request_id)
     select $1, $2, '{system}', 'pseudonymise', 'referral', id::text, 'retention_period', $3
       from unnest($4::uuid[]) as id`,
    [tenant, now, retentionRequestId(now), ids],
  );
}

/** In a tenant transaction: deletes the tenant's expired idempotency keys; returns how many went. */
export async function purgeIdempotencyKeys(client: Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>('select app_purge_idempotency_keys() as n');
  return rows[0].n;
}

const retentionRequestId = (now: string) => `retention-${now.slice(0, 10)}`;
