import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys keep no response body any more. A replay reads the created resource again under
 * the caller's current access, so the row needs only the status and the resource id; the old bodies
 * held names and INSZ in plain text and are dropped with the column. Keys live 24 hours: a definer
 * function lets any idempotent write purge the expired keys of its partnership, whoever made them
 * (the app role sees only its own rows).
 */
export class IdempotencyWithoutBodies1795300720000 implements MigrationInterface {
  name = 'IdempotencyWithoutBodies1795300720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from idempotency_keys;
      alter table idempotency_keys drop column body;
      alter table idempotency_keys add column resource_id uuid;
      comment on column idempotency_keys.status is 'HTTP status of the first response (0 while it runs)';
      comment on column idempotency_keys.request_hash is 'HMAC of method, URL and body: never the body itself';

      create policy idempotency_keys_owner_purge_read on idempotency_keys for select to current_user
        using (partnership_id = app_tenant());
      create policy idempotency_keys_owner_purge on idempotency_keys for delete to current_user
        using (partnership_id = app_tenant());
      create function app_purge_idempotency_keys() returns integer
        language sql volatile security definer set search_path = public, pg_temp as $$
          with gone as (
            delete from idempotency_keys
             where partnership_id = app_tenant() and created_at < app_now() - interval '24 hours'
            returning 1)
          select count(*)::int from gone
        $$;
      revoke all on function app_purge_idempotency_keys() from public;
      grant execute on function app_purge_idempotency_keys() to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists app_purge_idempotency_keys();
      drop policy if exists idempotency_keys_owner_purge on idempotency_keys;
      drop policy if exists idempotency_keys_owner_purge_read on idempotency_keys;
      alter table idempotency_keys drop column resource_id;
      alter table idempotency_keys add column body jsonb;
    `);
  }
}
