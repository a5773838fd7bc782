import { MigrationInterface, QueryRunner } from 'typeorm';

// The function as PseudonymiseAssessments left it, repeated here so this migration stands on its own.
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
const ASSESSMENTS = `
      update assessments set note = null where participant_id = p_participant and note is not null;`;
// The participant's feedback in their own words is about the person: blanked. Satisfaction and date
// stay, as the quarterly report counts them.
const FEEDBACK = `
      update participant_feedback set comment = null where participant_id = p_participant and comment is not null;`;

/** Same predicate as the assessments' policy: a live case-or-full grant on the row's participant. */
const CASE_GRANT = `exists (select 1 from access_grants g where g.participant_id = participant_feedback.participant_id
     and g.scope in ('case', 'full') and g.partnership_id = app_tenant()
     and (g.organisation_id = app_org() or g.staff_id = app_user())
     and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now()))`;

type Text = { nl: string; en: string };
const a = (score: number, dimension: string, nl: string, en: string) => ({
  score,
  dimension,
  label: { nl, en } satisfies Text,
});

/**
 * What a low (1), middle (5) and high (10) score looks like on each Vrijbaan component, in plain
 * words for a participant, written from the partnership agreement's description of empowerment.
 * Written out here on purpose: a migration must not import application code.
 */
const EMPOWERMENT_ANCHORS = [
  a(
    1,
    'competentie',
    'Ik weet niet goed wat ik kan. Ik twijfel of ik mijn doel kan halen.',
    'I do not really know what I can do. I doubt I can reach my goal.',
  ),
  a(
    5,
    'competentie',
    'Ik weet een deel van wat ik kan. Soms vertrouw ik op mezelf, soms niet.',
    'I know part of what I can do. Sometimes I trust myself, sometimes not.',
  ),
  a(
    10,
    'competentie',
    'Ik weet wat ik kan en ik vertrouw erop dat ik mijn doel haal.',
    'I know what I can do and I trust that I will reach my goal.',
  ),
  a(
    1,
    'zelfbeschikking',
    'Anderen beslissen voor mij. Ik weet niet goed wat ik wil.',
    'Others decide for me. I do not really know what I want.',
  ),
  a(
    5,
    'zelfbeschikking',
    'Soms weet ik wat ik wil en kies ik zelf. Soms kiezen anderen voor mij.',
    'Sometimes I know what I want and choose for myself. Sometimes others choose for me.',
  ),
  a(
    10,
    'zelfbeschikking',
    'Ik weet wat ik wil. Ik maak zelf mijn keuzes en heb mijn situatie in handen.',
    'I know what I want. I make my own choices and I am in control of my situation.',
  ),
  a(
    1,
    'impact',
    'Wat ik doe, verandert niets. Ik sta aan de kant.',
    'What I do changes nothing. I am standing on the side.',
  ),
  a(
    5,
    'impact',
    'Soms merk ik dat mijn keuzes iets veranderen. Ik doe een beetje mee.',
    'Sometimes I notice that my choices change something. I take part a little.',
  ),
  a(
    10,
    'impact',
    'Mijn keuzes veranderen mijn leven. Ik doe mee in de samenleving.',
    'My choices change my life. I take part in society.',
  ),
  a(
    1,
    'betekenis',
    'Wat ik doe, heeft voor mij geen zin. Het past niet bij wie ik ben.',
    'What I do makes no sense to me. It does not fit who I am.',
  ),
  a(
    5,
    'betekenis',
    'Een deel van wat ik doe, vind ik zinvol en past bij mij.',
    'Part of what I do feels worthwhile and fits me.',
  ),
  a(
    10,
    'betekenis',
    'Wat ik doe, is zinvol voor mij en past bij wat ik belangrijk vind.',
    'What I do is worthwhile to me and fits what I find important.',
  ),
  a(
    1,
    'positieve_identiteit',
    'Ik ben niet tevreden over mezelf. Mijn situatie neemt alle plaats in.',
    'I am not happy with myself. My situation takes up all the room.',
  ),
  a(
    5,
    'positieve_identiteit',
    'Soms ben ik tevreden over mezelf. Ik leer mijn situatie aanvaarden.',
    'Sometimes I am happy with myself. I am learning to accept my situation.',
  ),
  a(
    10,
    'positieve_identiteit',
    'Ik ben OK zoals ik ben. Ik aanvaard mijn situatie en heb ruimte voor andere dingen.',
    'I am OK as I am. I accept my situation and have room for other things.',
  ),
  a(
    1,
    'groepsorientatie',
    'Ik sta er alleen voor. Ik vraag niemand om hulp.',
    'I stand alone. I ask no one for help.',
  ),
  a(
    5,
    'groepsorientatie',
    'Soms vraag ik hulp en werk ik samen met anderen.',
    'Sometimes I ask for help and work together with others.',
  ),
  a(
    10,
    'groepsorientatie',
    'Ik sta er niet alleen voor. Ik werk samen en vraag hulp als ik die nodig heb.',
    'I do not stand alone. I work with others and ask for help when I need it.',
  ),
];

