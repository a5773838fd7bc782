import { MigrationInterface, QueryRunner } from 'typeorm';

/** The caller may see an event: its tenant, and the DPO role or a live full grant on its participant. */
const MAY_SEE_EVENT = `e.partnership_id = app_tenant() and (
  'dpo' = any(app_roles())
  or (e.participant_id is not null and exists (
    select 1 from access_grants g where g.participant_id = e.participant_id and g.scope = 'full'
       and g.partnership_id = app_tenant() and (g.organisation_id = app_org() or g.staff_id = app_user())
       and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now()))))`;

/**
 * The audit log no longer trusts the runtime role (issue 12, items 13-15):
 * - jobteam_app may not write audit_events at all; it calls app_audit_record(), which takes the
 *   actor, organisation, roles, tenant and time from the request context, never from an argument;
 * - personal values in an event's details and reason are stored encrypted with a key per
 *   participant; pseudonymisation deletes the key (crypto-shredding) and the hash chain, computed
 *   over the ciphertext, stays valid;
 * - the chain's head is checkpointed and signed by the application with a key the database never
 *   holds (see src/privacy/audit-sealer.ts); `npm run audit:verify` checks head and checkpoints.
 */
export class AuditWall1795300730000 implements MigrationInterface {
  name = 'AuditWall1795300730000';

