import { TestPartnership } from '../factories/partnership.factory';
import { TestApp } from '../harness/test-app';

/** Rows written straight into the database (as superuser), so each fixture says exactly what it is. */
export interface ParticipantRow {
  gender?: 'female' | 'male' | 'nonbinary';
  birth_date?: string;
  entry_date?: string;
  labour_status?: string | null;
  long_term_unemployed?: boolean | null;
  education_level?: string | null;
  third_country_national?: boolean | null;
  foreign_background?: boolean | null;
  homeless_or_housing_exclusion?: boolean | null;
  rural_area?: boolean | null;
  disability?: string | null;
  minority?: string | null;
  referral_channel?: string;
  first_name?: string;
  last_name?: string;
  nationality?: string | null;
  /**
   * Record a live special_categories basis. Defaults to true when disability or minority holds a
   * yes/no answer: the API stores those only on a basis (issue 13, rule 7).
   */
  special_basis?: boolean;
}

let n = 0;

export async function insertParticipant(
  t: TestApp,
  p: TestPartnership,
  row: ParticipantRow = {},
): Promise<string> {
  n += 1;
  const r = {
    gender: 'female',
    birth_date: '1990-06-15',
    entry_date: '2025-03-01',
    labour_status: 'unemployed',
    long_term_unemployed: false,
    education_level: 'isced_3_4',
    third_country_national: false,
    foreign_background: false,
    homeless_or_housing_exclusion: false,
    rural_area: false,
    disability: 'no',
    minority: 'no',
    referral_channel: 'outreach',
    first_name: `Voornaam${n}`,
    last_name: `Achternaam${n}`,
    ...row,
  };
  const [{ id }] = await t.sql<{ id: string }>(
    `insert into participants (partnership_id, owner_organisation_id, first_name, last_name, search_name, name_key,
       birth_date, gender, entry_date, labour_status, long_term_unemployed, education_level, third_country_national,
       foreign_background, homeless_or_housing_exclusion, rural_area, disability, minority, referral_channel, created_by,
       nationality)
     values ($1, $2, $3, $4, lower($3 || ' ' || $4), lower($3 || '|' || $4), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     returning id`,
    [
      p.id,
      p.orgs.compaan.id,
      r.first_name,
      r.last_name,
      r.birth_date,
      r.gender,
      r.entry_date,
      r.labour_status,
      r.long_term_unemployed,
      r.education_level,
      r.third_country_national,
      r.foreign_background,
      r.homeless_or_housing_exclusion,
      r.rural_area,
      r.disability,
      r.minority,
      r.referral_channel,
      p.staff.coach.id,
      r.nationality ?? null,
    ],
  );
  await grant(t, p, id, p.orgs.compaan.id);
  const answered = [r.disability, r.minority].some((v) => v === 'yes' || v === 'no');
  if (row.special_basis ?? answered)
    await t.sql(
      `insert into consents (partnership_id, participant_id, scope, basis, given_at, evidence, recorded_by)
       values ($1, $2, 'special_categories', 'consent', '2020-01-01', 'Toestemming art. 9, getekend', $3)`,
      [p.id, id, p.staff.coach.id],
    );
  return id;
}

/** A live grant of `scope` for an organisation on a participant. */
export async function grant(
  t: TestApp,
  p: TestPartnership,
  participantId: string,
  organisationId: string,
  scope = 'full',
) {
  await t.sql(
    `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, valid_from)
     values ($1, $2, $3, $4, $5, '2020-01-01')`,
    [p.id, participantId, organisationId, scope, scope === 'full' ? 'owner' : 'consent_partnership'],
  );
}

export interface TrajectoryRow {
  started_at: string;
  intake_at?: string | null;
  guidance_started_at?: string | null;
  aftercare_at?: string | null;
  closed_at?: string | null;
  outcome?: string | null;
  outcome_kind?: string | null;
  referral_channel?: string;
  case_manager?: 'coach' | 'coach2' | 'coachCaw' | 'coachIntro' | null;
}

