import { MigrationInterface, QueryRunner } from 'typeorm';

/** A live grant row of the current tenant, for the checks below. */
const LIVE = `g.partnership_id = app_tenant() and g.ended_at is null and g.valid_from <= app_now()
  and (g.valid_until is null or g.valid_until > app_now())`;

/**
 * Grants are written only by the events that justify them, and now the database says so too:
 * jobteam_app loses INSERT, UPDATE and DELETE on access_grants, and creates or ends a grant only
 * through security-definer functions that check, per reason, what the services check (the owner's
 * full grant, the consent, the meeting's dates, the caller's context). A forged grant inserted with
 * the runtime password is then refused by the database, not only by the code.
 *
 * Triggers end derived grants in the same transaction as their reason: a withdrawn case_meeting
 * consent, a removed co-coach, a removed item or a cancelled meeting; a moved meeting re-derives
 * its grants' window (or is refused when it would leave the allowed window).
 *
 * Grant rows are no longer readable tenant-wide by jobteam_app: a caller reads the grants of its own
 * organisation or person, and the owning organisation reads every grant on its participants (access
 * log, export). Reports and the DPO read through jobteam_tenant_reader as before.
 */
export class GrantFunctions1795300710000 implements MigrationInterface {
  name = 'GrantFunctions1795300710000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table access_grants drop constraint if exists access_grants_reason_check;
      alter table access_grants add constraint access_grants_reason_check check (reason in
        ('owner', 'co_coach', 'consent_partnership', 'referral', 'case_meeting', 'group_session', 'previous_owner'));
      alter table case_meetings add column cancelled_at timestamptz;

      -- The functions below run as the owner; FORCE RLS applies to it too, so it gets its own,
      -- tenant-bound policies on the rows it must check (always filtered by app_tenant() as well).
      drop policy access_grants_tenant on access_grants;
      create policy access_grants_owner on access_grants for all to current_user
        using (partnership_id = app_tenant()) with check (partnership_id = app_tenant());
      create policy consents_grant_check on consents for select to current_user using (partnership_id = app_tenant());
      create policy co_coaches_grant_check on co_coaches for select to current_user using (partnership_id = app_tenant());
      create policy trajectories_grant_check on trajectories for select to current_user using (partnership_id = app_tenant());
      create policy case_manager_assignments_grant_check on case_manager_assignments for select to current_user
        using (partnership_id = app_tenant());
      create policy case_meeting_items_grant_check on case_meeting_items for select to current_user
        using (partnership_id = app_tenant());
      create policy referrals_grant_check on referrals for select to current_user using (partnership_id = app_tenant());
      create policy group_session_attendance_grant_check on group_session_attendance for select to current_user
        using (partnership_id = app_tenant());

