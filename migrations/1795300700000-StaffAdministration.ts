import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff administration (issue 12, item 1 and 11): the `org_admin` role, accounts that wait for their
 * owner to set a password, one-time activation and reset tokens stored only as hashes, and a token
 * version that every bearer token must carry, so a password change or deactivation ends older tokens.
 */
export class StaffAdministration1795300700000 implements MigrationInterface {
  name = 'StaffAdministration1795300700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table staff drop constraint staff_roles_check;
      alter table staff add constraint staff_roles_check check (
        cardinality(roles) > 0 and
        roles <@ array['admin','org_admin','coordinator','coach','spoc_vdab','spoc_ocmw','expertise','dpo']::text[]);
      -- An account created through the API has no password until its owner activates it.
      alter table staff alter column password_hash drop not null;
      -- Bumped by a password change, a reset and a deactivation; a bearer token names the version it was issued for.
      alter table staff add column token_version integer not null default 0;

      create table staff_credential_tokens (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        staff_id uuid not null,
        purpose text not null check (purpose in ('activation', 'reset')),
        token_hash bytea not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        foreign key (staff_id, partnership_id) references staff (id, partnership_id),
        foreign key (created_by, partnership_id) references staff (id, partnership_id)
      );
      create unique index staff_credential_tokens_hash_uq on staff_credential_tokens (token_hash);
      create index staff_credential_tokens_staff_idx on staff_credential_tokens (staff_id) where used_at is null;
      create index staff_credential_tokens_created_by_idx on staff_credential_tokens (created_by);
      alter table staff_credential_tokens enable row level security;
      alter table staff_credential_tokens force row level security;
      create policy staff_credential_tokens_tenant on staff_credential_tokens
        using (partnership_id = app_tenant()) with check (partnership_id = app_tenant());
      create policy staff_credential_tokens_owner on staff_credential_tokens for all to current_user using (true) with check (true);
      grant select, insert, update on staff_credential_tokens to jobteam_app;
    `);

    // POST /auth/activate comes without a tenant: only the hash of the presented token finds its row.
    await q.query(`
      create function app_credential_token_lookup(p_hash bytea)
        returns table (id uuid, partnership_id uuid, staff_id uuid, purpose text, expires_at timestamptz,
                       used_at timestamptz, email text, name text, active boolean)
        language sql stable security definer set search_path = public, pg_temp
        as $$ select t.id, t.partnership_id, t.staff_id, t.purpose, t.expires_at, t.used_at, s.email, s.name, s.active
                from staff_credential_tokens t join staff s on s.id = t.staff_id and s.partnership_id = t.partnership_id
               where t.token_hash = p_hash $$;
      revoke all on function app_credential_token_lookup(bytea) from public;
      grant execute on function app_credential_token_lookup(bytea) to jobteam_app;

      drop function app_login_lookup(text);
      create function app_login_lookup(p_email text)
        returns table (id uuid, partnership_id uuid, password_hash text, active boolean, token_version integer)
        language sql stable security definer set search_path = public, pg_temp
        as $$ select s.id, s.partnership_id, s.password_hash, s.active, s.token_version
                from staff s where s.email = lower(btrim(p_email)) $$;
      revoke all on function app_login_lookup(text) from public;
      grant execute on function app_login_lookup(text) to jobteam_app;

      drop function app_begin_request(uuid, uuid, timestamptz);
      create function app_begin_request(p_tenant uuid, p_user uuid, p_now timestamptz)
        returns table (organisation_id uuid, team_id uuid, roles text[], active boolean, name text, email text,
                       token_version integer)
        language plpgsql volatile set search_path = public, pg_temp as $$
        declare r record;
        begin
          perform set_config('app.tenant_id', p_tenant::text, true);
          perform set_config('app.user_id', p_user::text, true);
          perform set_config('app.now', coalesce(p_now::text, ''), true);
          select s.organisation_id, s.team_id, s.roles, s.active, s.name, s.email, s.token_version into r
            from staff s where s.id = p_user;
          if found and r.active then
            perform set_config('app.org_id', r.organisation_id::text, true);
            perform set_config('app.roles', r.roles::text, true);
            return query select r.organisation_id, r.team_id, r.roles, r.active, r.name, r.email, r.token_version;
          end if;
        end $$;
      grant execute on function app_begin_request(uuid, uuid, timestamptz) to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function app_begin_request(uuid, uuid, timestamptz);
      create function app_begin_request(p_tenant uuid, p_user uuid, p_now timestamptz)
        returns table (organisation_id uuid, team_id uuid, roles text[], active boolean, name text, email text)
        language plpgsql volatile set search_path = public, pg_temp as $$
        declare r record;
        begin
          perform set_config('app.tenant_id', p_tenant::text, true);
          perform set_config('app.user_id', p_user::text, true);
          perform set_config('app.now', coalesce(p_now::text, ''), true);
          select s.organisation_id, s.team_id, s.roles, s.active, s.name, s.email into r from staff s where s.id = p_user;
          if found and r.active then
            perform set_config('app.org_id', r.organisation_id::text, true);
            perform set_config('app.roles', r.roles::text, true);
            return query select r.organisation_id, r.team_id, r.roles, r.active, r.name, r.email;
          end if;
        end $$;
      grant execute on function app_begin_request(uuid, uuid, timestamptz) to jobteam_app;

      drop function app_login_lookup(text);
      create function app_login_lookup(p_email text)
        returns table (id uuid, partnership_id uuid, password_hash text, active boolean)
        language sql stable security definer set search_path = public, pg_temp
        as $$ select s.id, s.partnership_id, s.password_hash, s.active from staff s where s.email = lower(p_email) $$;
      revoke all on function app_login_lookup(text) from public;
      grant execute on function app_login_lookup(text) to jobteam_app;

      drop function if exists app_credential_token_lookup(bytea);
      drop table if exists staff_credential_tokens;
      -- An account that was only an org_admin has no role to fall back to: it is switched off.
      update staff set active = false, roles = array['expertise'] where roles = array['org_admin'];
      update staff set roles = array_remove(roles, 'org_admin');
      update staff set password_hash = '!' where password_hash is null;
      alter table staff drop column token_version;
      alter table staff alter column password_hash set not null;
      alter table staff drop constraint staff_roles_check;
      alter table staff add constraint staff_roles_check check (
        cardinality(roles) > 0 and
        roles <@ array['admin','coordinator','coach','spoc_vdab','spoc_ocmw','expertise','dpo']::text[]);
    `);
  }
}
