import { MigrationInterface, QueryRunner } from 'typeorm';

/** A grant row the current request may use: same tenant, the caller's organisation or person, valid now. */
const LIVE_GRANT = `g.partnership_id = app_tenant()
  and (g.organisation_id = app_org() or g.staff_id = app_user())
  and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())`;

const grantOn = (participantColumn: string, scopes: string[]) =>
  `exists (select 1 from access_grants g where g.participant_id = ${participantColumn}
     and g.scope in (${scopes.map((s) => `'${s}'`).join(', ')}) and ${LIVE_GRANT})`;

const ANY_SCOPE = ['summary', 'referral', 'case', 'full'];
const CASE_SCOPE = ['case', 'full'];
const tenant = 'partnership_id = app_tenant()';

/**
 * Working together: referrals to and from VDAB/OCMW, case meetings and expertise-cell group
 * sessions. Each table is read through RLS that follows who takes part, not who is in the tenant.
 */
export class Collaboration1795300300000 implements MigrationInterface {
  name = 'Collaboration1795300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table referrals (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        direction text not null check (direction in ('inbound', 'outbound')),
        target text not null check (target in ('vdab', 'ocmw', 'partnership')),
        kind text not null check (kind in ('intake_check', 'training', 'indicering', 'combination_trajectory',
          'bit_evaluation', 'rights_exploration', 'leefloon', 'twe_art60', 'other')),
        state text not null check (state in ('submitted', 'accepted', 'rejected', 'in_progress', 'completed', 'cancelled')),
        participant_id uuid,
        trajectory_id uuid,
        -- An inbound person not yet known: kept only until acceptance turns it into a participant.
        person jsonb,
        person_insz_encrypted text,
        note text,
        sender_organisation_id uuid not null,
        target_organisation_id uuid not null,
        assigned_spoc_id uuid,
        due_at timestamptz not null,
        submitted_at timestamptz not null,
        closed_at timestamptz,
        created_by uuid not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((direction = 'inbound') = (target = 'partnership')),
        check (participant_id is not null or person is not null or state in ('rejected', 'cancelled')),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (sender_organisation_id, partnership_id) references organisations (id, partnership_id),
        foreign key (target_organisation_id, partnership_id) references organisations (id, partnership_id),
        foreign key (assigned_spoc_id, partnership_id) references staff (id, partnership_id),
        constraint referrals_tenant_key unique (id, partnership_id)
      );
      create index referrals_participant_idx on referrals (participant_id);
      create index referrals_trajectory_idx on referrals (trajectory_id);
      create index referrals_sender_idx on referrals (sender_organisation_id, state, due_at);
      create index referrals_target_idx on referrals (target_organisation_id, state, due_at);
      create index referrals_spoc_idx on referrals (assigned_spoc_id, state, due_at);
      create index referrals_partnership_due_idx on referrals (partnership_id, due_at, id);

      create table referral_transitions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        referral_id uuid not null,
        from_state text,
        to_state text not null,
        reason text,
        note text,
        actor_id uuid not null,
        actor_organisation_id uuid not null,
        at timestamptz not null,
        foreign key (referral_id, partnership_id) references referrals (id, partnership_id),
        foreign key (actor_id, partnership_id) references staff (id, partnership_id)
      );
      create index referral_transitions_referral_idx on referral_transitions (referral_id, at);
      create index referral_transitions_actor_idx on referral_transitions (actor_id);

      create table case_meetings (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        team_id uuid not null,
        scheduled_at timestamptz not null,
        location text not null,
        organiser_id uuid not null,
        organiser_organisation_id uuid not null,
        created_at timestamptz not null default now(),
        foreign key (team_id, partnership_id) references teams (id, partnership_id),
        foreign key (organiser_id, partnership_id) references staff (id, partnership_id),
        foreign key (organiser_organisation_id, partnership_id) references organisations (id, partnership_id),
        constraint case_meetings_tenant_key unique (id, partnership_id)
      );
      create index case_meetings_team_idx on case_meetings (team_id, scheduled_at);
      create index case_meetings_partnership_idx on case_meetings (partnership_id, scheduled_at, id);
      create index case_meetings_organiser_idx on case_meetings (organiser_id);
      create index case_meetings_organiser_org_idx on case_meetings (organiser_organisation_id);

      create table case_meeting_attendees (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        case_meeting_id uuid not null,
        staff_id uuid not null,
        organisation_id uuid not null,
        foreign key (case_meeting_id, partnership_id) references case_meetings (id, partnership_id),
        foreign key (staff_id, partnership_id) references staff (id, partnership_id),
        unique (case_meeting_id, staff_id)
      );
      create index case_meeting_attendees_staff_idx on case_meeting_attendees (staff_id, case_meeting_id);

      create table case_meeting_items (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        case_meeting_id uuid not null,
        trajectory_id uuid not null,
        participant_id uuid not null,
        participant_present boolean not null,
        basis text not null check (basis in ('consent', 'present')),
        summary text,
        decisions text,
        referral_id uuid,
        contact_id uuid,
        author_id uuid not null,
        author_organisation_id uuid not null,
        created_at timestamptz not null default now(),
        foreign key (case_meeting_id, partnership_id) references case_meetings (id, partnership_id),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (referral_id, partnership_id) references referrals (id, partnership_id),
        constraint case_meeting_items_tenant_key unique (id, partnership_id)
      );
      create index case_meeting_items_meeting_idx on case_meeting_items (case_meeting_id, created_at);
      create index case_meeting_items_participant_idx on case_meeting_items (participant_id);
      create index case_meeting_items_trajectory_idx on case_meeting_items (trajectory_id);
      create index case_meeting_items_referral_idx on case_meeting_items (referral_id);

      create table case_meeting_actions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        case_meeting_id uuid not null,
        item_id uuid not null,
        participant_id uuid not null,
        description text not null,
        owner_staff_id uuid not null,
        due_at timestamptz not null,
        completed_at timestamptz,
        completed_by uuid,
        created_at timestamptz not null default now(),
        foreign key (case_meeting_id, partnership_id) references case_meetings (id, partnership_id),
        foreign key (item_id, partnership_id) references case_meeting_items (id, partnership_id),
        foreign key (owner_staff_id, partnership_id) references staff (id, partnership_id)
      );
      create index case_meeting_actions_item_idx on case_meeting_actions (item_id);
      create index case_meeting_actions_meeting_idx on case_meeting_actions (case_meeting_id);
      create index case_meeting_actions_owner_idx on case_meeting_actions (owner_staff_id, due_at) where completed_at is null;
      create index case_meeting_actions_participant_idx on case_meeting_actions (participant_id);

      create table group_sessions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        theme text not null,
        tag text not null check (tag in ('generic_competences', 'language', 'work_orientation', 'digital', 'sector_info')),
        at timestamptz not null,
        duration_minutes integer not null check (duration_minutes between 1 and 600),
        location text not null,
        facilitator_id uuid not null,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        foreign key (facilitator_id, partnership_id) references staff (id, partnership_id),
        constraint group_sessions_tenant_key unique (id, partnership_id)
      );
      create index group_sessions_partnership_idx on group_sessions (partnership_id, at, id);
      create index group_sessions_facilitator_idx on group_sessions (facilitator_id, at);
      create index group_sessions_tag_idx on group_sessions (partnership_id, tag, at);

      create table group_session_attendance (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        group_session_id uuid not null,
        participant_id uuid not null,
        trajectory_id uuid not null,
        attended boolean not null,
        contact_id uuid,
        registered_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (group_session_id, partnership_id) references group_sessions (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        unique (group_session_id, participant_id)
      );
      create index group_session_attendance_participant_idx on group_session_attendance (participant_id);
      create index group_session_attendance_trajectory_idx on group_session_attendance (trajectory_id);
    `);
    await this.policies(q);
  }

  private async policies(q: QueryRunner): Promise<void> {
    const enable = (table: string) =>
      q.query(
        `alter table ${table} enable row level security; alter table ${table} force row level security;`,
      );

    // A referral is seen by its two sides. Case-level holders of the participant (owner, co-coach)
    // also see it; the person block of an inbound without participant therefore stays with the two sides.
    await enable('referrals');
    await q.query(`
      create policy referrals_read on referrals for select using (${tenant} and (
        sender_organisation_id = app_org() or target_organisation_id = app_org()
        or (participant_id is not null and ${grantOn('referrals.participant_id', CASE_SCOPE)})));
      create policy referrals_insert on referrals for insert with check (${tenant} and sender_organisation_id = app_org());
      create policy referrals_update on referrals for update
        using (${tenant} and (sender_organisation_id = app_org() or target_organisation_id = app_org()))
        with check (${tenant} and (sender_organisation_id = app_org() or target_organisation_id = app_org()));
    `);
    // Children follow their parent: the subquery runs under the parent's own policy.
    await enable('referral_transitions');
    await q.query(`create policy referral_transitions_parent on referral_transitions
      using (${tenant} and exists (select 1 from referrals r where r.id = referral_transitions.referral_id))
      with check (${tenant} and actor_id = app_user()
        and exists (select 1 from referrals r where r.id = referral_transitions.referral_id));`);

    // A meeting (team, time, place, who comes) is seen by its organiser's organisation and its attendees.
    // The two tables would read each other's policies; one definer function (as the owner, which
    // its own read policies let through) answers "may I see this meeting" for both, without recursion.
    await enable('case_meetings');
    await enable('case_meeting_attendees');
    await q.query(`
      create policy case_meetings_owner_read on case_meetings for select to current_user using (true);
      create policy case_meeting_attendees_owner_read on case_meeting_attendees for select to current_user using (true);
      create function app_case_meeting_visible(p_meeting uuid) returns boolean
        language sql stable security definer set search_path = public, pg_temp as $$
          select exists (select 1 from case_meetings m where m.id = p_meeting and m.partnership_id = app_tenant()
                           and (m.organiser_organisation_id = app_org()
                                or exists (select 1 from case_meeting_attendees a
                                            where a.case_meeting_id = m.id and a.staff_id = app_user())))
        $$;
      revoke all on function app_case_meeting_visible(uuid) from public;
      grant execute on function app_case_meeting_visible(uuid) to jobteam_app;

      -- The organiser test comes first and reads only the row, so INSERT ... RETURNING passes before the
      -- function could see the new row. Policies name jobteam_app so the owner inside the function meets only its own.
      create policy case_meetings_read on case_meetings for select to jobteam_app
        using (${tenant} and (organiser_organisation_id = app_org() or app_case_meeting_visible(id)));
      create policy case_meetings_insert on case_meetings for insert to jobteam_app
        with check (${tenant} and organiser_id = app_user() and organiser_organisation_id = app_org());
    `);
    await q.query(`
      create policy case_meeting_attendees_read on case_meeting_attendees for select to jobteam_app
        using (${tenant} and app_case_meeting_visible(case_meeting_id));
      create policy case_meeting_attendees_insert on case_meeting_attendees for insert to jobteam_app
        with check (${tenant} and exists (select 1 from case_meetings m where m.id = case_meeting_id and m.organiser_id = app_user()));
    `);
    // Items and actions are about a participant: the meeting must be visible AND the reader must hold
    // case-level access, which attendees get through their time-boxed case_meeting grant.
    await enable('case_meeting_items');
    await q.query(`create policy case_meeting_items_grant on case_meeting_items
      using (${tenant} and app_case_meeting_visible(case_meeting_id) and ${grantOn('case_meeting_items.participant_id', CASE_SCOPE)})
      with check (${tenant} and author_id = app_user() and app_case_meeting_visible(case_meeting_id));`);
    // An action's owner may always see and complete their own action; others need case access.
    await enable('case_meeting_actions');
    await q.query(`
      create policy case_meeting_actions_read on case_meeting_actions for select using (${tenant} and (
        owner_staff_id = app_user() or
        (app_case_meeting_visible(case_meeting_id) and ${grantOn('case_meeting_actions.participant_id', CASE_SCOPE)})));
      create policy case_meeting_actions_insert on case_meeting_actions for insert
        with check (${tenant} and app_case_meeting_visible(case_meeting_id));
      create policy case_meeting_actions_update on case_meeting_actions for update
        using (${tenant} and (owner_staff_id = app_user() or
          (app_case_meeting_visible(case_meeting_id) and ${grantOn('case_meeting_actions.participant_id', CASE_SCOPE)})))
        with check (${tenant});
    `);

    // A session (theme, time, place) is a partnership-wide offer; who attends is personal data.
    await enable('group_sessions');
    await q.query(
      `create policy group_sessions_tenant on group_sessions using (${tenant}) with check (${tenant});`,
    );
    await enable('group_session_attendance');
    await q.query(`create policy group_session_attendance_grant on group_session_attendance
      using (${tenant} and ${grantOn('group_session_attendance.participant_id', ANY_SCOPE)})
      with check (${tenant});`);

    await q.query(`
      grant select, insert, update on referrals, case_meeting_actions, group_session_attendance to jobteam_app;
      grant select, insert on referral_transitions, case_meetings, case_meeting_attendees, case_meeting_items,
        group_sessions to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists group_session_attendance, group_sessions, case_meeting_actions, case_meeting_items,
        case_meeting_attendees, case_meetings, referral_transitions, referrals cascade;
      drop function if exists app_case_meeting_visible(uuid);
    `);
  }
}