export async function insertTrajectory(
  t: TestApp,
  p: TestPartnership,
  participantId: string,
  row: TrajectoryRow,
): Promise<string> {
  const closed = row.closed_at ?? null;
  const status = closed
    ? 'afgesloten'
    : row.aftercare_at
      ? 'nazorg'
      : row.guidance_started_at
        ? 'begeleiding'
        : row.intake_at
          ? 'intake'
          : 'aanmelding';
  const caseManager = row.case_manager === null ? null : p.staff[row.case_manager ?? 'coach'];
  const [{ id }] = await t.sql<{ id: string }>(
    `insert into trajectories (partnership_id, participant_id, status, referral_channel, owner_organisation_id, case_manager_id,
       team_id, started_at, intake_at, guidance_started_at, aftercare_at, closed_at, outcome, outcome_kind)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [
      p.id,
      participantId,
      status,
      row.referral_channel ?? 'outreach',
      caseManager?.organisationId ?? p.orgs.compaan.id,
      caseManager?.id ?? null,
      caseManager?.teamId ?? null,
      row.started_at,
      // As the state machine does: guidance or aftercare comes after an intake, so there was one.
      row.intake_at !== undefined ? row.intake_at : (row.guidance_started_at ?? row.aftercare_at ?? null),
      row.guidance_started_at ?? null,
      row.aftercare_at ?? null,
      closed,
      row.outcome ?? null,
      row.outcome_kind ?? null,
    ],
  );
  // As the API does: the case manager holds an assignment from the start (the caseload counts these).
  if (caseManager)
    await t.sql(
      `insert into case_manager_assignments (partnership_id, trajectory_id, participant_id, staff_id, organisation_id, from_at, assigned_by)
       values ($1, $2, $3, $4, $5, $6, $4)`,
      [p.id, id, participantId, caseManager.id, caseManager.organisationId, row.started_at],
    );
  return id;
}

export async function insertFollowUp(
  t: TestApp,
  p: TestPartnership,
  trajectoryId: string,
  at: string,
  situation: string,
  improved: boolean | null = null,
  note: string | null = null,
) {
  await t.sql(
    `insert into follow_ups (partnership_id, trajectory_id, participant_id, at, situation, improved_situation, note, recorded_by)
     select $1, t.id, t.participant_id, $3, $4, $5, $7, $6 from trajectories t where t.id = $2`,
    [p.id, trajectoryId, at, situation, improved, p.staff.coach.id, note],
  );
}

/** A date at 10:00 UTC: the same calendar day in Brussels, summer or winter. */
export const day = (date: string) => `${date}T10:00:00Z`;

export async function insertContact(
  t: TestApp,
  p: TestPartnership,
  trajectoryId: string,
  at: string,
  kind: string,
  minutes: number,
  by: 'coach' | 'coach2' | 'coachCaw' | 'coachIntro' = 'coach',
  confidential = false,
) {
  const staff = p.staff[by];
  await t.sql(
    `insert into contacts (partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id, author_id,
       author_organisation_id, summary, confidential)
     select $1, t.id, t.participant_id, $3, $4, $5, $6, $6, $7, 'Gesprek', $8 from trajectories t where t.id = $2`,
    [p.id, trajectoryId, at, kind, minutes, staff.id, staff.organisationId, confidential],
  );
}

export type ReferralStep = [
  state: 'accepted' | 'rejected' | 'in_progress' | 'completed' | 'cancelled',
  at: string,
];

/**
 * A referral with its transition history, as the referrals feature would have written it: outbound
 * from Compaan to VDAB or OCMW, or inbound from VDAB to Compaan. Steps of the receiving side are
 * taken by its SPOC (or the coach), a cancellation by the sender.
 */
export async function insertReferral(
  t: TestApp,
  p: TestPartnership,
  participantId: string,
  r: { target: 'vdab' | 'ocmw' | 'partnership'; submittedAt: string; steps?: ReferralStep[]; note?: string },
): Promise<string> {
  const inbound = r.target === 'partnership';
  const sender = inbound ? p.staff.spocVdab : p.staff.coach;
  const receiver = inbound ? p.staff.coach : r.target === 'vdab' ? p.staff.spocVdab : p.staff.spocOcmw;
  const steps = r.steps ?? [];
  const last = steps.at(-1);
  const state = last?.[0] ?? 'submitted';
  const closed = state === 'rejected' || state === 'completed' || state === 'cancelled' ? last![1] : null;
  const [{ id }] = await t.sql<{ id: string }>(
    `insert into referrals (partnership_id, direction, target, kind, state, participant_id, note, sender_organisation_id,
       target_organisation_id, due_at, submitted_at, closed_at, created_by)
     values ($1, $2, $3, 'training', $4, $5, $6, $7, $8, $9::timestamptz + interval '14 days', $9, $10, $11) returning id`,
    [
      p.id,
      inbound ? 'inbound' : 'outbound',
      r.target,
      state,
      participantId,
      r.note ?? null,
      sender.organisationId,
      receiver.organisationId,
      r.submittedAt,
      closed,
      sender.id,
    ],
  );
  let from: string | null = null;
  for (const [to, at] of [['submitted', r.submittedAt] as const, ...steps]) {
    const actor = to === 'submitted' || to === 'cancelled' ? sender : receiver;
    await t.sql(
      `insert into referral_transitions (partnership_id, referral_id, from_state, to_state, reason, note, actor_id,
         actor_organisation_id, at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        p.id,
        id,
        from,
        to,
        to === 'rejected' ? 'Geen plaats in de opleiding' : null,
        r.note ? `${r.note} (${to})` : null,
        actor.id,
        actor.organisationId,
        at,
      ],
    );
    from = to;
  }
  return id;
}

/**
 * An assessment with the built-in version 1 of `instrument` (empowerment by default), scored by
 * the coach. Give `scores` for every dimension; `participantScores` and `note` are optional.
 */
export async function insertAssessment(
  t: TestApp,
  p: TestPartnership,
  trajectoryId: string,
  a: {
    kind: 'baseline' | 'review' | 'exit';
    takenAt: string;
    scores: Record<string, number>;
    participantScores?: Record<string, number>;
    note?: string;
    instrument?: string;
  },
): Promise<string> {
  const [{ id }] = await t.sql<{ id: string }>(
    `insert into assessments (partnership_id, trajectory_id, participant_id, instrument_id, instrument_key,
       instrument_version, kind, taken_at, scores, participant_scores, note, assessed_by)
     select $1, t.id, t.participant_id, i.id, i.key, i.version, $4, $5, $6, $7, $8, $9
       from trajectories t, instruments i
      where t.id = $2 and i.key = $3 and i.version = 1 and i.partnership_id is null
     returning id`,
    [
      p.id,
      trajectoryId,
      a.instrument ?? 'empowerment',
      a.kind,
      a.takenAt,
      JSON.stringify(a.scores),
      a.participantScores ? JSON.stringify(a.participantScores) : null,
      a.note ?? null,
      p.staff.coach.id,
    ],
  );
  return id;
}

/** A data-quality page as participant id → reason codes. */
export const reasonCodes = (body: { items: { participantId: string; reasons: { code: string }[] }[] }) =>
  Object.fromEntries(body.items.map((i) => [i.participantId, i.reasons.map((r) => r.code)]));
