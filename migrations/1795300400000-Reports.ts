import { MigrationInterface, QueryRunner } from 'typeorm';

/** Same predicate as the case-file policies: a live case-scope grant on the row's participant. */
const CASE_GRANT = `exists (select 1 from access_grants g where g.participant_id = follow_ups.participant_id
  and g.scope in ('case', 'full') and g.partnership_id = app_tenant()
  and (g.organisation_id = app_org() or g.staff_id = app_user())
  and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now()))`;

/**
 * Reports: follow-ups after leaving (the evidence for the ESF+ result indicators), the indexes the
 * report queries filter on, and two aggregate-only functions over contacts. Contacts marked
 * confidential are invisible outside their author's organisation, even to the tenant reader, so a
 * partnership-wide count read through RLS would differ per caller; these functions count every
 * contact and return numbers or trajectory ids only, never content.
 */
export class Reports1795300400000 implements MigrationInterface {
  name = 'Reports1795300400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table follow_ups (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        at date not null,
        situation text not null check (situation in ('employed', 'self_employed', 'job_searching', 'education_training',
          'qualification', 'inactive', 'unemployed', 'other')),
        improved_situation boolean,
        note text,
        recorded_by uuid not null,
        created_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id)
      );
      create index follow_ups_participant_idx on follow_ups (participant_id, at) include (situation, improved_situation);
      create index follow_ups_trajectory_idx on follow_ups (trajectory_id);

      alter table follow_ups enable row level security;
      alter table follow_ups force row level security;
      create policy follow_ups_grant on follow_ups using (partnership_id = app_tenant() and ${CASE_GRANT})
        with check (partnership_id = app_tenant());
      create policy follow_ups_tenant_reader on follow_ups for select to jobteam_tenant_reader
        using (partnership_id = app_tenant());
      grant select, insert on follow_ups to jobteam_app;
      grant select on follow_ups to jobteam_tenant_reader;

      create index participants_entry_date_idx on participants (partnership_id, entry_date);
      create index trajectories_started_idx on trajectories (partnership_id, started_at);
      create index trajectories_guidance_idx on trajectories (partnership_id, guidance_started_at) where guidance_started_at is not null;
      create index trajectories_open_idx on trajectories (partnership_id, case_manager_id) where closed_at is null;
    `);

    await q.query(`
      create policy contacts_owner_report on contacts for select to current_user using (true);
      create policy trajectories_owner_report on trajectories for select to current_user using (true);

      create function app_report_contact_totals(p_from timestamptz, p_to timestamptz)
        returns table (kind text, contacts bigint, minutes bigint)
        language sql stable security definer set search_path = public, pg_temp as $$
          select c.kind, count(*), coalesce(sum(c.duration_minutes), 0)
            from contacts c
           where c.partnership_id = app_tenant() and c.at >= p_from and c.at < p_to
           group by c.kind
        $$;

      -- Open trajectories that started before p_since and have had no contact since then.
      create function app_report_silent_trajectories(p_since timestamptz)
        returns table (trajectory_id uuid, participant_id uuid, last_contact_at timestamptz)
        language sql stable security definer set search_path = public, pg_temp as $$
          select t.id, t.participant_id, (select max(c.at) from contacts c where c.trajectory_id = t.id)
            from trajectories t
           where t.partnership_id = app_tenant() and t.closed_at is null and t.started_at < p_since
             and not exists (select 1 from contacts c where c.trajectory_id = t.id and c.at >= p_since)
        $$;
      revoke all on function app_report_contact_totals(timestamptz, timestamptz), app_report_silent_trajectories(timestamptz) from public;
      grant execute on function app_report_contact_totals(timestamptz, timestamptz), app_report_silent_trajectories(timestamptz)
        to jobteam_app, jobteam_tenant_reader;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists app_report_silent_trajectories(timestamptz);
      drop function if exists app_report_contact_totals(timestamptz, timestamptz);
      drop policy if exists trajectories_owner_report on trajectories;
      drop policy if exists contacts_owner_report on contacts;
      drop index if exists trajectories_open_idx, trajectories_guidance_idx, trajectories_started_idx, participants_entry_date_idx;
      drop table if exists follow_ups;
    `);
  }
}
