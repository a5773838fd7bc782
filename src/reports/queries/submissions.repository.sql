-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- SubmissionsRepository.list()
select
  id,
  kind,
  period_from::text,
  period_to::text,
  year,
  quarter,
  note,
  language,
  facts_hash,
  jsonb_array_length(facts -> 'rows')::int as facts_count,
  submitted_at,
  submitted_by,
  submitted_by_organisation,
  count(*) over ()::int as total
from
  report_submissions
where
  kind = $1
order by
  submitted_at desc,
  id
limit
  $2
offset
  $3;

-- SubmissionsRepository.find(summary)
select
  id,
  kind,
  period_from::text,
  period_to::text,
  year,
  quarter,
  note,
  language,
  facts_hash,
  jsonb_array_length(facts -> 'rows')::int as facts_count,
  submitted_at,
  submitted_by,
  submitted_by_organisation
from
  report_submissions
where
  id = $1
  and kind = $2;

-- SubmissionsRepository.find(with figures)
select
  id,
  kind,
  period_from::text,
  period_to::text,
  year,
  quarter,
  note,
  language,
  facts_hash,
  jsonb_array_length(facts -> 'rows')::int as facts_count,
  submitted_at,
  submitted_by,
  submitted_by_organisation,
  figures::text as figures
from
  report_submissions
where
  id = $1
  and kind = $2;

-- SubmissionsRepository.insert()
insert into
  report_submissions (
    partnership_id,
    kind,
    period_from,
    period_to,
    year,
    quarter,
    note,
    figures,
    facts,
    facts_hash,
    language,
    submitted_at,
    submitted_by,
    submitted_by_organisation
  )
values
  (
    app_tenant (),
    $1,
    $2,
    $3,
    $4,
    $5,
    $6,
    $7::json,
    $8::jsonb,
    $9,
    $10,
    $11,
    $12,
    $13
  )
returning
  id,
  kind,
  period_from::text,
  period_to::text,
  year,
  quarter,
  note,
  language,
  facts_hash,
  jsonb_array_length(facts -> 'rows')::int as facts_count,
  submitted_at,
  submitted_by,
  submitted_by_organisation;

-- SubmissionsRepository.storedFacts()
select
  facts
from
  report_submissions
where
  id = $1;

-- SubmissionsRepository.storedHeader()
select
  facts -> 'header' as header
from
  report_submissions
where
  id = $1;

-- SubmissionsRepository.forEachStoredRowBatch()
declare export_2 no scroll cursor for
select
  r
from
  report_submissions s,
  jsonb_array_elements(s.facts -> 'rows') with ordinality as e (r, n)
where
  s.id = $1
order by
  e.n;
fetch forward 1000
from
  export_2;
close export_2;

-- SubmissionsRepository.quarterlyFacts()
set
  local role jobteam_tenant_reader;
select
  t.participant_id,
  t.id,
  t.owner_organisation_id,
  t.referral_channel,
  t.started_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  ) as started,
  coalesce(
    t.guidance_started_at >= (
      $1::date::timestamp at time zone 'Europe/Brussels'
    )
    and t.guidance_started_at < (
      $2::date::timestamp at time zone 'Europe/Brussels'
    ),
    false
  ) as guidance_started,
  coalesce(
    t.closed_at < (
      $2::date::timestamp at time zone 'Europe/Brussels'
    ),
    false
  ) as closed,
  t.outcome,
  (
    t.closed_at is null
    or t.closed_at >= (
      $2::date::timestamp at time zone 'Europe/Brussels'
    )
  ) as active_at_end
from
  trajectories t
where
  t.partnership_id = app_tenant ()
  and t.started_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
  and (
    t.closed_at is null
    or t.closed_at >= (
      $1::date::timestamp at time zone 'Europe/Brussels'
    )
  )
order by
  t.participant_id,
  t.id;
reset role;
