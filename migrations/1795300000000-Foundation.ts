import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy, organisations, teams and staff, plus the request-context functions every RLS policy reads.
 * Written by hand: RLS policies, grants and functions are not something to generate.
 */
export class Foundation1795300000000 implements MigrationInterface {
  name = 'Foundation1795300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists pg_trgm`);

    // After a transaction has used set_config(..., true) the setting reads '' rather than NULL.
    await q.query(`
      create function app_tenant() returns uuid language sql stable parallel safe
        as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;
      create function app_org() returns uuid language sql stable parallel safe
        as $$ select nullif(current_setting('app.org_id', true), '')::uuid $$;
      create function app_user() returns uuid language sql stable parallel safe
        as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
      create function app_roles() returns text[] language sql stable parallel safe
        as $$ select coalesce(nullif(current_setting('app.roles', true), '')::text[], '{}'::text[]) $$;
      create function app_now() returns timestamptz language sql stable parallel safe
        as $$ select coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now()) $$;
    `);

    await q.query(`
      create table partnerships (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        created_at timestamptz not null default now()
      );
      create table organisations (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        name text not null,
        kbo_number char(10),
        kind text not null check (kind in ('promotor', 'partner', 'vdab', 'ocmw')),
        professional_secrecy boolean not null default false,
        active boolean not null default true,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index organisations_partnership_idx on organisations (partnership_id, name);
      create unique index organisations_kbo_uq on organisations (partnership_id, kbo_number) where kbo_number is not null;
      create unique index organisations_name_uq on organisations (partnership_id, lower(name));
      -- (id, partnership_id) keys let child rows point at a parent of the same tenant only:
      -- foreign-key checks bypass RLS, so this is what stops a cross-tenant reference.
      alter table organisations add constraint organisations_tenant_key unique (id, partnership_id);

      create table teams (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        name text not null,
        location text not null,
        wijken text[] not null default '{}',
        active boolean not null default true,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index teams_partnership_idx on teams (partnership_id, name);
      create unique index teams_name_uq on teams (partnership_id, lower(name));
      alter table teams add constraint teams_tenant_key unique (id, partnership_id);

      create table staff (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        organisation_id uuid not null,
        team_id uuid,
        email text not null check (email = lower(email)),
        name text not null,
        roles text[] not null check (
          cardinality(roles) > 0 and
          roles <@ array['admin','coordinator','coach','spoc_vdab','spoc_ocmw','expertise','dpo']::text[]),
        fte numeric(3,2) not null default 1 check (fte >= 0 and fte <= 1),
        active boolean not null default true,
        password_hash text not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (organisation_id, partnership_id) references organisations (id, partnership_id),
        foreign key (team_id, partnership_id) references teams (id, partnership_id),
        constraint staff_tenant_key unique (id, partnership_id)
      );
      create unique index staff_email_uq on staff (email);
      create index staff_partnership_idx on staff (partnership_id, name);
      create index staff_organisation_idx on staff (organisation_id);
      create index staff_team_idx on staff (team_id);
    `);

    for (const table of ['organisations', 'teams', 'staff']) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_tenant on ${table}
          using (partnership_id = app_tenant()) with check (partnership_id = app_tenant());
      `);
    }
    await q.query(`
      alter table partnerships enable row level security;
      alter table partnerships force row level security;
      create policy partnerships_tenant on partnerships using (id = app_tenant()) with check (id = app_tenant());
      -- Login looks a staff member up by email before any tenant is known; only the
      -- security-definer function below runs as the owner, and it returns one row.
      create policy staff_login_lookup on staff for select to current_user using (true);
      create policy partnerships_owner_read on partnerships for select to current_user using (true);
    `);

    await q.query(`
      create function app_login_lookup(p_email text)
        returns table (id uuid, partnership_id uuid, password_hash text, active boolean)
        language sql stable security definer set search_path = public, pg_temp
        as $$ select s.id, s.partnership_id, s.password_hash, s.active from staff s where s.email = lower(p_email) $$;
      revoke all on function app_login_lookup(text) from public;
      grant execute on function app_login_lookup(text) to jobteam_app;

      -- Start-up asks whether the database holds any partnership yet (demo seed on an empty database).
      create function app_partnership_count() returns bigint
        language sql stable security definer set search_path = public, pg_temp
        as $$ select count(*) from partnerships $$;
      revoke all on function app_partnership_count() from public;
      grant execute on function app_partnership_count() to jobteam_app;

      -- One round trip per request: set the tenant and user, read the staff member under RLS,
      -- then set organisation and roles from the database, never from the token.
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

      grant select, insert, update on partnerships, organisations, teams, staff to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists app_begin_request(uuid, uuid, timestamptz);
      drop function if exists app_login_lookup(text);
      drop function if exists app_partnership_count();
      drop table if exists staff, teams, organisations, partnerships;
      drop function if exists app_tenant(), app_org(), app_user(), app_roles(), app_now();
    `);
  }
}
