import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose identifying or free-text columns pseudonymisation rewrites. */
const PSEUDONYMISED_TABLES = [
  'participants',
  'trajectories',
  'trajectory_transitions',
  'case_manager_assignments',
  'goals',
  'contacts',
  'contact_revisions',
  'life_domains',
  'consents',
];

/**
 * Data-subject rights: pseudonymisation (a DPO duty, and the retention job), the participant's
 * own access log for the owning organisation, and indexes for the DPO's audit filters.
 */
export class SubjectRights1795300170000 implements MigrationInterface {
  name = 'SubjectRights1795300170000';

  async up(q: QueryRunner): Promise<void> {
    // The pseudonymisation functions run as the owner, which FORCE RLS binds too. These policies
    // let only the owner (i.e. those functions) reach rows, and only of the tenant in context.
    for (const table of PSEUDONYMISED_TABLES) {
      if (table !== 'participants') {
        await q.query(`create policy ${table}_pseudonymise_read on ${table} for select to current_user
          using (partnership_id = app_tenant())`);
      }
      await q.query(`create policy ${table}_owner_pseudonymise on ${table} for update to current_user
        using (partnership_id = app_tenant()) with check (partnership_id = app_tenant())`);
    }

    await q.query(`
      -- Keeps what ESF+ reporting needs (entry profile, birth date, dates, outcomes, scores) and
      -- removes what identifies the person or tells their story in free text.
      create function app_pseudonymise(p_tenant uuid, p_participant uuid)
        returns table (result text, pseudonym text)
        language plpgsql security definer set search_path = public, pg_temp as $$
        declare v_done timestamptz; v_code text;
        begin
          select p.pseudonymised_at into v_done from participants p
           where p.id = p_participant and p.partnership_id = p_tenant for update;
          if not found then
            return query select 'not_found'::text, null::text; return;
          end if;
          if v_done is not null then
            return query select 'already'::text, null::text; return;
          end if;
          if exists (select 1 from trajectories t where t.participant_id = p_participant
                      and t.partnership_id = p_tenant and t.status <> 'afgesloten') then
            return query select 'open_trajectory'::text, null::text; return;
          end if;
          v_code := substr(md5(gen_random_uuid()::text), 1, 8);
          update participants set first_name = 'Pseudoniem', last_name = v_code,
                 search_name = 'pseudoniem ' || v_code || ' pseudoniem', name_key = 'pseudoniem|' || v_code,
                 insz_hash = null, insz_encrypted = null, phone = null, email = null, street = null,
                 referrer = null, pseudonymised_at = app_now(), version = version + 1, updated_at = now()
           where id = p_participant;
          update trajectories set referrer = null where participant_id = p_participant;
          update trajectory_transitions set note = null where participant_id = p_participant and note is not null;
          update case_manager_assignments set note = null where participant_id = p_participant and note is not null;
          update goals set title = 'Doel', steps = '[]'::jsonb where participant_id = p_participant;
          update contacts set summary = null where participant_id = p_participant and summary is not null;
          update contact_revisions set snapshot = snapshot - 'summary' where participant_id = p_participant;
          update life_domains set note = null where participant_id = p_participant and note is not null;
          update consents set evidence = '(removed by pseudonymisation)' where participant_id = p_participant;
          return query select 'ok'::text, 'Pseudoniem-' || v_code;
        end $$;
      revoke all on function app_pseudonymise(uuid, uuid) from public;

      -- The request-facing entry point: the DPO holds no grant, so the write cannot go through
      -- the grant policies; this checks the tenant and the role that the request context set.
      create function app_pseudonymise_participant(p_participant uuid)
        returns table (result text, pseudonym text)
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          if app_tenant() is null or not ('dpo' = any(app_roles())) then
            raise exception 'only a DPO may pseudonymise' using errcode = '42501';
          end if;
          return query select * from app_pseudonymise(app_tenant(), p_participant);
        end $$;
      revoke all on function app_pseudonymise_participant(uuid) from public;
      grant execute on function app_pseudonymise_participant(uuid) to jobteam_app;
    `);

    // The owning organisation may read its participant's access log (GDPR art. 15), next to the DPO.
    await q.query(`
      create policy audit_events_full_scope_read on audit_events for select using (
        partnership_id = app_tenant() and participant_id is not null
        and exists (select 1 from access_grants g where g.participant_id = audit_events.participant_id
          and g.scope = 'full' and g.partnership_id = app_tenant()
          and (g.organisation_id = app_org() or g.staff_id = app_user())
          and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())));

      create index audit_events_organisation_idx on audit_events (actor_organisation_id, at);
      create index audit_events_action_idx on audit_events (partnership_id, action, at);
      create index consents_history_idx on consents (participant_id, given_at);
      create index access_grants_history_idx on access_grants (participant_id, valid_from);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index if exists access_grants_history_idx, consents_history_idx, audit_events_action_idx,
        audit_events_organisation_idx;
      drop policy if exists audit_events_full_scope_read on audit_events;
      drop function if exists app_pseudonymise_participant(uuid);
      drop function if exists app_pseudonymise(uuid, uuid);
    `);
    for (const table of PSEUDONYMISED_TABLES) {
      await q.query(`drop policy if exists ${table}_owner_pseudonymise on ${table}`);
      if (table !== 'participants')
        await q.query(`drop policy if exists ${table}_pseudonymise_read on ${table}`);
    }
  }
}
