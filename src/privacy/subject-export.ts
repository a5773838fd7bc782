import { EntityManager } from 'typeorm';
import { InszProtector } from '../participants/insz-protector';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

type Row = Record<string, unknown>;

/** The participant's own columns the export shows, typed as the participant entity hydrates them. */
interface ParticipantRow {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  inszEncrypted: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  wijk: string | null;
  nationality: string | null;
  contactLanguage: string | null;
  entryDate: string;
  labourStatus: string | null;
  longTermUnemployed: boolean | null;
  educationLevel: string | null;
  singleAdultHouseholdWithChildren: boolean | null;
  thirdCountryNational: boolean | null;
  foreignBackground: boolean | null;
  homelessOrHousingExclusion: boolean | null;
  ruralArea: boolean | null;
  disability: string | null;
  minority: string | null;
  referralChannel: string;
  referrer: string | null;
  vdabTrajectoryStatus: string | null;
  pseudonymisedAt: Date | null;
}

/** Dates as text ('YYYY-MM-DD'), as TypeORM hydrates a date column. */
const PARTICIPANT_SQL = `select first_name as "firstName", last_name as "lastName", birth_date::text as "birthDate",
    gender, insz_encrypted as "inszEncrypted", phone, email, street, postal_code as "postalCode", city, wijk,
    nationality, contact_language as "contactLanguage", entry_date::text as "entryDate",
    labour_status as "labourStatus", long_term_unemployed as "longTermUnemployed",
    education_level as "educationLevel",
    single_adult_household_with_children as "singleAdultHouseholdWithChildren",
    third_country_national as "thirdCountryNational", foreign_background as "foreignBackground",
    homeless_or_housing_exclusion as "homelessOrHousingExclusion", rural_area as "ruralArea",
    disability, minority, referral_channel as "referralChannel", referrer,
    vdab_trajectory_status as "vdabTrajectoryStatus", pseudonymised_at as "pseudonymisedAt"
  from participants where id = $1`;
interface ReferralTransitionRow {
  from: string | null;
  to: string;
  at: string;
  reason: string | null;
  note: string | null;
  organisationId: string;
}

/**
 * Everything held about one participant, read with whatever role the manager runs as (the app
 * role for the owner, the tenant reader for the DPO): RLS still hides other organisations'
 * confidential contacts. The participant's row, goals, life domains, contacts, follow-ups, placements and assessments are read with
 * plain SQL over their columns so this export does not depend on the services that write them; referrals
 * come from app_subject_referrals(), without the person block of an inbound referral.
 * Staff appear as organisation and role, not by name.
 */