      -- Answers only "is this participant mine", never whose it is (being someone's client is itself secret).
      create function app_owns_participant(p_participant uuid) returns boolean
        language sql stable security definer set search_path = public, pg_temp as $$
          select exists (select 1 from participants p where p.id = p_participant
                           and p.partnership_id = app_tenant() and p.owner_organisation_id = app_org())
        $$;
      revoke all on function app_owns_participant(uuid) from public;
      grant execute on function app_owns_participant(uuid) to jobteam_app;

      -- Own rows for both walls; all rows on one's own participants for the access log and the export.
      create policy access_grants_read on access_grants for select to jobteam_app
        using (partnership_id = app_tenant() and (organisation_id = app_org() or staff_id = app_user()
               or app_owns_participant(participant_id)));

      create function app_org_holds(p_participant uuid, p_org uuid, p_scopes text[]) returns boolean
        language sql stable security definer set search_path = public, pg_temp as $$
          select exists (select 1 from access_grants g where g.participant_id = p_participant
                           and g.organisation_id = p_org and g.scope = any(p_scopes) and ${LIVE})
        $$;
      create function app_caller_holds(p_participant uuid, p_scopes text[]) returns boolean
        language sql stable security definer set search_path = public, pg_temp as $$
          select exists (select 1 from access_grants g where g.participant_id = p_participant
                           and (g.organisation_id = app_org() or g.staff_id = app_user())
                           and g.scope = any(p_scopes) and ${LIVE})
        $$;
      revoke all on function app_org_holds(uuid, uuid, text[]) from public;
      revoke all on function app_caller_holds(uuid, text[]) from public;
    `);

    // One function creates every grant. It refuses (42501, "insufficient_privilege") whatever the
    // service would refuse; dates of the time-boxed reasons must lie inside their rule.
    await q.query(`
      create function app_grant(p_participant uuid, p_organisation uuid, p_staff uuid, p_scope text, p_reason text,
                                p_source uuid, p_valid_from timestamptz, p_valid_until timestamptz) returns uuid
        language plpgsql volatile security definer set search_path = public, pg_temp as $$
        declare
          v_tenant uuid := app_tenant();
          v_org uuid := app_org();
          v_now timestamptz := app_now();
          v_id uuid;
          r record;
          ok boolean := false;
        begin
          if v_tenant is null or v_org is null or app_user() is null then
            raise exception 'grant refused: no request context' using errcode = '42501';
          end if;
          if (p_organisation is null) = (p_staff is null) or p_valid_from is null
             or (p_valid_until is not null and p_valid_until <= p_valid_from) then
            raise exception 'grant refused: malformed' using errcode = '42501';
          end if;
          if p_organisation is not null and not exists (
               select 1 from organisations o where o.id = p_organisation and o.partnership_id = v_tenant) then
            raise exception 'grant refused: unknown organisation' using errcode = '42501';
          end if;
          if p_staff is not null and not exists (
               select 1 from staff s where s.id = p_staff and s.partnership_id = v_tenant and s.active) then
            raise exception 'grant refused: unknown staff member' using errcode = '42501';
          end if;

          if p_reason = 'owner' then
            -- A new participant: its creator's organisation. An existing one: a hand-over by the
            -- current owner, to the organisation the participant row now names.
            select p.owner_organisation_id into r from participants p
             where p.id = p_participant and p.partnership_id = v_tenant;
            if not found then
              ok := p_organisation = v_org and p_source = p_participant
                    and not exists (select 1 from access_grants g where g.participant_id = p_participant)
                    and not exists (select 1 from participants x where x.id = p_participant);
            else
              ok := r.owner_organisation_id = p_organisation and p_source = p_participant
                    and app_org_holds(p_participant, v_org, array['full']);
            end if;
            ok := ok and p_scope = 'full' and p_valid_until is null;

          elsif p_reason = 'previous_owner' then
            -- The organisation that guided a closed trajectory keeps case-level read access to it.
            select t.status,
                   (select a.organisation_id from case_manager_assignments a where a.trajectory_id = t.id
                     order by a.from_at desc limit 1) as org
              into r from trajectories t
             where t.id = p_source and t.participant_id = p_participant and t.partnership_id = v_tenant;
            ok := found;
            ok := ok and r.status = 'afgesloten' and r.org = p_organisation and p_scope = 'case'
                  and app_org_holds(p_participant, v_org, array['full']);

          elsif p_reason = 'co_coach' then
            ok := p_scope = 'case' and p_valid_until is null
                  and app_org_holds(p_participant, v_org, array['full'])
                  and exists (select 1 from co_coaches c where c.id = p_source and c.partnership_id = v_tenant
                                and c.participant_id = p_participant and c.organisation_id = p_organisation
                                and c.removed_at is null);

          elsif p_reason = 'consent_partnership' then
            ok := p_scope = 'summary' and p_valid_until is null
                  and app_org_holds(p_participant, v_org, array['full'])
                  and p_organisation is distinct from (select x.owner_organisation_id from participants x
                                                        where x.id = p_participant and x.partnership_id = v_tenant)
                  and exists (select 1 from consents c where c.id = p_source and c.partnership_id = v_tenant
                                and c.participant_id = p_participant and c.scope = 'partnership_sharing'
                                and c.withdrawn_at is null);

          elsif p_reason = 'referral' then
            -- Both sides of the referral, written by one of them, who must already see the participant.
            ok := p_scope = 'referral'
                  and app_caller_holds(p_participant, array['summary', 'referral', 'case', 'full'])
                  and exists (select 1 from referrals x where x.id = p_source and x.partnership_id = v_tenant
                                and x.participant_id = p_participant
                                and v_org in (x.sender_organisation_id, x.target_organisation_id)
                                and p_organisation in (x.sender_organisation_id, x.target_organisation_id));

          elsif p_reason = 'case_meeting' then
            -- Only the owner puts a participant on an agenda; consent, or presence once the meeting took
            -- place; a meeting no more than 30 days past or 90 ahead; access from 7 days before it until
            -- 14 days after it.
            select m.scheduled_at, m.cancelled_at, i.basis, i.participant_present into r
              from case_meeting_items i join case_meetings m on m.id = i.case_meeting_id
             where i.id = p_source and i.partnership_id = v_tenant and i.participant_id = p_participant
               and exists (select 1 from case_meeting_attendees a where a.case_meeting_id = m.id and a.staff_id = p_staff);
            ok := found;
            ok := ok and p_scope = 'case' and r.cancelled_at is null
                  and r.scheduled_at between v_now - interval '30 days' and v_now + interval '90 days'
                  and p_valid_from >= r.scheduled_at - interval '7 days'
                  and p_valid_until is not null and p_valid_until <= r.scheduled_at + interval '14 days'
                  and app_org_holds(p_participant, v_org, array['full'])
                  and case r.basis
                        when 'present' then r.participant_present and r.scheduled_at <= v_now
                        else exists (select 1 from consents c where c.participant_id = p_participant
                                       and c.partnership_id = v_tenant and c.scope = 'case_meeting'
                                       and c.withdrawn_at is null and c.given_at <= v_now)
                      end;

          elsif p_reason = 'group_session' then
            select s.at, s.duration_minutes into r
              from group_session_attendance x join group_sessions s on s.id = x.group_session_id
             where x.id = p_source and x.partnership_id = v_tenant and x.participant_id = p_participant
               and s.facilitator_id = p_staff;
            ok := found;
            ok := ok and p_scope = 'summary'
                  and r.at <= v_now + interval '90 days'
                  and p_valid_from >= r.at - interval '7 days'
                  and p_valid_until is not null
                  and p_valid_until <= r.at + make_interval(mins => r.duration_minutes) + interval '30 days'
                  and app_caller_holds(p_participant, array['case', 'full']);
          end if;

          if not coalesce(ok, false) then
            raise exception 'grant refused: the % grant has no reason that holds', p_reason using errcode = '42501';
          end if;
          insert into access_grants (partnership_id, participant_id, organisation_id, staff_id, scope, reason,
                                     source_id, valid_from, valid_until)
          values (v_tenant, p_participant, p_organisation, p_staff, p_scope, p_reason, p_source, p_valid_from, p_valid_until)
          returning id into v_id;
          return v_id;
        end $$;
      revoke all on function app_grant(uuid, uuid, uuid, text, text, uuid, timestamptz, timestamptz) from public;
      grant execute on function app_grant(uuid, uuid, uuid, text, text, uuid, timestamptz, timestamptz) to jobteam_app;
    `);

    // Ending: the owning organisation ends any grant on its participant; anyone ends their own.
    // Shortening (a closed referral's follow-up window) only by a side of that referral.
    await q.query(`
      create function app_end_grants(p_reason text, p_participant uuid, p_source uuid, p_organisation uuid,
                                     p_staff uuid) returns integer
        language plpgsql volatile security definer set search_path = public, pg_temp as $$
        declare n integer;
        begin
          if app_tenant() is null or app_org() is null or app_user() is null then
            raise exception 'ending grants refused: no request context' using errcode = '42501';
          end if;
          if p_participant is null and p_source is null then
            raise exception 'ending grants refused: name a participant or a source' using errcode = '42501';
          end if;
          if exists (select 1 from access_grants g
                      where g.partnership_id = app_tenant() and g.reason = p_reason and g.ended_at is null
                        and (p_participant is null or g.participant_id = p_participant)
                        and (p_source is null or g.source_id = p_source)
                        and (p_organisation is null or g.organisation_id = p_organisation)
                        and (p_staff is null or g.staff_id = p_staff)
                        -- "is not true": staff_id or organisation_id is null on every row.
                        and (g.organisation_id = app_org() or g.staff_id = app_user()
                             or app_org_holds(g.participant_id, app_org(), array['full'])) is not true) then
            raise exception 'ending grants refused: not the owner of the participant' using errcode = '42501';
          end if;
          update access_grants g set ended_at = app_now()
           where g.partnership_id = app_tenant() and g.reason = p_reason and g.ended_at is null
             and (p_participant is null or g.participant_id = p_participant)
             and (p_source is null or g.source_id = p_source)
             and (p_organisation is null or g.organisation_id = p_organisation)
             and (p_staff is null or g.staff_id = p_staff);
          get diagnostics n = row_count;
          return n;
        end $$;
      revoke all on function app_end_grants(text, uuid, uuid, uuid, uuid) from public;
      grant execute on function app_end_grants(text, uuid, uuid, uuid, uuid) to jobteam_app;

      create function app_close_referral_grants(p_referral uuid, p_until timestamptz) returns integer
        language plpgsql volatile security definer set search_path = public, pg_temp as $$
        declare n integer;
        begin
          if app_tenant() is null or app_org() is null or p_until is null or p_until > app_now() + interval '30 days'
             or not exists (select 1 from referrals x where x.id = p_referral and x.partnership_id = app_tenant()
                              and app_org() in (x.sender_organisation_id, x.target_organisation_id)
                              and x.closed_at is not null) then
            raise exception 'closing referral grants refused' using errcode = '42501';
          end if;
          update access_grants g set valid_until = p_until
           where g.partnership_id = app_tenant() and g.reason = 'referral' and g.source_id = p_referral
             and g.ended_at is null and g.valid_until is null;
          get diagnostics n = row_count;
          return n;
        end $$;
      revoke all on function app_close_referral_grants(uuid, timestamptz) from public;
      grant execute on function app_close_referral_grants(uuid, timestamptz) to jobteam_app;

      revoke insert, update, delete, truncate on access_grants from jobteam_app;
      -- The organiser's organisation cancels a meeting (that column only: a meeting never moves
      -- through the app); the author's organisation removes an item with its actions. The triggers
      -- below end the grants in the same transaction, and hold the rule for whoever else changes them.
      grant update (cancelled_at) on case_meetings to jobteam_app;
      create policy case_meetings_cancel on case_meetings for update to jobteam_app
        using (partnership_id = app_tenant() and organiser_organisation_id = app_org())
        with check (partnership_id = app_tenant() and organiser_organisation_id = app_org());
      grant delete on case_meeting_items, case_meeting_actions to jobteam_app;
      create policy case_meeting_items_remove on case_meeting_items for delete to jobteam_app
        using (partnership_id = app_tenant() and author_organisation_id = app_org());
      create policy case_meeting_actions_remove on case_meeting_actions for delete to jobteam_app
        using (partnership_id = app_tenant() and exists (
          select 1 from case_meeting_items i where i.id = case_meeting_actions.item_id
             and i.author_organisation_id = app_org()));
    `);

    // The reasons' ends, enforced where they happen.
    await q.query(`
      create function app_case_meeting_consent_withdrawn() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          -- Outside a request (maintenance as the owner) the policies need the row's tenant.
          if app_tenant() is null then perform set_config('app.tenant_id', new.partnership_id::text, true); end if;
          update access_grants g set ended_at = app_now()
           where g.reason = 'case_meeting' and g.ended_at is null and g.participant_id = new.participant_id
             and g.partnership_id = new.partnership_id;
          return null;
        end $$;
      create trigger consents_case_meeting_withdrawn after update of withdrawn_at on consents
        for each row when (new.scope = 'case_meeting' and old.withdrawn_at is null and new.withdrawn_at is not null)
        execute function app_case_meeting_consent_withdrawn();