  async up(q: QueryRunner): Promise<void> {
    // pgcrypto is a trusted extension: the owner may create it in its own database.
    await q.query(`create extension if not exists pgcrypto`);

    await q.query(`
      -- One key per participant. Readable only by the owner (the functions below); never granted.
      create table audit_participant_keys (
        participant_id uuid primary key,
        partnership_id uuid not null references partnerships(id),
        key bytea not null,
        created_at timestamptz not null default now()
      );
      create index audit_participant_keys_partnership_idx on audit_participant_keys (partnership_id);
      alter table audit_participant_keys enable row level security;
      alter table audit_participant_keys force row level security;
      create policy audit_participant_keys_owner on audit_participant_keys for all to current_user using (true) with check (true);

      -- AES-256-CBC with a random IV per value; integrity comes from the hash chain over the ciphertext.
      create function audit_encrypt(p_key bytea, p_plain text) returns text
        language sql volatile set search_path = public, pg_temp as $$
          select 'v1:' || translate(encode(r.iv || encrypt_iv(convert_to(p_plain, 'UTF8'), p_key, r.iv, 'aes-cbc/pad:pkcs'), 'base64'), E'\\n', '')
            from (select gen_random_bytes(16) as iv) r
        $$;
      create function audit_decrypt(p_key bytea, p_cipher text) returns text
        language sql immutable set search_path = public, pg_temp as $$
          select convert_from(decrypt_iv(substring(r.b from 17), p_key, substring(r.b from 1 for 16), 'aes-cbc/pad:pkcs'), 'UTF8')
            from (select decode(substr(p_cipher, 4), 'base64') as b) r
        $$;
      revoke all on function audit_encrypt(bytea, text), audit_decrypt(bytea, text) from public;

      -- An event's details and reason in clear, as far as its participant's key still exists.
      -- After crypto-shredding the sealed part reads {"erased": true} and the reason '[erased]'.
      create function audit_open_details(e audit_events) returns jsonb
        language sql stable security definer set search_path = public, pg_temp as $$
          select case when e.details ? 'sealed' then
                   (e.details - 'sealed') || coalesce(
                     (select audit_decrypt(k.key, e.details->>'sealed')::jsonb from audit_participant_keys k
                       where k.participant_id = e.participant_id),
                     '{"erased": true}'::jsonb)
                 else e.details end
        $$;
      create function audit_open_reason(e audit_events) returns text
        language sql stable security definer set search_path = public, pg_temp as $$
          select case when e.reason like 'sealed:%' then
                   coalesce((select audit_decrypt(k.key, substr(e.reason, 8)) from audit_participant_keys k
                              where k.participant_id = e.participant_id), '[erased]')
                 else e.reason end
        $$;
      revoke all on function audit_open_details(audit_events), audit_open_reason(audit_events) from public;

      -- What the request's caller may read of one event, in clear (DPO, or the owner organisation).
      create function app_audit_reveal(p_event bigint) returns table (details jsonb, reason text)
        language sql stable security definer set search_path = public, pg_temp as $$
          select audit_open_details(e), audit_open_reason(e) from audit_events e
           where e.id = p_event and ${MAY_SEE_EVENT}
        $$;
      revoke all on function app_audit_reveal(bigint) from public;
      grant execute on function app_audit_reveal(bigint) to jobteam_app;

      -- The only way the runtime role writes the log. Who, where, when and as what come from the
      -- request context (app_begin_request), so no argument can name another actor or tenant.
      -- p_entries: [{action, resource_type, resource_id, participant_id, scope, reason, details,
      --              secret: {reason?, details?}}]; "secret" is sealed with the participant's key.
      create function app_audit_record(p_request_id text, p_entries jsonb) returns integer
        language plpgsql security definer set search_path = public, pg_temp as $$
        declare v_tenant uuid := app_tenant(); n integer;
        begin
          if v_tenant is null then
            raise exception 'audit events are recorded inside a request context' using errcode = '42501';
          end if;
          if exists (select 1 from jsonb_array_elements(p_entries) x
                      where jsonb_typeof(x->'secret') = 'object' and coalesce(x->>'participant_id', '') = '') then
            raise exception 'only a participant''s event has personal values to seal' using errcode = '22023';
          end if;
          insert into audit_participant_keys (participant_id, partnership_id, key)
          select s.participant_id, v_tenant, gen_random_bytes(32)
            from (select distinct (x->>'participant_id')::uuid as participant_id
                    from jsonb_array_elements(p_entries) x
                   where jsonb_typeof(x->'secret') = 'object') s
          on conflict (participant_id) do nothing;
          insert into audit_events (partnership_id, at, actor_id, actor_organisation_id, actor_roles, action,
                                    resource_type, resource_id, participant_id, scope, reason, request_id, details)
          select v_tenant, app_now(), app_user(), app_org(), app_roles(), x.v->>'action', x.v->>'resource_type',
                 x.v->>'resource_id', (x.v->>'participant_id')::uuid, x.v->>'scope',
                 case when x.v->'secret' ? 'reason' then 'sealed:' || audit_encrypt(k.key, x.v->'secret'->>'reason')
                      else x.v->>'reason' end,
                 p_request_id,
                 case when x.v->'secret' ? 'details'
                      then coalesce(nullif(x.v->'details', 'null'::jsonb), '{}'::jsonb)
                           || jsonb_build_object('sealed', audit_encrypt(k.key, (x.v->'secret'->'details')::text))
                      else nullif(x.v->'details', 'null'::jsonb) end
            from jsonb_array_elements(p_entries) with ordinality as x(v, ord)
            left join audit_participant_keys k
              on jsonb_typeof(x.v->'secret') = 'object' and k.participant_id = (x.v->>'participant_id')::uuid
           order by x.ord;
          get diagnostics n = row_count;
          return n;
        end $$;
      revoke all on function app_audit_record(text, jsonb) from public;
      grant execute on function app_audit_record(text, jsonb) to jobteam_app;

      -- Crypto-shredding: when a participant is pseudonymised, the key of their audit values goes.
      create function audit_shred_on_pseudonymise() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          delete from audit_participant_keys where participant_id = new.id;
          return null;
        end $$;
      create trigger participants_audit_shred after update of pseudonymised_at on participants
        for each row when (old.pseudonymised_at is null and new.pseudonymised_at is not null)
        execute function audit_shred_on_pseudonymise();
    `);

    await q.query(`
      drop policy audit_events_append on audit_events;
      revoke insert, update, delete, truncate on audit_events from jobteam_app;

      -- A new event is always unsealed: nobody, the owner included, inserts a row into the chain.
      create function audit_events_unsealed_insert() returns trigger language plpgsql as $$
        begin
          if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null then
            raise exception 'audit events are inserted unsealed' using errcode = '42501';
          end if;
          return new;
        end $$;
      create trigger audit_events_insert_unsealed before insert on audit_events
        for each row execute function audit_events_unsealed_insert();

      -- As before, but the owner's one permitted update must also carry the right hash.
      create or replace function audit_events_guard() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' and current_user = 'jobteam_owner' and old.chain_seq is null
             and new.chain_seq is not null
             and (to_jsonb(new) - array['chain_seq','prev_hash','hash']) = (to_jsonb(old) - array['chain_seq','prev_hash','hash'])
             and new.hash = app_audit_hash(new.prev_hash, old) then
            return new;
          end if;
          raise exception 'audit_events is append-only' using errcode = '42501';
        end $$;

      -- Signed checkpoints of each chain's head. The signature is made by the application with
      -- a key outside the database; the database only keeps what verify needs to check it.
      create table audit_checkpoints (
        id bigint generated always as identity primary key,
        partnership_id uuid not null references partnerships(id),
        seq bigint not null,
        hash text not null,
        signed_at timestamptz not null,
        key_id text not null,
        signature text not null
      );
      create index audit_checkpoints_partnership_idx on audit_checkpoints (partnership_id, seq);
      alter table audit_checkpoints enable row level security;
      alter table audit_checkpoints force row level security;
      create policy audit_checkpoints_owner on audit_checkpoints for all to current_user using (true) with check (true);
      create function audit_checkpoints_guard() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_checkpoints is append-only' using errcode = '42501';
        end $$;
      create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
        for each row execute function audit_checkpoints_guard();
      create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
        for each statement execute function audit_checkpoints_guard();

      -- The sealing job: chains every tenant's committed events, then answers each head with the
      -- last checkpoint, so the application signs only heads that moved.
      create function app_audit_seal_all()
        returns table (partnership_id uuid, last_seq bigint, last_hash text, checkpoint_seq bigint)
        language plpgsql security definer set search_path = public, pg_temp as $$
        declare t uuid;
        begin
          for t in select distinct u.partnership_id from audit_events u where u.chain_seq is null loop
            perform app_audit_seal(t);
          end loop;
          return query
            select h.partnership_id, h.last_seq, h.last_hash,
                   (select max(c.seq) from audit_checkpoints c where c.partnership_id = h.partnership_id)
              from audit_chain_heads h order by h.partnership_id;
        end $$;

      -- Stores a signed checkpoint; refuses one that does not match the chain.
      create function app_audit_checkpoint(p_tenant uuid, p_seq bigint, p_hash text, p_signed_at timestamptz,
                                           p_key_id text, p_signature text) returns void
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          if not exists (select 1 from audit_events e
                          where e.partnership_id = p_tenant and e.chain_seq = p_seq and e.hash = p_hash) then
            raise exception 'checkpoint does not match the chain' using errcode = '22023';
          end if;
          insert into audit_checkpoints (partnership_id, seq, hash, signed_at, key_id, signature)
          values (p_tenant, p_seq, p_hash, p_signed_at, p_key_id, p_signature);
        end $$;
      revoke all on function app_audit_seal_all(), app_audit_checkpoint(uuid, bigint, text, timestamptz, text, text) from public;
      grant execute on function app_audit_seal_all(), app_audit_checkpoint(uuid, bigint, text, timestamptz, text, text) to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists app_audit_checkpoint(uuid, bigint, text, timestamptz, text, text), app_audit_seal_all();
      drop table if exists audit_checkpoints;
      drop function if exists audit_checkpoints_guard();
      drop trigger if exists audit_events_insert_unsealed on audit_events;
      drop function if exists audit_events_unsealed_insert();
      create or replace function audit_events_guard() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' and current_user = 'jobteam_owner' and old.chain_seq is null
             and new.chain_seq is not null
             and (to_jsonb(new) - array['chain_seq','prev_hash','hash']) = (to_jsonb(old) - array['chain_seq','prev_hash','hash']) then
            return new;
          end if;
          raise exception 'audit_events is append-only' using errcode = '42501';
        end $$;
      create policy audit_events_append on audit_events for insert with check (partnership_id = app_tenant());
      grant insert on audit_events to jobteam_app;
      drop trigger if exists participants_audit_shred on participants;
      drop function if exists audit_shred_on_pseudonymise();
      drop function if exists app_audit_record(text, jsonb), app_audit_reveal(bigint),
        audit_open_details(audit_events), audit_open_reason(audit_events),
        audit_encrypt(bytea, text), audit_decrypt(bytea, text);
      drop table if exists audit_participant_keys;
    `);
  }
}
