-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- AssessmentReportsRepository.periodScores(team)
set
  local role jobteam_tenant_reader;
with
  measured as (
    select distinct
      a.trajectory_id
    from
      assessments a
    where
      a.partnership_id = app_tenant ()
      and a.instrument_key = $1
      and a.taken_at >= cast($2 as date)::timestamp at time zone 'Europe/Brussels'
      and a.taken_at < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels'
  )
select
  a.trajectory_id,
  tr.team_id,
  tr.owner_organisation_id,
  a.kind,
  a.perspective,
  a.taken_at,
  a.scores
from
  assessments a
  join measured m on m.trajectory_id = a.trajectory_id
  join trajectories tr on tr.id = a.trajectory_id
where
  a.instrument_key = $1
  and a.taken_at < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels';
select
  id,
  name
from
  teams
where
  partnership_id = app_tenant ();
reset role;

-- AssessmentReportsRepository.periodScores(partnership)
set
  local role jobteam_tenant_reader;
with
  measured as (
    select distinct
      a.trajectory_id
    from
      assessments a
    where
      a.partnership_id = app_tenant ()
      and a.instrument_key = $1
      and a.taken_at >= cast($2 as date)::timestamp at time zone 'Europe/Brussels'
      and a.taken_at < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels'
  )
select
  a.trajectory_id,
  tr.team_id,
  tr.owner_organisation_id,
  a.kind,
  a.perspective,
  a.taken_at,
  a.scores
from
  assessments a
  join measured m on m.trajectory_id = a.trajectory_id
  join trajectories tr on tr.id = a.trajectory_id
where
  a.instrument_key = $1
  and a.taken_at < (cast($3 as date) + 1)::timestamp at time zone 'Europe/Brussels';
select
  id,
  name
from
  partnerships
where
  id = app_tenant ();
reset role;

-- AssessmentReportsRepository.overdue(caseload)
with
  spec as (
    select
      *
    from
      unnest($1::text[], $2::int[], $3::int[]) as s (key, baseline_weeks, review_months)
  ),
  state as (
    select
      tr.id,
      tr.participant_id,
      tr.case_manager_id,
      tr.team_id,
      tr.guidance_started_at,
      s.key,
      s.baseline_weeks,
      s.review_months,
      max(a.taken_at) filter (
        where
          a.kind in ('baseline', 'review')
      ) as last_periodic,
      coalesce(bool_or(a.kind = 'baseline'), false) as has_baseline,
      coalesce(bool_or(a.kind = 'exit'), false) as has_exit,
      count(a.id) as used
    from
      trajectories tr
      cross join spec s
      left join assessments a on a.trajectory_id = tr.id
      and a.instrument_key = s.key
    where
      tr.partnership_id = app_tenant ()
      and tr.status <> 'afgesloten'
      and (
        $4::uuid is null
        or tr.team_id = $4::uuid
      )
      and (
        $5::uuid is null
        or tr.case_manager_id = $5::uuid
      )
    group by
      tr.id,
      s.key,
      s.baseline_weeks,
      s.review_months
  ),
  due as (
    select
      state.*,
      case
        when has_baseline then 'review'
        else 'baseline'
      end as kind,
      case
        when has_baseline then (
          ((last_periodic) at time zone 'UTC') + make_interval(months => review_months)
        ) at time zone 'UTC'
        else (
          guidance_started_at + make_interval(weeks => baseline_weeks)
        )
      end as due_at
    from
      state
    where
      not has_exit
      and (
        key = any ($6::text[])
        or used > 0
      )
  )
select
  id as trajectory_id,
  participant_id,
  case_manager_id,
  team_id,
  key as instrument,
  kind,
  due_at,
  (count(*) over ())::int as total
from
  due
where
  due_at < app_now ()
order by
  due_at,
  id,
  key
limit
  $7
offset
  $8;

-- AssessmentReportsRepository.overdue(partnership)
set
  local role jobteam_tenant_reader;
with
  spec as (
    select
      *
    from
      unnest($1::text[], $2::int[], $3::int[]) as s (key, baseline_weeks, review_months)
  ),
  state as (
    select
      tr.id,
      tr.participant_id,
      tr.case_manager_id,
      tr.team_id,
      tr.guidance_started_at,
      s.key,
      s.baseline_weeks,
      s.review_months,
      max(a.taken_at) filter (
        where
          a.kind in ('baseline', 'review')
      ) as last_periodic,
      coalesce(bool_or(a.kind = 'baseline'), false) as has_baseline,
      coalesce(bool_or(a.kind = 'exit'), false) as has_exit,
      count(a.id) as used
    from
      trajectories tr
      cross join spec s
      left join assessments a on a.trajectory_id = tr.id
      and a.instrument_key = s.key
    where
      tr.partnership_id = app_tenant ()
      and tr.status <> 'afgesloten'
      and (
        $4::uuid is null
        or tr.team_id = $4::uuid
      )
      and (
        $5::uuid is null
        or tr.case_manager_id = $5::uuid
      )
    group by
      tr.id,
      s.key,
      s.baseline_weeks,
      s.review_months
  ),
  due as (
    select
      state.*,
      case
        when has_baseline then 'review'
        else 'baseline'
      end as kind,
      case
        when has_baseline then (
          ((last_periodic) at time zone 'UTC') + make_interval(months => review_months)
        ) at time zone 'UTC'
        else (
          guidance_started_at + make_interval(weeks => baseline_weeks)
        )
      end as due_at
    from
      state
    where
      not has_exit
      and (
        key = any ($6::text[])
        or used > 0
      )
  )
select
  id as trajectory_id,
  participant_id,
  case_manager_id,
  team_id,
  key as instrument,
  kind,
  due_at,
  (count(*) over ())::int as total
from
  due
where
  due_at < app_now ()
order by
  due_at,
  id,
  key
limit
  $7
offset
  $8;
reset role;
