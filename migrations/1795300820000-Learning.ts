import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNAL_CATEGORIES = ['housing', 'debt', 'language', 'mobility', 'childcare', 'regulation', 'other'];
const tenant = 'partnership_id = app_tenant()';

/**
 * Learning as a partnership (issue 16, items 10-12).
 *
 * - personas: partnership data (no participant data), tenant-scoped; a trajectory may carry one.
 * - signals: structural barriers coaches see, partnership data without personal data (the service
 *   refuses an INSZ or a participant's name). Read by their author and coordinators only.
 * - case_meeting_value_questions: the participant's question behind the question (waardevraag) and
 *   what was waste (verspilling) on one agenda item. Participant data: a row is visible exactly when
 *   its agenda item is (the subquery runs under the item's own policy), and it is blanked when the
 *   participant is pseudonymised, by a trigger on participants.pseudonymised_at like the audit
 *   key shredding. A trigger, not a restated app_pseudonymise: other migrations restate that function,
 *   and a trigger cannot be lost by the next restatement.
 */
export class Learning1795300820000 implements MigrationInterface {
  name = 'Learning1795300820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table personas (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        name text not null,
        description text not null,
        active boolean not null default true,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint personas_tenant_key unique (id, partnership_id)
      );
      create unique index personas_name_uq on personas (partnership_id, lower(name));

      alter table trajectories add column persona_id uuid;
      alter table trajectories add constraint trajectories_persona_fkey
        foreign key (persona_id, partnership_id) references personas (id, partnership_id);
      create index trajectories_persona_idx on trajectories (persona_id) where persona_id is not null;

      create table signals (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        category text not null check (category in (${SIGNAL_CATEGORIES.map((c) => `'${c}'`).join(', ')})),
        text text not null,
        author_id uuid not null,
        author_organisation_id uuid not null,
        created_at timestamptz not null default now(),
        foreign key (author_id, partnership_id) references staff (id, partnership_id),
        foreign key (author_organisation_id, partnership_id) references organisations (id, partnership_id)
      );
      create index signals_created_idx on signals (partnership_id, created_at);
      create index signals_author_idx on signals (author_id);
      create index signals_author_organisation_idx on signals (author_organisation_id);

      create table case_meeting_value_questions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        case_meeting_id uuid not null,
        item_id uuid not null,
        trajectory_id uuid not null,
        participant_id uuid not null,
        team_id uuid not null,
        meeting_at timestamptz not null,
        value_question text,
        waste text,
        recorded_by uuid not null,
        recorded_by_organisation_id uuid not null,
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint case_meeting_value_questions_item_uq unique (item_id),
        foreign key (item_id, partnership_id) references case_meeting_items (id, partnership_id),
        foreign key (case_meeting_id, partnership_id) references case_meetings (id, partnership_id),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (team_id, partnership_id) references teams (id, partnership_id),
        foreign key (recorded_by, partnership_id) references staff (id, partnership_id)
      );
      create index case_meeting_value_questions_meeting_idx on case_meeting_value_questions (case_meeting_id);
      create index case_meeting_value_questions_trajectory_idx on case_meeting_value_questions (trajectory_id);
      create index case_meeting_value_questions_participant_idx on case_meeting_value_questions (participant_id);
      create index case_meeting_value_questions_team_idx on case_meeting_value_questions (team_id);
      create index case_meeting_value_questions_recorder_idx on case_meeting_value_questions (recorded_by);
      create index case_meeting_value_questions_quarter_idx on case_meeting_value_questions (partnership_id, meeting_at);
    `);

    for (const table of ['personas', 'signals', 'case_meeting_value_questions'])
      await q.query(
        `alter table ${table} enable row level security; alter table ${table} force row level security;`,
      );
    await q.query(`
      create policy personas_tenant on personas to jobteam_app using (${tenant}) with check (${tenant});
      create policy personas_tenant_reader on personas for select to jobteam_tenant_reader using (${tenant});
      grant select, insert, update on personas to jobteam_app;
      grant select on personas to jobteam_tenant_reader;

      -- No personal data, but no reason to show one coach's observations to every other: the author and
      -- the coordinators (who bring them to the steering group) read them.
      create policy signals_read on signals for select to jobteam_app
        using (${tenant} and (author_id = app_user() or 'coordinator' = any(app_roles())));
      create policy signals_insert on signals for insert to jobteam_app
        with check (${tenant} and author_id = app_user() and author_organisation_id = app_org());
      grant select, insert on signals to jobteam_app;

      create policy case_meeting_value_questions_item on case_meeting_value_questions to jobteam_app
        using (${tenant} and exists (select 1 from case_meeting_items i where i.id = case_meeting_value_questions.item_id))
        with check (${tenant} and recorded_by = app_user() and recorded_by_organisation_id = app_org()
          and exists (select 1 from case_meeting_items i where i.id = case_meeting_value_questions.item_id));
      create policy case_meeting_value_questions_tenant_reader on case_meeting_value_questions for select
        to jobteam_tenant_reader using (${tenant});
      -- The owner, inside the definer functions below (the export, the pseudonymisation trigger).
      create policy case_meeting_value_questions_owner_read on case_meeting_value_questions for select
        to current_user using (true);
      create policy case_meeting_value_questions_owner_pseudonymise on case_meeting_value_questions for update
        to current_user using (true) with check (true);
      grant select, insert, update on case_meeting_value_questions to jobteam_app;
      grant select on case_meeting_value_questions to jobteam_tenant_reader;

      create function learning_blank_on_pseudonymise() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          update case_meeting_value_questions set value_question = null, waste = null,
                 version = version + 1, updated_at = now()
           where participant_id = new.id and (value_question is not null or waste is not null);
          return null;
        end $$;
      revoke all on function learning_blank_on_pseudonymise() from public;
      create trigger participants_learning_blank after update of pseudonymised_at on participants
        for each row when (old.pseudonymised_at is null and new.pseudonymised_at is not null)
        execute function learning_blank_on_pseudonymise();

      -- Which participants of the partnership (visible to the caller or not) are named, first and last
      -- name in either order, in a text already normalised by the app (nameSearchText). Returns only the
      -- names found in the text the caller sent; the service redacts them and never tells the author.
      create function app_signal_names_in(p_text text) returns table (a text, b text)
        language sql stable security definer set search_path = public, pg_temp as $$
          select distinct split_part(p.name_key, '|', 1), split_part(p.name_key, '|', 2)
            from participants p
           where p.partnership_id = app_tenant() and p.pseudonymised_at is null
             and (position(' ' || split_part(p.name_key, '|', 1) || ' ' || split_part(p.name_key, '|', 2) || ' ' in p_text) > 0
               or position(' ' || split_part(p.name_key, '|', 2) || ' ' || split_part(p.name_key, '|', 1) || ' ' in p_text) > 0)
        $$;
      revoke all on function app_signal_names_in(text) from public;
      grant execute on function app_signal_names_in(text) to jobteam_app;

      -- For the subject export: the owning organisation may not have attended the meeting, so its
      -- export reads through this function, under the same gate as app_subject_referrals.
      create function app_subject_value_questions(p_participant uuid)
        returns table (id uuid, trajectory_id uuid, meeting_at timestamptz, value_question text, waste text,
                       recorded_by_organisation_id uuid, updated_at timestamptz)
        language plpgsql stable security definer set search_path = public, pg_temp as $$
        begin
          if app_tenant() is null or not ('dpo' = any(app_roles()) or exists (
               select 1 from access_grants g where g.participant_id = p_participant and g.scope = 'full'
                  and g.partnership_id = app_tenant() and (g.organisation_id = app_org() or g.staff_id = app_user())
                  and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now()))) then
            raise exception 'only the owning organisation or a DPO may export value questions' using errcode = '42501';
          end if;
          return query
            select v.id, v.trajectory_id, v.meeting_at, v.value_question, v.waste, v.recorded_by_organisation_id, v.updated_at
              from case_meeting_value_questions v
             where v.participant_id = p_participant and v.partnership_id = app_tenant()
             order by v.meeting_at, v.id;
        end $$;
      revoke all on function app_subject_value_questions(uuid) from public;
      grant execute on function app_subject_value_questions(uuid) to jobteam_app, jobteam_tenant_reader;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists app_subject_value_questions(uuid);
      drop function if exists app_signal_names_in(text);
      drop trigger if exists participants_learning_blank on participants;
      drop function if exists learning_blank_on_pseudonymise();
      drop table if exists case_meeting_value_questions, signals;
      drop index if exists trajectories_persona_idx;
      alter table trajectories drop constraint if exists trajectories_persona_fkey;
      alter table trajectories drop column if exists persona_id;
      drop table if exists personas;
    `);
  }
}