export async function readCaseFile(
  m: EntityManager,
  participantId: string,
  opts: { specialCategories: boolean; insz: InszProtector },
) {
  const [p] = (await m.query(PARTICIPANT_SQL, [participantId])) as ParticipantRow[];
  if (!p) return null;
  const q = (sql: string) => m.query(sql, [participantId]) as Promise<Row[]>;
  const orgName = (column: string) => `(select name from organisations o where o.id = ${column})`;
  const staffOrgName = (column: string) =>
    `(select o.name from staff s join organisations o on o.id = s.organisation_id where s.id = ${column})`;

  const trajectories = await q(`select id, status, referral_channel, referrer, started_at, intake_at,
      guidance_started_at, aftercare_at, closed_at, outcome, outcome_kind, previous_trajectory_id,
      ${orgName('t.owner_organisation_id')} as owner_organisation
    from trajectories t where participant_id = $1 order by started_at, id`);
  const transitions = await q(`select trajectory_id, from_status, to_status, at, outcome, note
    from trajectory_transitions where participant_id = $1 order by at, id`);
  const caseManagers = await q(`select trajectory_id, from_at, to_at, note,
      ${orgName('a.organisation_id')} as organisation
    from case_manager_assignments a where participant_id = $1 order by from_at, id`);
  const coCoaches = await q(`select trajectory_id, added_at, removed_at,
      ${orgName('c.organisation_id')} as organisation
    from co_coaches c where participant_id = $1 order by added_at, id`);
  const goals =
    await q(`select id, trajectory_id, life_domain, title, target_date::text as target_date, status, status_changed_at, steps
    from goals where participant_id = $1 order by created_at, id`);
  const lifeDomains = await q(`select trajectory_id, domain, severity, note, updated_at
    from life_domains where participant_id = $1 order by trajectory_id, domain`);
  const contacts = await q(`select id, trajectory_id, at, kind, duration_minutes, summary, confidential,
      place, location, interpreter, interpreter_language,
      ${orgName('c.author_organisation_id')} as organisation
    from contacts c where participant_id = $1 order by at, id`);
  const consents = await q(`select id, scope, basis, reference, given_at, evidence, withdrawn_at
    from consents where participant_id = $1 order by given_at, id`);
  const followUps =
    await q(`select id, trajectory_id, at::text as at, situation, improved_situation, note, created_at,
      ${staffOrgName('f.recorded_by')} as organisation
    from follow_ups f where participant_id = $1 order by at, id`);
  const assessments =
    await q(`select id, trajectory_id, instrument_key, instrument_version, kind, perspective, taken_at, scores, participant_scores,
      participant_present, note, created_at,
      ${staffOrgName('a.assessed_by')} as organisation
    from assessments a where participant_id = $1 order by taken_at, id`);
  const feedback = await q(`select id, trajectory_id, given_at, satisfaction, comment, at_closing, created_at,
      ${staffOrgName('f.recorded_by')} as organisation
    from participant_feedback f where participant_id = $1 order by given_at, id`);
  const placements = await q(`select pl.id, pl.trajectory_id, pl.kind, pl.start_date::text as start_date,
      pl.end_date::text as end_date, pl.hours_per_week, pl.contract_type, pl.exit, pl.created_at,
      (select e.name from employers e where e.id = pl.employer_id) as employer
    from placements pl where participant_id = $1 order by start_date, id`);
  // Through a definer function: the DPO's tenant reader has no access to referrals (inbound person data).
  const referrals = await q(`select f.*, ${orgName('f.sender_organisation_id')} as sender_organisation,
      ${orgName('f.target_organisation_id')} as target_organisation
    from app_subject_referrals($1) f`);
  // Value questions and waste of case-meeting agenda items: through a definer function too, as the
  // owning organisation need not have attended the meeting.
  const valueQuestions = await q(`select f.*, ${orgName('f.recorded_by_organisation_id')} as organisation
    from app_subject_value_questions($1) f`);
  const grants = await q(`select g.scope, g.reason, g.valid_from, g.valid_until, g.ended_at,
      coalesce(${orgName('g.organisation_id')},
               ${staffOrgName('g.staff_id')}) as organisation
    from access_grants g where participant_id = $1 order by valid_from, id`);

  const actorOrgs = [
    ...new Set(
      referrals.flatMap((r) => (r.transitions as ReferralTransitionRow[]).map((x) => x.organisationId)),
    ),
  ];
  const orgNames = new Map(
    actorOrgs.length
      ? (
          (await m.query('select id, name from organisations where id = any($1::uuid[])', [actorOrgs])) as {
            id: string;
            name: string;
          }[]
        ).map((o) => [o.id, o.name])
      : [],
  );

  const byTrajectory = (rows: Row[], id: unknown) => rows.filter((r) => r.trajectory_id === id);
  return {
    identity: {
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      gender: p.gender,
      insz: opts.insz.decrypt(p.inszEncrypted),
      phone: p.phone,
      email: p.email,
      address: { street: p.street, postalCode: p.postalCode, city: p.city, wijk: p.wijk },
      nationality: p.nationality,
      contactLanguage: p.contactLanguage,
    },
    profile: {
      entryDate: p.entryDate,
      labourStatus: p.labourStatus,
      longTermUnemployed: p.longTermUnemployed,
      educationLevel: p.educationLevel,
      singleAdultHouseholdWithChildren: p.singleAdultHouseholdWithChildren,
      thirdCountryNational: p.thirdCountryNational,
      foreignBackground: p.foreignBackground,
      homelessOrHousingExclusion: p.homelessOrHousingExclusion,
      ruralArea: p.ruralArea,
      ...(opts.specialCategories ? { disability: p.disability, minority: p.minority } : {}),
      referralChannel: p.referralChannel,
      referrer: p.referrer,
      vdabTrajectoryStatus: p.vdabTrajectoryStatus,
    },
    pseudonymisedAt: iso(p.pseudonymisedAt),
    trajectories: trajectories.map((t) => ({
      id: t.id,
      status: t.status,
      ownerOrganisation: t.owner_organisation,
      referralChannel: t.referral_channel,
      referrer: t.referrer,
      startedAt: iso(t.started_at as Date),
      intakeAt: iso(t.intake_at as Date),
      guidanceStartedAt: iso(t.guidance_started_at as Date),
      aftercareAt: iso(t.aftercare_at as Date),
      closedAt: iso(t.closed_at as Date),
      outcome: t.outcome,
      outcomeKind: t.outcome_kind,
      previousTrajectoryId: t.previous_trajectory_id,
      transitions: byTrajectory(transitions, t.id).map((x) => ({
        from: x.from_status,
        to: x.to_status,
        at: iso(x.at as Date),
        outcome: x.outcome,
        note: x.note,
      })),
      caseManagers: byTrajectory(caseManagers, t.id).map((a) => ({
        organisation: a.organisation,
        from: iso(a.from_at as Date),
        to: iso(a.to_at as Date),
        note: a.note,
      })),
      coCoaches: byTrajectory(coCoaches, t.id).map((c) => ({
        organisation: c.organisation,
        from: iso(c.added_at as Date),
        to: iso(c.removed_at as Date),
      })),
    })),
    goals: goals.map((g) => ({
      id: g.id,
      trajectoryId: g.trajectory_id,
      lifeDomain: g.life_domain,
      title: g.title,
      targetDate: g.target_date,
      status: g.status,
      statusChangedAt: iso(g.status_changed_at as Date),
      steps: g.steps,
    })),
    lifeDomains: lifeDomains.map((d) => ({
      trajectoryId: d.trajectory_id,
      domain: d.domain,
      severity: d.severity,
      note: d.note,
      updatedAt: iso(d.updated_at as Date),
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      trajectoryId: c.trajectory_id,
      at: iso(c.at as Date),
      kind: c.kind,
      durationMinutes: c.duration_minutes,
      organisation: c.organisation,
      confidential: c.confidential,
      summary: c.summary,
      place: c.place,
      location: c.location,
      interpreter: c.interpreter,
      interpreterLanguage: c.interpreter_language,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      trajectoryId: f.trajectory_id,
      at: f.at,
      situation: f.situation,
      improvedSituation: f.improved_situation,
      note: f.note,
      recordedByOrganisation: f.organisation,
      recordedAt: iso(f.created_at as Date),
    })),
    placements: placements.map((pl) => ({
      id: pl.id,
      trajectoryId: pl.trajectory_id,
      kind: pl.kind,
      employer: pl.employer,
      startDate: pl.start_date,
      endDate: pl.end_date,
      hoursPerWeek: Number(pl.hours_per_week),
      contractType: pl.contract_type,
      exit: pl.exit,
      recordedAt: iso(pl.created_at as Date),
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      trajectoryId: a.trajectory_id,
      instrument: { key: a.instrument_key, version: a.instrument_version },
      kind: a.kind,
      perspective: a.perspective,
      takenAt: iso(a.taken_at as Date),
      scores: a.scores,
      participantScores: a.participant_scores,
      participantPresent: a.participant_present,
      note: a.note,
      assessedByOrganisation: a.organisation,
      recordedAt: iso(a.created_at as Date),
    })),
    feedback: feedback.map((f) => ({
      id: f.id,
      trajectoryId: f.trajectory_id,
      givenAt: iso(f.given_at as Date),
      satisfaction: f.satisfaction,
      comment: f.comment,
      atClosing: f.at_closing,
      recordedByOrganisation: f.organisation,
      recordedAt: iso(f.created_at as Date),
    })),
    referrals: referrals.map((r) => ({
      id: r.id,
      direction: r.direction,
      target: r.target,
      kind: r.kind,
      state: r.state,
      senderOrganisation: r.sender_organisation,
      targetOrganisation: r.target_organisation,
      note: r.note,
      submittedAt: iso(r.submitted_at as Date),
      dueAt: iso(r.due_at as Date),
      closedAt: iso(r.closed_at as Date),
      transitions: (r.transitions as ReferralTransitionRow[]).map((x) => ({
        from: x.from,
        to: x.to,
        at: iso(new Date(x.at)),
        organisation: orgNames.get(x.organisationId) ?? null,
        reason: x.reason,
        note: x.note,
      })),
    })),
    consents: consents.map((c) => ({
      id: c.id,
      scope: c.scope,
      basis: c.basis,
      reference: c.reference,
      givenAt: iso(c.given_at as Date),
      evidence: c.evidence,
      withdrawnAt: iso(c.withdrawn_at as Date),
    })),
    valueQuestions: valueQuestions.map((v) => ({
      id: v.id,
      trajectoryId: v.trajectory_id,
      caseMeetingAt: iso(v.meeting_at as Date),
      valueQuestion: v.value_question,
      waste: v.waste,
      recordedByOrganisation: v.organisation,
      updatedAt: iso(v.updated_at as Date),
    })),
    accessGrants: grants.map((g) => ({
      organisation: g.organisation,
      scope: g.scope,
      reason: g.reason,
      validFrom: iso(g.valid_from as Date),
      validUntil: iso(g.valid_until as Date),
      endedAt: iso(g.ended_at as Date),
    })),
  };
}
