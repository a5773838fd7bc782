import { MigrationInterface, QueryRunner } from 'typeorm';

/** The places a contact moment can take place; mirrored in src/contacts/contact-kinds.ts. */
const PLACES = `'home', 'public_place', 'wijkcentrum', 'office', 'phone', 'online', 'accompanying'`;

/**
 * Coaches in the field (issue 16).
 *
 * Contacts get a place, an optional free-text location and the interpreter used. Existing rows take
 * the place their kind already states (a home visit took place at home, a phone call by phone ...);
 * kinds that say nothing about the place (outreach, group session, case meeting) stay null, which the
 * report counts as "unknown" rather than guessing. Nobody recorded an interpreter before, so old rows
 * say false. The location can reveal where someone lives: it is participant data, read under the
 * contact's own policies (case scope, professional secrecy), and pseudonymisation blanks it. That is
 * done by a trigger on the pseudonymisation of the participant rather than by restating
 * app_pseudonymise, so the function other migrations restate keeps one definition.
 *
 * Hand-overs record when they were registered (recorded_at) beside the date they took effect (from_at).
 *
 * Agenda items can be edited (author) and removed until the meeting: the app role gets UPDATE and
 * DELETE on items, DELETE on their actions and on the contact moment an item derives, each behind a
 * restrictive policy that allows it only while the meeting is still ahead.
 */
export class FieldWork1795300810000 implements MigrationInterface {
  name = 'FieldWork1795300810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table contacts
        add column place text check (place in (${PLACES})),
        add column location text check (char_length(location) between 1 and 200),
        add column interpreter boolean not null default false,
        add column interpreter_language text check (interpreter_language ~ '^[a-z]{2,3}$'),
        add constraint contacts_interpreter_language_pair
          check ((interpreter and interpreter_language is not null) or (not interpreter and interpreter_language is null));
      update contacts set place = case kind when 'home_visit' then 'home' when 'office' then 'office'
          when 'phone' then 'phone' when 'digital' then 'online' when 'accompanied_visit' then 'accompanying' end
       where place is null;

      -- Null where it was not registered apart from taking effect: rows from before, and bulk seeds.
      alter table case_manager_assignments add column recorded_at timestamptz;
      update case_manager_assignments set recorded_at = from_at;
    `);

    await q.query(`
      create function app_blank_contact_locations() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          update contacts set location = null where participant_id = new.id and location is not null;
          update contact_revisions set snapshot = snapshot - 'location'
           where participant_id = new.id and snapshot ? 'location';
          return new;
        end $$;
      revoke all on function app_blank_contact_locations() from public;
      create trigger participants_blank_contact_locations after update of pseudonymised_at on participants
        for each row when (old.pseudonymised_at is null and new.pseudonymised_at is not null)
        execute function app_blank_contact_locations();

      -- Aggregates only: contacts per place, and contacts with an interpreter per language.
      create function app_report_contact_places(p_from timestamptz, p_to timestamptz)
        returns table (dimension text, value text, contacts bigint)
        language sql stable security definer set search_path = public, pg_temp as $$
          select 'place', coalesce(c.place, 'unknown'), count(*)
            from contacts c
           where c.partnership_id = app_tenant() and c.at >= p_from and c.at < p_to
           group by c.place
          union all
          select 'interpreter', c.interpreter_language, count(*)
            from contacts c
           where c.partnership_id = app_tenant() and c.at >= p_from and c.at < p_to and c.interpreter
           group by c.interpreter_language
        $$;
      revoke all on function app_report_contact_places(timestamptz, timestamptz) from public;
      grant execute on function app_report_contact_places(timestamptz, timestamptz) to jobteam_app, jobteam_tenant_reader;
    `);

    await q.query(`
      create policy case_meeting_items_until_meeting on case_meeting_items as restrictive
        for update to jobteam_app
        using (exists (select 1 from case_meetings m where m.id = case_meeting_id and m.scheduled_at > app_now()));
      create policy case_meeting_items_remove_until_meeting on case_meeting_items as restrictive
        for delete to jobteam_app
        using (author_id = app_user()
               and exists (select 1 from case_meetings m where m.id = case_meeting_id and m.scheduled_at > app_now()));
      -- GrantFunctions already lets the item's organisation delete its actions; this restricts it to
      -- before the meeting, like the items themselves.
      create policy case_meeting_actions_remove_until_meeting on case_meeting_actions as restrictive
        for delete to jobteam_app
        using (partnership_id = app_tenant()
               and exists (select 1 from case_meeting_items i where i.id = item_id)
               and exists (select 1 from case_meetings m where m.id = case_meeting_id and m.scheduled_at > app_now()));
      create policy contacts_remove_derived on contacts as restrictive for delete to jobteam_app
        using (source_type = 'case_meeting_item' and at > app_now());
      create policy contact_revisions_remove_derived on contact_revisions as restrictive for delete to jobteam_app
        using (exists (select 1 from contacts c where c.id = contact_id
                        and c.source_type = 'case_meeting_item' and c.at > app_now()));
      grant update (summary, decisions) on case_meeting_items to jobteam_app;
      grant delete on contacts, contact_revisions to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      revoke delete on contacts, contact_revisions from jobteam_app;
      revoke update (summary, decisions) on case_meeting_items from jobteam_app;
      drop policy if exists contact_revisions_remove_derived on contact_revisions;
      drop policy if exists contacts_remove_derived on contacts;
      drop policy if exists case_meeting_actions_remove_until_meeting on case_meeting_actions;
      drop policy if exists case_meeting_items_remove_until_meeting on case_meeting_items;
      drop policy if exists case_meeting_items_until_meeting on case_meeting_items;
      drop function if exists app_report_contact_places(timestamptz, timestamptz);
      drop trigger if exists participants_blank_contact_locations on participants;
      drop function if exists app_blank_contact_locations();
      alter table case_manager_assignments drop column if exists recorded_at;
      alter table contacts drop constraint if exists contacts_interpreter_language_pair,
        drop column if exists interpreter_language, drop column if exists interpreter,
        drop column if exists location, drop column if exists place;
    `);
  }
}