      create function app_co_coach_removed() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          -- Outside a request (maintenance as the owner) the policies need the row's tenant.
          if app_tenant() is null then perform set_config('app.tenant_id', new.partnership_id::text, true); end if;
          -- Items a removed co-coach's organisation put on an agenda lose their reason with it,
          -- unless that organisation is (still) the participant's owner.
          if not app_org_holds(new.participant_id, new.organisation_id, array['full']) then
            update access_grants g set ended_at = app_now()
             where g.reason = 'case_meeting' and g.ended_at is null and g.partnership_id = new.partnership_id
               and g.source_id in (select i.id from case_meeting_items i
                                    where i.participant_id = new.participant_id
                                      and i.author_organisation_id = new.organisation_id);
          end if;
          return null;
        end $$;
      create trigger co_coaches_removed after update of removed_at on co_coaches
        for each row when (old.removed_at is null and new.removed_at is not null)
        execute function app_co_coach_removed();

      create function app_case_meeting_item_removed() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          -- Outside a request (maintenance as the owner) the policies need the row's tenant.
          if app_tenant() is null then perform set_config('app.tenant_id', old.partnership_id::text, true); end if;
          update access_grants g set ended_at = app_now()
           where g.reason = 'case_meeting' and g.ended_at is null and g.source_id = old.id
             and g.partnership_id = old.partnership_id;
          return null;
        end $$;
      create trigger case_meeting_items_removed after delete on case_meeting_items
        for each row execute function app_case_meeting_item_removed();

