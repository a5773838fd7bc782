import { MigrationInterface, QueryRunner } from 'typeorm';

/** A grant row the current request may use: same tenant, the caller's organisation or person, valid now. */
const LIVE_GRANT = `g.partnership_id = app_tenant()
  and (g.organisation_id = app_org() or g.staff_id = app_user())
  and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())`;

/** RLS predicate: the caller holds a live grant of one of `scopes` on the row's participant. */
const grantOn = (participantColumn: string, scopes: string[]) =>
  `exists (select 1 from access_grants g where g.participant_id = ${participantColumn}
     and g.scope in (${scopes.map((s) => `'${s}'`).join(', ')}) and ${LIVE_GRANT})`;

const ANY_SCOPE = ['summary', 'referral', 'case', 'full'];
const CASE_SCOPE = ['case', 'full'];

/**
 * The case file (participants, trajectories, goals, life domains, contact moments) and the access
 * model it is read through: grants, consents and the append-only audit log. Written by hand.
 */
export class CaseFile1795300100000 implements MigrationInterface {
  name = 'CaseFile1795300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table participants (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        owner_organisation_id uuid not null,
        first_name text not null,
        last_name text not null,
        search_name text not null,
        name_key text not null,
        birth_date date not null,
        gender text not null check (gender in ('female', 'male', 'nonbinary')),
        insz_hash text,
        insz_encrypted text,
        phone text,
        email text,
        street text,
        postal_code text,
        city text,
        wijk text,
        contact_language text,
        nationality char(2),
        entry_date date not null,
        labour_status text check (labour_status in ('unemployed', 'inactive', 'in_education', 'employed', 'self_employed')),
        long_term_unemployed boolean,
        education_level text check (education_level in ('isced_0_2', 'isced_3_4', 'isced_5_8')),
        single_adult_household_with_children boolean,
        third_country_national boolean,
        foreign_background boolean,
        homeless_or_housing_exclusion boolean,
        rural_area boolean,
        disability text check (disability in ('yes', 'no', 'declined')),
        minority text check (minority in ('yes', 'no', 'declined')),
        referral_channel text not null check (referral_channel in ('vdab', 'ocmw', 'outreach', 'self', 'participant', 'partner', 'other')),
        referrer text,
        current_trajectory_id uuid,
        current_status text,
        case_manager_id uuid,
        team_id uuid,
        vdab_trajectory_status text check (vdab_trajectory_status in ('none', 'active', 'closed')),
        vdab_checked_at timestamptz,
        vdab_checked_by uuid,
        pseudonymised_at timestamptz,
        created_by uuid not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (owner_organisation_id, partnership_id) references organisations (id, partnership_id),
        foreign key (case_manager_id, partnership_id) references staff (id, partnership_id),
        foreign key (team_id, partnership_id) references teams (id, partnership_id),
        constraint participants_tenant_key unique (id, partnership_id)
      );
      create unique index participants_insz_uq on participants (partnership_id, insz_hash) where insz_hash is not null;
      create index participants_name_key_idx on participants (partnership_id, name_key, birth_date);
      create index participants_search_trgm on participants using gin (search_name gin_trgm_ops);
      create index participants_list_idx on participants (partnership_id, last_name, first_name, id);
      create index participants_owner_idx on participants (owner_organisation_id);
      create index participants_case_manager_idx on participants (case_manager_id);
      create index participants_team_idx on participants (team_id);
      create index participants_status_idx on participants (partnership_id, current_status);
      create index participants_wijk_idx on participants (partnership_id, wijk);

      create table access_grants (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        participant_id uuid not null,
        organisation_id uuid references organisations(id),
        staff_id uuid references staff(id),
        scope text not null check (scope in ('summary', 'referral', 'case', 'full')),
        reason text not null check (reason in ('owner', 'co_coach', 'consent_partnership', 'referral', 'case_meeting', 'group_session')),
        source_id uuid,
        valid_from timestamptz not null,
        valid_until timestamptz,
        ended_at timestamptz,
        created_at timestamptz not null default now(),
        check ((organisation_id is null) <> (staff_id is null)),
        -- Deferred so a participant and its owner grant can be written in either order in one transaction.
        foreign key (participant_id, partnership_id) references participants (id, partnership_id) deferrable initially deferred
      );
      create index access_grants_participant_idx on access_grants (participant_id) include (organisation_id, staff_id, scope, valid_from, valid_until) where ended_at is null;
      create index access_grants_org_idx on access_grants (organisation_id, participant_id) include (scope, valid_from, valid_until) where ended_at is null;
      create index access_grants_staff_idx on access_grants (staff_id, participant_id) include (scope, valid_from, valid_until) where ended_at is null;
      create index access_grants_source_idx on access_grants (source_id) where ended_at is null;

      create table trajectories (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        participant_id uuid not null,
        previous_trajectory_id uuid references trajectories(id),
        status text not null check (status in ('aanmelding', 'intake', 'begeleiding', 'nazorg', 'afgesloten')),
        referral_channel text not null,
        referrer text,
        owner_organisation_id uuid not null,
        case_manager_id uuid,
        team_id uuid,
        started_at timestamptz not null,
        intake_at timestamptz,
        guidance_started_at timestamptz,
        aftercare_at timestamptz,
        closed_at timestamptz,
        outcome text check (outcome in ('work', 'regular_activation', 'education', 'volunteering_or_supported_work', 'no_result', 'moved_or_unreachable')),
        outcome_kind text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((status = 'afgesloten') = (outcome is not null and closed_at is not null)),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (owner_organisation_id, partnership_id) references organisations (id, partnership_id),
        foreign key (case_manager_id, partnership_id) references staff (id, partnership_id),
        foreign key (team_id, partnership_id) references teams (id, partnership_id),
        constraint trajectories_tenant_key unique (id, partnership_id)
      );
      create index trajectories_participant_idx on trajectories (participant_id, started_at);
      create index trajectories_case_manager_idx on trajectories (case_manager_id) where status <> 'afgesloten';
      create index trajectories_status_idx on trajectories (partnership_id, status);
      create index trajectories_closed_idx on trajectories (partnership_id, closed_at) where closed_at is not null;
      create unique index trajectories_one_open_uq on trajectories (participant_id) where status <> 'afgesloten';
      alter table participants add foreign key (current_trajectory_id, partnership_id) references trajectories (id, partnership_id) deferrable initially deferred;

      create table trajectory_transitions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        from_status text,
        to_status text not null,
        at timestamptz not null,
        outcome text,
        note text,
        actor_id uuid not null,
        created_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id)
      );
      create index trajectory_transitions_trajectory_idx on trajectory_transitions (trajectory_id, at);

      create table case_manager_assignments (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        staff_id uuid not null,
        organisation_id uuid not null,
        from_at timestamptz not null,
        to_at timestamptz,
        note text,
        assigned_by uuid not null,
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (staff_id, partnership_id) references staff (id, partnership_id)
      );
      create index case_manager_assignments_trajectory_idx on case_manager_assignments (trajectory_id, from_at);

      create table co_coaches (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        staff_id uuid not null,
        organisation_id uuid not null,
        added_at timestamptz not null,
        removed_at timestamptz,
        added_by uuid not null,
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (staff_id, partnership_id) references staff (id, partnership_id)
      );
      create unique index co_coaches_active_uq on co_coaches (trajectory_id, staff_id) where removed_at is null;
      create index co_coaches_staff_idx on co_coaches (staff_id) where removed_at is null;

      create table life_domains (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        domain text not null check (domain in ('work', 'income_debt', 'housing', 'health', 'mental_health', 'language', 'mobility',
          'childcare_family', 'justice', 'social_network', 'digital', 'education', 'residence_status')),
        severity smallint not null check (severity between 1 and 5),
        note text,
        updated_by uuid not null,
        updated_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        unique (trajectory_id, domain)
      );

      create table goals (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        life_domain text not null,
        title text not null,
        target_date date,
        status text not null check (status in ('open', 'achieved', 'dropped')),
        status_changed_at timestamptz not null,
        steps jsonb not null default '[]',
        created_by uuid not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id)
      );
      create index goals_trajectory_idx on goals (trajectory_id, created_at);

      create table contacts (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        at timestamptz not null,
        kind text not null check (kind in ('home_visit', 'outreach', 'office', 'phone', 'digital', 'accompanied_visit', 'group_session', 'case_meeting')),
        duration_minutes integer not null check (duration_minutes between 1 and 600),
        staff_id uuid not null,
        author_id uuid not null,
        author_organisation_id uuid not null,
        summary text,
        confidential boolean not null,
        source_type text,
        source_id uuid,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (staff_id, partnership_id) references staff (id, partnership_id)
      );
      create index contacts_trajectory_idx on contacts (trajectory_id, at desc);
      create index contacts_partnership_at_idx on contacts (partnership_id, at);

      create table contact_revisions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        contact_id uuid not null references contacts(id),
        participant_id uuid not null,
        author_organisation_id uuid not null,
        confidential boolean not null,
        version integer not null,
        snapshot jsonb not null,
        edited_by uuid not null,
        edited_at timestamptz not null default now()
      );
      create index contact_revisions_contact_idx on contact_revisions (contact_id, version);

      create table consents (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        participant_id uuid not null,
        scope text not null check (scope in ('partnership_sharing', 'vdab_exchange', 'ocmw_exchange', 'case_meeting', 'special_categories')),
        basis text not null check (basis in ('consent', 'legal_obligation', 'public_task')),
        reference text,
        given_at timestamptz not null,
        evidence text not null,
        recorded_by uuid not null,
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        created_at timestamptz not null default now(),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id)
      );
      create index consents_participant_idx on consents (participant_id, scope) where withdrawn_at is null;

      create table idempotency_keys (
        partnership_id uuid not null references partnerships(id),
        staff_id uuid not null,
        key text not null,
        request_hash text not null,
        status integer not null,
        body jsonb,
        created_at timestamptz not null default now(),
        primary key (staff_id, key)
      );
      create index idempotency_keys_created_idx on idempotency_keys (created_at);
    `);

    await q.query(`
      create table audit_events (
        id bigint generated always as identity primary key,
        partnership_id uuid not null references partnerships(id),
        at timestamptz not null default now(),
        actor_id uuid,
        actor_organisation_id uuid,
        actor_roles text[] not null default '{}',
        action text not null,
        resource_type text not null,
        resource_id text,
        participant_id uuid,
        scope text,
        reason text,
        request_id text,
        details jsonb,
        chain_seq bigint,
        prev_hash text,
        hash text
      );
      create index audit_events_partnership_idx on audit_events (partnership_id, at);
      create index audit_events_participant_idx on audit_events (participant_id, at) where participant_id is not null;
      create index audit_events_actor_idx on audit_events (actor_id, at);
      create index audit_events_unsealed_idx on audit_events (partnership_id, id) where chain_seq is null;
      create unique index audit_events_chain_uq on audit_events (partnership_id, chain_seq) where chain_seq is not null;

      create table audit_chain_heads (
        partnership_id uuid primary key references partnerships(id),
        last_seq bigint not null,
        last_hash text not null
      );

      -- The log is append-only. Only the sealing function (running as the owner) may fill in the
      -- chain columns of a row, once; everything else is refused, whoever asks.
      create function audit_events_guard() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' and current_user = 'jobteam_owner' and old.chain_seq is null
             and new.chain_seq is not null
             and (to_jsonb(new) - array['chain_seq','prev_hash','hash']) = (to_jsonb(old) - array['chain_seq','prev_hash','hash']) then
            return new;
          end if;
          raise exception 'audit_events is append-only' using errcode = '42501';
        end $$;
      create trigger audit_events_append_only before update or delete on audit_events
        for each row execute function audit_events_guard();
      create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_events_guard();

      -- The canonical text an event's hash covers: every column but the chain columns, in UTC.
      create function app_audit_hash(prev text, e audit_events) returns text
        language sql immutable set timezone = 'UTC'
        as $$ select encode(sha256(convert_to(prev || '|' || (to_jsonb(e) - array['chain_seq','prev_hash','hash'])::text, 'UTF8')), 'hex') $$;

      -- Chains the committed, unsealed events of one tenant onto its head. Sealing after commit
      -- (instead of in an insert trigger) keeps requests from queueing on one lock per tenant.
      create function app_audit_seal(p_tenant uuid) returns bigint
        language plpgsql security definer set search_path = public, pg_temp set timezone = 'UTC' as $$
        declare head audit_chain_heads; e audit_events; n bigint := 0;
        begin
          insert into audit_chain_heads values (p_tenant, 0, repeat('0', 64)) on conflict do nothing;
          select * into head from audit_chain_heads where partnership_id = p_tenant for update;
          for e in select * from audit_events where partnership_id = p_tenant and chain_seq is null order by id loop
            head.last_seq := head.last_seq + 1;
            update audit_events set chain_seq = head.last_seq, prev_hash = head.last_hash,
                   hash = app_audit_hash(head.last_hash, e)
             where id = e.id;
            head.last_hash := app_audit_hash(head.last_hash, e);
            n := n + 1;
          end loop;
          update audit_chain_heads set last_seq = head.last_seq, last_hash = head.last_hash where partnership_id = p_tenant;
          return n;
        end $$;

      -- Walks a tenant's chain and returns the sequence number of the first broken link, or null.
      create function app_audit_verify(p_tenant uuid) returns bigint
        language plpgsql stable security definer set search_path = public, pg_temp set timezone = 'UTC' as $$
        declare e audit_events; prev text := repeat('0', 64); expected bigint := 1;
        begin
          for e in select * from audit_events where partnership_id = p_tenant and chain_seq is not null order by chain_seq loop
            if e.chain_seq <> expected or e.prev_hash <> prev or e.hash <> app_audit_hash(prev, e) then
              return e.chain_seq;
            end if;
            prev := e.hash;
            expected := expected + 1;
          end loop;
          return null;
        end $$;
      revoke all on function app_audit_seal(uuid), app_audit_verify(uuid) from public;
      grant execute on function app_audit_seal(uuid), app_audit_verify(uuid) to jobteam_app;
    `);

    await this.policies(q);
  }

  private async policies(q: QueryRunner): Promise<void> {
    const tenant = 'partnership_id = app_tenant()';
    const enable = async (table: string) =>
      q.query(
        `alter table ${table} enable row level security; alter table ${table} force row level security;`,
      );

    // Participants: visible through any live grant. A new participant is inserted by its owner
    // organisation; the owner grant is written in the same transaction (deferred foreign key).
    await enable('participants');
    await q.query(`
      create policy participants_read on participants for select using (${tenant} and ${grantOn('participants.id', ANY_SCOPE)});
      create policy participants_insert on participants for insert with check (${tenant} and owner_organisation_id = app_org());
      create policy participants_update on participants for update
        using (${tenant} and ${grantOn('participants.id', ['full', 'case', 'referral'])}) with check (${tenant});
    `);

    // Grants are readable within the tenant (the service wall reads them); written only by the
    // events that justify them, which run in the same request transaction.
    await enable('access_grants');
    await q.query(
      `create policy access_grants_tenant on access_grants using (${tenant}) with check (${tenant});`,
    );

    // Trajectory status is part of the summary scope; the work inside a trajectory is case scope.
    for (const table of [
      'trajectories',
      'trajectory_transitions',
      'case_manager_assignments',
      'co_coaches',
    ]) {
      await enable(table);
      await q.query(`create policy ${table}_grant on ${table} using (${tenant} and ${grantOn(`${table}.participant_id`, ANY_SCOPE)})
        with check (${tenant});`);
    }
    for (const table of ['life_domains', 'goals', 'consents']) {
      await enable(table);
      await q.query(`create policy ${table}_grant on ${table} using (${tenant} and ${grantOn(`${table}.participant_id`, CASE_SCOPE)})
        with check (${tenant});`);
    }
    // Professional secrecy: a confidential contact never leaves its author's organisation,
    // whatever grant or role the reader holds.
    for (const table of ['contacts', 'contact_revisions']) {
      await enable(table);
      await q.query(`create policy ${table}_grant on ${table}
        using (${tenant} and ${grantOn(`${table}.participant_id`, CASE_SCOPE)}
               and (not confidential or author_organisation_id = app_org()))
        with check (${tenant} and (not confidential or author_organisation_id = app_org()));`);
    }

    // Duplicate detection must look across organisations without showing their rows: a
    // security-definer function answers only "which id, matched how, owned by whom".
    await q.query(`
      create policy participants_owner_read on participants for select to current_user using (true);
      create policy organisations_owner_read on organisations for select to current_user using (true);
      create function app_find_participant_duplicates(p_insz_hash text, p_name_key text, p_birth_date date, p_except uuid)
        returns table (id uuid, match text, organisation_name text)
        language sql stable security definer set search_path = public, pg_temp as $$
          select p.id, case when p.insz_hash = p_insz_hash then 'insz' else 'name' end, o.name
            from participants p join organisations o on o.id = p.owner_organisation_id
           where p.partnership_id = app_tenant() and p.id is distinct from p_except
             and ((p_insz_hash is not null and p.insz_hash = p_insz_hash)
                  or (p.name_key = p_name_key and p.birth_date = p_birth_date))
        $$;
      revoke all on function app_find_participant_duplicates(text, text, date, uuid) from public;
      grant execute on function app_find_participant_duplicates(text, text, date, uuid) to jobteam_app;
    `);

    await enable('idempotency_keys');
    await q.query(`create policy idempotency_keys_own on idempotency_keys
      using (${tenant} and staff_id = app_user()) with check (${tenant} and staff_id = app_user());`);

    // Audit: anyone in the tenant may append; only the DPO role reads; the owner seals the chain.
    await enable('audit_events');
    await q.query(`
      create policy audit_events_append on audit_events for insert with check (${tenant});
      create policy audit_events_dpo_read on audit_events for select using (${tenant} and 'dpo' = any(app_roles()));
      create policy audit_events_owner on audit_events for all to current_user using (true) with check (true);
    `);
    await enable('audit_chain_heads');
    await q.query(
      `create policy audit_chain_heads_owner on audit_chain_heads for all to current_user using (true) with check (true);`,
    );

    await q.query(`
      grant select, insert, update on participants, trajectories, trajectory_transitions, case_manager_assignments,
        co_coaches, life_domains, goals, contacts, consents to jobteam_app;
      grant select, insert on contact_revisions to jobteam_app;
      grant select, insert, update on access_grants to jobteam_app;
      grant delete on life_domains to jobteam_app;
      grant select, insert, update, delete on idempotency_keys to jobteam_app;
      grant select, insert on audit_events to jobteam_app;
      revoke update, delete, truncate on audit_events from jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists audit_chain_heads, audit_events, idempotency_keys, consents, contact_revisions, contacts, goals,
        life_domains, co_coaches, case_manager_assignments, trajectory_transitions, access_grants cascade;
      alter table participants drop column current_trajectory_id;
      drop table if exists trajectories, participants cascade;
      drop function if exists app_find_participant_duplicates(text, text, date, uuid);
      drop policy if exists organisations_owner_read on organisations;
      drop function if exists app_audit_verify(uuid), app_audit_seal(uuid), app_audit_hash(text, audit_events), audit_events_guard();
    `);
  }
}
