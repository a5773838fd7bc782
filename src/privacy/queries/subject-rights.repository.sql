-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- SubjectRightsRepository.pseudonymise()
select
  result,
  pseudonym
from
  app_pseudonymise_participant ($1);

-- SubjectRightsRepository.caseFile()
select
  first_name as "firstName",
  last_name as "lastName",
  birth_date::text as "birthDate",
  gender,
  insz_encrypted as "inszEncrypted",
  phone,
  email,
  street,
  postal_code as "postalCode",
  city,
  wijk,
  nationality,
  contact_language as "contactLanguage",
  entry_date::text as "entryDate",
  labour_status as "labourStatus",
  long_term_unemployed as "longTermUnemployed",
  education_level as "educationLevel",
  single_adult_household_with_children as "singleAdultHouseholdWithChildren",
  third_country_national as "thirdCountryNational",
  foreign_background as "foreignBackground",
  homeless_or_housing_exclusion as "homelessOrHousingExclusion",
  rural_area as "ruralArea",
  disability,
  minority,
  referral_channel as "referralChannel",
  referrer,
  vdab_trajectory_status as "vdabTrajectoryStatus",
  pseudonymised_at as "pseudonymisedAt"
from
  participants
where
  id = $1;
select
  id,
  status,
  referral_channel,
  referrer,
  started_at,
  intake_at,
  guidance_started_at,
  aftercare_at,
  closed_at,
  outcome,
  outcome_kind,
  previous_trajectory_id,
  (
    select
      name
    from
      organisations o
    where
      o.id = t.owner_organisation_id
  ) as owner_organisation
from
  trajectories t
where
  participant_id = $1
order by
  started_at,
  id;
select
  trajectory_id,
  from_status,
  to_status,
  at,
  outcome,
  note
from
  trajectory_transitions
where
  participant_id = $1
order by
  at,
  id;
select
  trajectory_id,
  from_at,
  to_at,
  note,
  (
    select
      name
    from
      organisations o
    where
      o.id = a.organisation_id
  ) as organisation
from
  case_manager_assignments a
where
  participant_id = $1
order by
  from_at,
  id;
select
  trajectory_id,
  added_at,
  removed_at,
  (
    select
      name
    from
      organisations o
    where
      o.id = c.organisation_id
  ) as organisation
from
  co_coaches c
where
  participant_id = $1
order by
  added_at,
  id;
select
  id,
  trajectory_id,
  life_domain,
  title,
  target_date::text as target_date,
  status,
  status_changed_at,
  steps
from
  goals
where
  participant_id = $1
order by
  created_at,
  id;
select
  trajectory_id,
  domain,
  severity,
  note,
  updated_at
from
  life_domains
where
  participant_id = $1
order by
  trajectory_id,
  domain;
select
  id,
  trajectory_id,
  at,
  kind,
  duration_minutes,
  summary,
  confidential,
  place,
  location,
  interpreter,
  interpreter_language,
  (
    select
      name
    from
      organisations o
    where
      o.id = c.author_organisation_id
  ) as organisation
from
  contacts c
where
  participant_id = $1
order by
  at,
  id;
select
  id,
  scope,
  basis,
  reference,
  given_at,
  evidence,
  withdrawn_at
from
  consents
where
  participant_id = $1
order by
  given_at,
  id;
select
  id,
  trajectory_id,
  at::text as at,
  situation,
  improved_situation,
  note,
  created_at,
  (
    select
      o.name
    from
      staff s
      join organisations o on o.id = s.organisation_id
    where
      s.id = f.recorded_by
  ) as organisation
from
  follow_ups f
where
  participant_id = $1
order by
  at,
  id;
select
  id,
  trajectory_id,
  instrument_key,
  instrument_version,
  kind,
  perspective,
  taken_at,
  scores,
  participant_scores,
  participant_present,
  note,
  created_at,
  (
    select
      o.name
    from
      staff s
      join organisations o on o.id = s.organisation_id
    where
      s.id = a.assessed_by
  ) as organisation
from
  assessments a
where
  participant_id = $1
order by
  taken_at,
  id;
select
  id,
  trajectory_id,
  given_at,
  satisfaction,
  comment,
  at_closing,
  created_at,
  (
    select
      o.name
    from
      staff s
      join organisations o on o.id = s.organisation_id
    where
      s.id = f.recorded_by
  ) as organisation
from
  participant_feedback f
where
  participant_id = $1
order by
  given_at,
  id;
select
  pl.id,
  pl.trajectory_id,
  pl.kind,
  pl.start_date::text as start_date,
  pl.end_date::text as end_date,
  pl.hours_per_week,
  pl.contract_type,
  pl.exit,
  pl.created_at,
  (
    select
      e.name
    from
      employers e
    where
      e.id = pl.employer_id
  ) as employer
from
  placements pl
where
  participant_id = $1
order by
  start_date,
  id;
select
  f.*,
  (
    select
      name
    from
      organisations o
    where
      o.id = f.sender_organisation_id
  ) as sender_organisation,
  (
    select
      name
    from
      organisations o
    where
      o.id = f.target_organisation_id
  ) as target_organisation
from
  app_subject_referrals ($1) f;
select
  f.*,
  (
    select
      name
    from
      organisations o
    where
      o.id = f.recorded_by_organisation_id
  ) as organisation
from
  app_subject_value_questions ($1) f;
select
  g.scope,
  g.reason,
  g.valid_from,
  g.valid_until,
  g.ended_at,
  coalesce(
    (
      select
        name
      from
        organisations o
      where
        o.id = g.organisation_id
    ),
    (
      select
        o.name
      from
        staff s
        join organisations o on o.id = s.organisation_id
      where
        s.id = g.staff_id
    )
  ) as organisation
from
  access_grants g
where
  participant_id = $1
order by
  valid_from,
  id;