      -- A meeting that is cancelled ends its grants; one that moves keeps the rule: the new date must lie
      -- in the allowed window, the grants follow it, and presence recorded before the new date ends.
      create function app_case_meeting_changed() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
        begin
          -- Outside a request (maintenance as the owner) the policies need the row's tenant.
          if app_tenant() is null then perform set_config('app.tenant_id', new.partnership_id::text, true); end if;
          if new.cancelled_at is not null then
            update access_grants g set ended_at = app_now()
             where g.reason = 'case_meeting' and g.ended_at is null and g.partnership_id = new.partnership_id
               and g.source_id in (select i.id from case_meeting_items i where i.case_meeting_id = new.id);
          elsif new.scheduled_at is distinct from old.scheduled_at then
            if new.scheduled_at not between app_now() - interval '30 days' and app_now() + interval '90 days' then
              raise exception 'a case meeting lies between 30 days ago and 90 days ahead' using errcode = '23514';
            end if;
            update access_grants g set
                   valid_from = greatest(g.created_at, new.scheduled_at - interval '7 days'),
                   valid_until = new.scheduled_at + interval '14 days'
             where g.reason = 'case_meeting' and g.ended_at is null and g.partnership_id = new.partnership_id
               and g.source_id in (select i.id from case_meeting_items i where i.case_meeting_id = new.id);
            update access_grants g set ended_at = app_now()
             where g.reason = 'case_meeting' and g.ended_at is null and g.partnership_id = new.partnership_id
               and new.scheduled_at > app_now()
               and g.source_id in (select i.id from case_meeting_items i
                                    where i.case_meeting_id = new.id and i.basis = 'present');
          end if;
          return null;
        end $$;
      create trigger case_meetings_changed after update of scheduled_at, cancelled_at on case_meetings
        for each row execute function app_case_meeting_changed();

