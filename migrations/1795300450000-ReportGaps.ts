import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the owner-run functions below must reach: the tenant in context only, never another one. */
const OWNER_READ = ['follow_ups', 'referrals', 'referral_transitions'];
const OWNER_UPDATE = ['follow_ups', 'referrals', 'referral_transitions'];

/**
 * Closes gaps between reports, referrals and pseudonymisation:
 * - referral turnaround for the quarterly report. The referrals table has no tenant-reader policy
 *   (an inbound referral can hold a person who is not a participant yet), so an owner-run function
 *   returns only counts and percentiles for the tenant in context;
 * - pseudonymisation also blanks follow-up notes and the free text and person data of the
 *   participant's referrals, which the first version of app_pseudonymise did not know about.
 */
export class ReportGaps1795300450000 implements MigrationInterface {
  name = 'ReportGaps1795300450000';

  async up(q: QueryRunner): Promise<void> {
    // FORCE RLS binds the owner too. These let only the owner (the definer functions) reach rows,
    // and only of the tenant the request or the retention job has put in context.
    for (const table of OWNER_READ)
      await q.query(`create policy ${table}_owner_read on ${table} for select to current_user
        using (partnership_id = app_tenant())`);
    for (const table of OWNER_UPDATE)
      await q.query(`create policy ${table}_owner_pseudonymise on ${table} for update to current_user
        using (partnership_id = app_tenant()) with check (partnership_id = app_tenant())`);

    await q.query(`
      create index referral_transitions_milestone_idx on referral_transitions (partnership_id, to_state, at);

      -- Calendar days from submission to the first decision (accepted or rejected), for referrals
      -- decided in [p_from, p_to), and from submission to completion, for referrals completed in it.
      create function app_report_referral_turnaround(p_from timestamptz, p_to timestamptz)
        returns table (target text, milestone text, referrals integer, accepted integer, rejected integer,
                       median_days double precision, p90_days double precision)
        language sql stable security definer set search_path = public, pg_temp as $$
          with decided as (
            select r.target, x.to_state, extract(epoch from x.at - r.submitted_at) / 86400 as days
              from referral_transitions x join referrals r on r.id = x.referral_id
             where x.partnership_id = app_tenant() and r.partnership_id = app_tenant()
               and x.to_state in ('accepted', 'rejected') and x.at >= p_from and x.at < p_to
               and not exists (select 1 from referral_transitions e where e.referral_id = x.referral_id
                                 and e.to_state in ('accepted', 'rejected')
                                 and (e.at < x.at or (e.at = x.at and e.id < x.id)))
          ), completed as (
            select r.target, extract(epoch from x.at - r.submitted_at) / 86400 as days
              from referral_transitions x join referrals r on r.id = x.referral_id
             where x.partnership_id = app_tenant() and r.partnership_id = app_tenant()
               and x.to_state = 'completed' and x.at >= p_from and x.at < p_to
          )
          select d.target, 'decision', count(*)::int, count(*) filter (where d.to_state = 'accepted')::int,
                 count(*) filter (where d.to_state = 'rejected')::int,
                 percentile_cont(0.5) within group (order by d.days), percentile_cont(0.9) within group (order by d.days)
            from decided d group by d.target
          union all
          select c.target, 'completion', count(*)::int, null, null,
                 percentile_cont(0.5) within group (order by c.days), percentile_cont(0.9) within group (order by c.days)
            from completed c group by c.target
        $$;
      revoke all on function app_report_referral_turnaround(timestamptz, timestamptz) from public;
      grant execute on function app_report_referral_turnaround(timestamptz, timestamptz) to jobteam_app, jobteam_tenant_reader;
    `);

    await q.query(PSEUDONYMISE_V2);

    // The participant's referrals for their own export (GDPR art. 15/20). The DPO reads through the
    // tenant reader, which has no access to referrals; this answers for one participant only, to
    // the DPO or to a holder of full scope, and leaves out the person block and staff ids.
    await q.query(`
      create function app_subject_referrals(p_participant uuid)
        returns table (id uuid, direction text, target text, kind text, state text, note text,
                       sender_organisation_id uuid, target_organisation_id uuid, submitted_at timestamptz,
                       due_at timestamptz, closed_at timestamptz, transitions jsonb)
        language plpgsql stable security definer set search_path = public, pg_temp as $$
        begin
          if app_tenant() is null or not ('dpo' = any(app_roles()) or exists (
               select 1 from access_grants g where g.participant_id = p_participant and g.scope = 'full'
                  and g.partnership_id = app_tenant() and (g.organisation_id = app_org() or g.staff_id = app_user())
                  and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now()))) then
            raise exception 'only the owning organisation or a DPO may export referrals' using errcode = '42501';
          end if;
          return query
            select r.id, r.direction, r.target, r.kind, r.state, r.note, r.sender_organisation_id, r.target_organisation_id,
                   r.submitted_at, r.due_at, r.closed_at,
                   (select coalesce(jsonb_agg(jsonb_build_object('from', x.from_state, 'to', x.to_state, 'at', x.at,
                             'reason', x.reason, 'note', x.note, 'organisationId', x.actor_organisation_id)
                             order by x.at, x.id), '[]'::jsonb)
                      from referral_transitions x where x.referral_id = r.id)
              from referrals r
             where r.participant_id = p_participant and r.partnership_id = app_tenant()
             order by r.submitted_at, r.id;
        end $$;
      revoke all on function app_subject_referrals(uuid) from public;
      grant execute on function app_subject_referrals(uuid) to jobteam_app, jobteam_tenant_reader;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(PSEUDONYMISE_V1);
    await q.query(`
      drop function if exists app_subject_referrals(uuid);
      drop function if exists app_report_referral_turnaround(timestamptz, timestamptz);
      drop index if exists referral_transitions_milestone_idx;
    `);
    for (const table of OWNER_UPDATE)
      await q.query(`drop policy if exists ${table}_owner_pseudonymise on ${table}`);
    for (const table of OWNER_READ) await q.query(`drop policy if exists ${table}_owner_read on ${table}`);
  }
}

/** The body as SubjectRights1795300170000 created it; the v2 below adds the last four updates. */
const COMMON_HEAD = `
  create or replace function app_pseudonymise(p_tenant uuid, p_participant uuid)
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
      update consents set evidence = '(removed by pseudonymisation)' where participant_id = p_participant;`;
const COMMON_TAIL = `
      return query select 'ok'::text, 'Pseudoniem-' || v_code;
    end $$;
  revoke all on function app_pseudonymise(uuid, uuid) from public;`;

// Follow-up notes and referral notes are free text about the person. The situation, dates and
// referral states stay: ESF+ results and the turnaround figures are counted from them. A rejection
// reason is free text too; it is kept as a marker so the history still shows a reason was given.
const PSEUDONYMISE_V2 = `${COMMON_HEAD}
      update follow_ups set note = null where participant_id = p_participant and note is not null;
      update referral_transitions set note = null,
             reason = case when reason is null then null else '(removed by pseudonymisation)' end
       where referral_id in (select r.id from referrals r where r.participant_id = p_participant)
         and (note is not null or reason is not null);
      update referrals set note = null, person = null, person_insz_encrypted = null,
             version = version + 1, updated_at = now()
       where participant_id = p_participant
         and (note is not null or person is not null or person_insz_encrypted is not null);${COMMON_TAIL}`;

const PSEUDONYMISE_V1 = `${COMMON_HEAD}${COMMON_TAIL}`;
