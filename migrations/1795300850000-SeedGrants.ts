import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo seed writes 18 months of history in one transaction as the app role, and since
 * GrantFunctions jobteam_app cannot insert into access_grants; app_grant checks each grant against
 * "now" (a meeting more than 30 days past is refused), so it cannot replay history.
 *
 * app_seed_grants writes historic grants, but only inside a partnership that was created in the
 * caller's own transaction, and only on participants written in that same transaction (xmin is the
 * current transaction id). Everything such a grant can reveal was written by the same caller a moment
 * earlier, so it opens nothing of any existing partnership: a stolen jobteam_app password gains no
 * access through it.
 */
export class SeedGrants1795300850000 implements MigrationInterface {
  name = 'SeedGrants1795300850000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function app_seed_grants(p_rows jsonb) returns integer
        language plpgsql volatile security definer set search_path = public, pg_temp as $$
        declare
          v_tenant uuid := app_tenant();
          v_xid bigint := txid_current() % 4294967296;
          n integer;
        begin
          if v_tenant is null then
            raise exception 'seed grants refused: no tenant' using errcode = '42501';
          end if;
          if not exists (select 1 from partnerships p where p.id = v_tenant and p.xmin::text::bigint = v_xid) then
            raise exception 'seed grants refused: the partnership was not created in this transaction'
              using errcode = '42501';
          end if;
          if exists (
               select 1 from jsonb_populate_recordset(null::access_grants, p_rows) r
                where r.partnership_id is distinct from v_tenant
                   or not exists (select 1 from participants x where x.id = r.participant_id
                                    and x.partnership_id = v_tenant and x.xmin::text::bigint = v_xid)) then
            raise exception 'seed grants refused: a grant names a participant not written in this transaction'
              using errcode = '42501';
          end if;
          insert into access_grants (id, partnership_id, participant_id, organisation_id, staff_id, scope, reason,
                                     source_id, valid_from, valid_until, ended_at)
          select coalesce(r.id, gen_random_uuid()), r.partnership_id, r.participant_id, r.organisation_id, r.staff_id,
                 r.scope, r.reason, r.source_id, r.valid_from, r.valid_until, r.ended_at
            from jsonb_populate_recordset(null::access_grants, p_rows) r;
          get diagnostics n = row_count;
          return n;
        end $$;
      revoke all on function app_seed_grants(jsonb) from public;
      grant execute on function app_seed_grants(jsonb) to jobteam_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists app_seed_grants(jsonb)`);
  }
}
