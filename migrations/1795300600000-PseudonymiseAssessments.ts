import { MigrationInterface, QueryRunner } from 'typeorm';

// The function as PseudonymiseCaseMeetings left it, repeated here so this migration stands on its own.
const HEAD = `
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
      update consents set evidence = '(removed by pseudonymisation)' where participant_id = p_participant;
      update follow_ups set note = null where participant_id = p_participant and note is not null;
      update referral_transitions set note = null,
             reason = case when reason is null then null else '(removed by pseudonymisation)' end
       where referral_id in (select r.id from referrals r where r.participant_id = p_participant)
         and (note is not null or reason is not null);
      update referrals set note = null, person = null, person_insz_encrypted = null,
             version = version + 1, updated_at = now()
       where participant_id = p_participant
         and (note is not null or person is not null or person_insz_encrypted is not null);
      update case_meeting_items set summary = null, decisions = null
       where participant_id = p_participant and (summary is not null or decisions is not null);
      update case_meeting_actions set description = '(removed by pseudonymisation)' where participant_id = p_participant;`;
const TAIL = `
      return query select 'ok'::text, 'Pseudoniem-' || v_code;
    end $$;
  revoke all on function app_pseudonymise(uuid, uuid) from public;`;
// An assessment's note is free text about the person. The scores, the participant's own scores,
// kind and date stay: they are the distance travelled the reports count.
const ASSESSMENTS = `
      update assessments set note = null where participant_id = p_participant and note is not null;`;

/**
 * Pseudonymisation also blanks the notes of empowerment (and other) assessments. Assessments are
 * otherwise never updated: the app role still has SELECT and INSERT only, and these policies let
 * only the owner (the definer function) reach the rows, of the tenant in context.
 */
export class PseudonymiseAssessments1795300600000 implements MigrationInterface {
  name = 'PseudonymiseAssessments1795300600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create policy assessments_pseudonymise_read on assessments for select to current_user
      using (partnership_id = app_tenant())`);
    await q.query(`create policy assessments_owner_pseudonymise on assessments for update to current_user
      using (partnership_id = app_tenant()) with check (partnership_id = app_tenant())`);
    await q.query(`${HEAD}${ASSESSMENTS}${TAIL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`${HEAD}${TAIL}`);
    await q.query(`drop policy if exists assessments_pseudonymise_read on assessments`);
    await q.query(`drop policy if exists assessments_owner_pseudonymise on assessments`);
  }
}