      revoke all on function app_case_meeting_consent_withdrawn(), app_co_coach_removed(),
        app_case_meeting_item_removed(), app_case_meeting_changed() from public;
    `);

    // Intensity counts contacts with the participant: a case meeting counts only when they were there.
    await q.query(`
      create or replace function app_report_contact_totals(p_from timestamptz, p_to timestamptz)
        returns table (kind text, contacts bigint, minutes bigint)
        language sql stable security definer set search_path = public, pg_temp as $$
          select c.kind, count(*), coalesce(sum(c.duration_minutes), 0)
            from contacts c
           where c.partnership_id = app_tenant() and c.at >= p_from and c.at < p_to
             and (c.source_type is distinct from 'case_meeting_item'
                  or exists (select 1 from case_meeting_items i where i.id = c.source_id and i.participant_present))
           group by c.kind
        $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function app_report_contact_totals(p_from timestamptz, p_to timestamptz)
        returns table (kind text, contacts bigint, minutes bigint)
        language sql stable security definer set search_path = public, pg_temp as $$
          select c.kind, count(*), coalesce(sum(c.duration_minutes), 0)
            from contacts c
           where c.partnership_id = app_tenant() and c.at >= p_from and c.at < p_to
           group by c.kind
        $$;
      drop trigger if exists case_meetings_changed on case_meetings;
      drop trigger if exists case_meeting_items_removed on case_meeting_items;
      drop trigger if exists co_coaches_removed on co_coaches;
      drop trigger if exists consents_case_meeting_withdrawn on consents;
      drop function if exists app_case_meeting_changed(), app_case_meeting_item_removed(), app_co_coach_removed(),
        app_case_meeting_consent_withdrawn();
      drop policy if exists case_meeting_actions_remove on case_meeting_actions;
      drop policy if exists case_meeting_items_remove on case_meeting_items;
      drop policy if exists case_meetings_cancel on case_meetings;
      revoke delete on case_meeting_items, case_meeting_actions from jobteam_app;
      revoke update (cancelled_at) on case_meetings from jobteam_app;
      grant insert, update on access_grants to jobteam_app;
      drop function if exists app_close_referral_grants(uuid, timestamptz);
      drop function if exists app_end_grants(text, uuid, uuid, uuid, uuid);
      drop function if exists app_grant(uuid, uuid, uuid, text, text, uuid, timestamptz, timestamptz);
      drop policy if exists access_grants_read on access_grants;
      drop function if exists app_caller_holds(uuid, text[]), app_org_holds(uuid, uuid, text[]);
      drop function if exists app_owns_participant(uuid);
      drop policy if exists group_session_attendance_grant_check on group_session_attendance;
      drop policy if exists referrals_grant_check on referrals;
      drop policy if exists case_meeting_items_grant_check on case_meeting_items;
      drop policy if exists case_manager_assignments_grant_check on case_manager_assignments;
      drop policy if exists trajectories_grant_check on trajectories;
      drop policy if exists co_coaches_grant_check on co_coaches;
      drop policy if exists consents_grant_check on consents;
      drop policy if exists access_grants_owner on access_grants;
      create policy access_grants_tenant on access_grants using (partnership_id = app_tenant())
        with check (partnership_id = app_tenant());
      alter table case_meetings drop column if exists cancelled_at;
      delete from access_grants where reason = 'previous_owner';
      alter table access_grants drop constraint if exists access_grants_reason_check;
      alter table access_grants add constraint access_grants_reason_check check (reason in
        ('owner', 'co_coach', 'consent_partnership', 'referral', 'case_meeting', 'group_session'));
    `);
  }
}