/** The release scale: below the threshold guidance is still needed, at or above it the case can be let go. */
const RELEASE_THRESHOLD = 8;
const RELEASE_ANCHORS = [
  { score: 1, label: { nl: 'De begeleiding is nog volop nodig.', en: 'Guidance is still fully needed.' } },
  {
    score: RELEASE_THRESHOLD,
    label: { nl: 'De begeleiding kan losgelaten worden.', en: 'Guidance can be let go.' },
  },
];

/**
 * Issue 16, items 4 to 7: the participant's own voice.
 *
 * - assessments.perspective: whose reading an assessment is (participant, coach or agreed). Existing
 *   rows become `agreed`: until now the one reading was scored in the conversation with the
 *   participant (the Vrijbaan method is a dialogue; the participant's differing view sat beside it
 *   in participant_scores), and progress now counts agreed or participant readings only, so `coach`
 *   would silently remove every existing trajectory from the distance travelled. One baseline per
 *   perspective: the participant's and the coach's baseline may both exist.
 * - instruments: the built-in empowerment star and release scale (version 1) get their anchors,
 *   and the release scale its threshold. These are texts and a reading aid beside the scale, not a
 *   change to what a score means, so version 1 is completed in place (by the owner, the one place
 *   that may) instead of making every existing assessment point at an older version.
 * - participant_feedback: satisfaction 1–5 and the participant's own words, recorded by the coach
 *   with the participant; insert-only for the app role, RLS as the assessments, blanked by
 *   pseudonymisation.
 */
export class ParticipantVoice1795300790000 implements MigrationInterface {
  name = 'ParticipantVoice1795300790000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table assessments add column perspective text not null default 'agreed'
        check (perspective in ('participant', 'coach', 'agreed'));
      drop index assessments_one_baseline_uq;
      create unique index assessments_one_baseline_uq on assessments (trajectory_id, instrument_key, perspective)
        where kind = 'baseline';

      alter table instruments add column release_threshold integer;
      alter table instruments add constraint instruments_release_threshold_on_scale
        check (release_threshold is null or release_threshold between scale_min and scale_max);
    `);
    // Instruments are FORCE RLS with no UPDATE policy; the owner lifts it for these two rows only.
    await q.query(`alter table instruments no force row level security`);
    await q.query(
      `update instruments set anchors = $1 where partnership_id is null and key = 'empowerment' and version = 1`,
      [JSON.stringify(EMPOWERMENT_ANCHORS)],
    );
    await q.query(
      `update instruments set anchors = $1, release_threshold = $2
        where partnership_id is null and key = 'release_scale' and version = 1`,
      [JSON.stringify(RELEASE_ANCHORS), RELEASE_THRESHOLD],
    );
    await q.query(`alter table instruments force row level security`);

    await q.query(`
      create table participant_feedback (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        given_at timestamptz not null,
        satisfaction integer not null check (satisfaction between 1 and 5),
        comment text check (comment is null or length(comment) <= 2000),
        at_closing boolean not null default false,
        recorded_by uuid not null,
        created_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (recorded_by, partnership_id) references staff (id, partnership_id)
      );
      create index participant_feedback_trajectory_idx on participant_feedback (trajectory_id, given_at);
      create index participant_feedback_participant_idx on participant_feedback (participant_id);
      create index participant_feedback_given_at_idx on participant_feedback (partnership_id, given_at);
      create index participant_feedback_recorded_by_idx on participant_feedback (recorded_by);

      alter table participant_feedback enable row level security;
      alter table participant_feedback force row level security;
      create policy participant_feedback_grant on participant_feedback
        using (partnership_id = app_tenant() and ${CASE_GRANT})
        with check (partnership_id = app_tenant() and ${CASE_GRANT});
      create policy participant_feedback_tenant_reader on participant_feedback for select to jobteam_tenant_reader
        using (partnership_id = app_tenant());
      create policy participant_feedback_pseudonymise_read on participant_feedback for select to current_user
        using (partnership_id = app_tenant());
      create policy participant_feedback_owner_pseudonymise on participant_feedback for update to current_user
        using (partnership_id = app_tenant()) with check (partnership_id = app_tenant());
      grant select, insert on participant_feedback to jobteam_app;
      grant select on participant_feedback to jobteam_tenant_reader;
    `);
    await q.query(`${HEAD}${ASSESSMENTS}${FEEDBACK}${TAIL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`${HEAD}${ASSESSMENTS}${TAIL}`);
    await q.query(`drop table if exists participant_feedback`);
    await q.query(`alter table instruments no force row level security`);
    await q.query(`update instruments set anchors = null
                    where partnership_id is null and key in ('empowerment', 'release_scale') and version = 1`);
    await q.query(`alter table instruments force row level security`);
    await q.query(`
      alter table instruments drop column if exists release_threshold;
      drop index assessments_one_baseline_uq;
      create unique index assessments_one_baseline_uq on assessments (trajectory_id, instrument_key)
        where kind = 'baseline';
      alter table assessments drop column perspective;
    `);
  }
}
