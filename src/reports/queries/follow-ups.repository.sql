-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- FollowUpsRepository.insert()
INSERT INTO
  "follow_ups" (
    "id",
    "partnership_id",
    "trajectory_id",
    "participant_id",
    "at",
    "situation",
    "improved_situation",
    "note",
    "recorded_by",
    "created_at"
  )
VALUES
  (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, DEFAULT)
RETURNING
  "id",
  "created_at";

-- FollowUpsRepository.due()
set
  local role jobteam_tenant_reader;
with
  leavers as (
    select
      t.participant_id,
      t.id as trajectory_id,
      t.case_manager_id,
      (t.closed_at at time zone 'Europe/Brussels')::date as exit_date
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.closed_at >= app_now () - interval '7 months 1 day'
      and not exists (
        select
          1
        from
          trajectories n
        where
          n.participant_id = t.participant_id
          and n.id <> t.id
          and (
            n.closed_at is null
            or n.closed_at > t.closed_at
            or (
              n.closed_at = t.closed_at
              and n.id > t.id
            )
          )
      )
  ),
  windows as (
    select
      l.*,
      'upon_leaving' as
    window
,
      (l.exit_date + interval '0 months')::date + (0) as opens,
      (l.exit_date + interval '0 months')::date + (28) as closes,
      (l.exit_date + interval '0 months')::date + 28 as due
    from
      leavers l
    union all
    select
      l.*,
      'six_months' as
    window
,
      (l.exit_date + interval '6 months')::date + (-28) as opens,
      (l.exit_date + interval '6 months')::date + (28) as closes,
      (l.exit_date + interval '6 months')::date + 0 as due
    from
      leavers l
  )
select
  w.participant_id,
  w.trajectory_id,
  w.window,
  w.exit_date::text as exit_date,
  w.opens::text as opens,
  w.closes::text as closes,
  w.due::text as due,
  w.opens <= (app_now () at time zone 'Europe/Brussels')::date as open,
  w.case_manager_id,
  s.name as case_manager_name,
  count(*) over ()::int as total
from
  windows w
  left join staff s on s.id = w.case_manager_id
where
  w.closes >= (app_now () at time zone 'Europe/Brussels')::date
  and w.opens <= (app_now () at time zone 'Europe/Brussels')::date + 14
  and not exists (
    select
      1
    from
      follow_ups fu
    where
      fu.participant_id = w.participant_id
      and fu.at between w.opens and w.closes
  )
order by
  w.due,
  w.participant_id,
  w.window
limit
  $1
offset
  $2;
reset role;
