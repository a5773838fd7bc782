-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- QuarterlyRepository.quarter()
set
  local role jobteam_tenant_reader;
select
  t.referral_channel,
  count(*)::int as n
from
  trajectories t
where
  t.partnership_id = app_tenant ()
  and t.started_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and t.started_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
group by
  t.referral_channel;
select
  (
    select
      count(distinct t.participant_id)
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.started_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.started_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
  )::int as reached,
  (
    select
      count(distinct t.participant_id)
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.guidance_started_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.guidance_started_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
  )::int as intensive,
  -- The first intake of the participant falls in the quarter (esf-facts.sql.ts, the ESF entry date).
  (
    select
      count(distinct t.participant_id)
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.intake_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.intake_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
      and not exists (
        select
          1
        from
          trajectories e
        where
          e.participant_id = t.participant_id
          and e.intake_at < (
            $1::date::timestamp at time zone 'Europe/Brussels'
          )
      )
  )::int as esf_entrants;
select
  count(*) filter (
    where
      t.started_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
      and (
        t.closed_at is null
        or t.closed_at >= (
          $2::date::timestamp at time zone 'Europe/Brussels'
        )
      )
  )::int as at_end,
  count(*)::int as during
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
  );
select
  t.outcome,
  count(*)::int as n
from
  trajectories t
where
  t.partnership_id = app_tenant ()
  and t.closed_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and t.closed_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
group by
  t.outcome;
select
  count(*)::int as n,
  percentile_cont(0.5) within group (
    order by
      extract(
        epoch
        from
          t.closed_at - t.started_at
      ) / 86400
  ) as median,
  percentile_cont(0.9) within group (
    order by
      extract(
        epoch
        from
          t.closed_at - t.started_at
      ) / 86400
  ) as p90
from
  trajectories t
where
  t.partnership_id = app_tenant ()
  and t.closed_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and t.closed_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  );
select
  kind,
  contacts,
  minutes
from
  app_report_contact_totals (
    (
      $1::date::timestamp at time zone 'Europe/Brussels'
    ),
    (
      $2::date::timestamp at time zone 'Europe/Brussels'
    )
  );
select
  s.id,
  s.name,
  s.organisation_id,
  o.name as organisation_name,
  s.fte::text as fte,
  -- By the assignment valid at the quarter's end: a later hand-over must not rewrite this quarter.
  (
    select
      count(*)
    from
      case_manager_assignments cma
      join trajectories t on t.id = cma.trajectory_id
    where
      cma.staff_id = s.id
      and cma.from_at <= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and (
        cma.to_at is null
        or cma.to_at > (
          $1::date::timestamp at time zone 'Europe/Brussels'
        )
      )
      and t.started_at < (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and (
        t.closed_at is null
        or t.closed_at >= (
          $1::date::timestamp at time zone 'Europe/Brussels'
        )
      )
  )::int as active
from
  staff s
  join organisations o on o.id = s.organisation_id
where
  s.partnership_id = app_tenant ()
  and s.active
  and 'coach' = any (s.roles)
order by
  o.name,
  s.name,
  s.id;
select
  target,
  milestone,
  referrals,
  accepted,
  rejected,
  median_days,
  p90_days
from
  app_report_referral_turnaround (
    (
      $1::date::timestamp at time zone 'Europe/Brussels'
    ),
    (
      $2::date::timestamp at time zone 'Europe/Brussels'
    )
  );
with
  events as (
    select
      'reached' as kind,
      t.participant_id,
      t.owner_organisation_id,
      t.referral_channel,
      t.started_at >= (
        $2::date::timestamp at time zone 'Europe/Brussels'
      ) as in_quarter
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.started_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.started_at < (
        $3::date::timestamp at time zone 'Europe/Brussels'
      )
    union all
    select
      'work',
      t.participant_id,
      t.owner_organisation_id,
      t.referral_channel,
      t.closed_at >= (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.closed_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.closed_at < (
        $3::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.outcome = 'work'
  ),
  grouped as (
    select
      case
        when grouping(e.owner_organisation_id) = 0 then 'organisation'
        when grouping(e.referral_channel) = 0 then 'channel'
        else 'all'
      end as by,
      e.owner_organisation_id as organisation_id,
      e.referral_channel,
      count(distinct e.participant_id) filter (
        where
          e.kind = 'reached'
          and e.in_quarter
      )::int as reached,
      count(distinct e.participant_id) filter (
        where
          e.kind = 'reached'
      )::int as reached_year,
      count(*) filter (
        where
          e.kind = 'work'
          and e.in_quarter
      )::int as to_work,
      count(*) filter (
        where
          e.kind = 'work'
      )::int as to_work_year
    from
      events e
    group by
      grouping sets (
        (),
        (e.owner_organisation_id),
        (e.referral_channel)
      )
  )
select
  g.*,
  o.name as organisation_name
from
  grouped g
  left join organisations o on o.id = g.organisation_id
order by
  g.by,
  o.name,
  g.referral_channel;
with
  events as (
    select
      'reached' as kind,
      t.participant_id,
      t.persona_id,
      t.started_at >= (
        $2::date::timestamp at time zone 'Europe/Brussels'
      ) as in_quarter,
      null::text as outcome
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.started_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.started_at < (
        $3::date::timestamp at time zone 'Europe/Brussels'
      )
    union all
    select
      'exit',
      t.participant_id,
      t.persona_id,
      t.closed_at >= (
        $2::date::timestamp at time zone 'Europe/Brussels'
      ),
      t.outcome
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.closed_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.closed_at < (
        $3::date::timestamp at time zone 'Europe/Brussels'
      )
  ),
  grouped as (
    select
      e.persona_id,
      count(distinct e.participant_id) filter (
        where
          e.kind = 'reached'
          and e.in_quarter
      )::int as reached,
      count(distinct e.participant_id) filter (
        where
          e.kind = 'reached'
      )::int as reached_year,
      count(*) filter (
        where
          e.kind = 'exit'
          and e.in_quarter
      )::int as exits,
      count(*) filter (
        where
          e.kind = 'exit'
      )::int as exits_year,
      count(*) filter (
        where
          e.kind = 'exit'
          and e.outcome = 'work'
          and e.in_quarter
      )::int as to_work,
      count(*) filter (
        where
          e.kind = 'exit'
          and e.outcome = 'work'
      )::int as to_work_year
    from
      events e
    group by
      e.persona_id
  )
select
  p.id as persona_id,
  p.name,
  coalesce(g.reached, 0) as reached,
  coalesce(g.reached_year, 0) as reached_year,
  coalesce(g.exits, 0) as exits,
  coalesce(g.exits_year, 0) as exits_year,
  coalesce(g.to_work, 0) as to_work,
  coalesce(g.to_work_year, 0) as to_work_year,
  0 as last
from
  personas p
  left join grouped g on g.persona_id = p.id
where
  p.partnership_id = app_tenant ()
union all
select
  null,
  null,
  g.reached,
  g.reached_year,
  g.exits,
  g.exits_year,
  g.to_work,
  g.to_work_year,
  1
from
  grouped g
where
  g.persona_id is null
order by
  last,
  name,
  persona_id;
select
  count(*)::int as active,
  count(*) filter (
    where
      t.guidance_started_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
  )::int as in_guidance,
  count(*) filter (
    where
      t.guidance_started_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
      and exists (
        select
          1
        from
          assessments a
        where
          a.trajectory_id = t.id
          and a.instrument_key = $3
          and a.kind = 'baseline'
          and a.taken_at < (
            $2::date::timestamp at time zone 'Europe/Brussels'
          )
      )
  )::int as with_baseline
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
  );
with
  moments as (
    select
      a.trajectory_id,
      min(a.taken_at) as taken_at
    from
      assessments a
    where
      a.partnership_id = app_tenant ()
      and a.instrument_key = $3
      and a.kind in ('baseline', 'review')
      and a.taken_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      ) - make_interval(months => $4::int + 1)
      and a.taken_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
    group by
      a.trajectory_id,
      a.kind,
      case
        when a.kind = 'baseline' then null
        else (a.taken_at at time zone 'Europe/Brussels')::date
      end
  ),
  periodic as (
    select
      m.trajectory_id,
      m.taken_at,
      lead(m.taken_at) over (
        partition by
          m.trajectory_id
        order by
          m.taken_at
      ) as next_at
    from
      moments m
  ),
  owed as (
    select
      p.trajectory_id,
      p.next_at,
      (
        ((p.taken_at) at time zone 'UTC') + make_interval(months => $4::int)
      ) at time zone 'UTC' as due_at
    from
      periodic p
    where
      exists (
        select
          1
        from
          assessments b
        where
          b.trajectory_id = p.trajectory_id
          and b.instrument_key = $3
          and b.kind = 'baseline'
          and b.taken_at <= p.taken_at
      )
  )
select
  count(*)::int as due,
  count(*) filter (
    where
      o.next_at <= o.due_at
  )::int as on_time
from
  owed o
  join trajectories t on t.id = o.trajectory_id
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
  and o.due_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and o.due_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
  and o.due_at < app_now ()
  and (
    t.closed_at is null
    or t.closed_at > o.due_at
  )
  and not exists (
    select
      1
    from
      assessments x
    where
      x.trajectory_id = o.trajectory_id
      and x.instrument_key = $3
      and x.kind = 'exit'
      and x.taken_at <= o.due_at
  );
with
  latest as (
    select distinct
      on (a.trajectory_id) a.trajectory_id,
      a.taken_at
    from
      assessments a
      join trajectories t on t.id = a.trajectory_id
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
      and a.instrument_key = $3
      and a.kind in ('baseline', 'review')
      and a.taken_at < (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
    order by
      a.trajectory_id,
      a.taken_at desc,
      a.id desc
  )
select
  count(*)::int as outstanding
from
  latest l
  join trajectories t on t.id = l.trajectory_id
where
  (
    ((l.taken_at) at time zone 'UTC') + make_interval(months => $4::int)
  ) at time zone 'UTC' < (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and (
    t.closed_at is null
    or t.closed_at >= least(
      (
        $2::date::timestamp at time zone 'Europe/Brussels'
      ),
      app_now ()
    )
  )
  and exists (
    select
      1
    from
      assessments b
    where
      b.trajectory_id = l.trajectory_id
      and b.instrument_key = $3
      and b.kind = 'baseline'
      and b.taken_at <= l.taken_at
  )
  and not exists (
    select
      1
    from
      assessments x
    where
      x.trajectory_id = l.trajectory_id
      and x.instrument_key = $3
      and x.taken_at > l.taken_at
      and x.taken_at < least(
        (
          $2::date::timestamp at time zone 'Europe/Brussels'
        ),
        app_now ()
      )
  );
with
  active as (
    select
      t.id
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
  ),
  baseline as (
    select distinct
      on (a.trajectory_id) a.trajectory_id,
      a.scores
    from
      assessments a
      join active on active.id = a.trajectory_id
    where
      a.instrument_key = $3
      and a.kind = 'baseline'
      and a.taken_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
      and a.perspective in ('agreed', 'participant')
    order by
      a.trajectory_id,
      a.perspective = 'agreed' desc,
      a.taken_at,
      a.id
  ),
  latest as (
    select distinct
      on (a.trajectory_id) a.trajectory_id,
      a.scores
    from
      assessments a
      join active on active.id = a.trajectory_id
    where
      a.instrument_key = $3
      and a.kind in ('review', 'exit')
      and a.taken_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
      and a.perspective in ('agreed', 'participant')
    order by
      a.trajectory_id,
      (a.taken_at at time zone 'Europe/Brussels')::date desc,
      a.kind = 'exit' desc,
      a.perspective = 'agreed' desc,
      a.taken_at desc,
      a.id
  ),
  pairs as (
    select
      b.trajectory_id,
      b.scores as baseline,
      l.scores as latest
    from
      baseline b
      join latest l on l.trajectory_id = b.trajectory_id
  )
select
  0::bigint as i,
  null::text as dimension,
  count(*)::int as n,
  null::numeric as mean_change
from
  pairs
union all
select
  d.i,
  d.key,
  count(p.trajectory_id)::int,
  avg(
    (p.latest ->> d.key)::numeric - (p.baseline ->> d.key)::numeric
  )
from
  unnest($4::text[]) with ordinality as d (key, i)
  left join pairs p on jsonb_typeof(p.baseline -> d.key) = 'number'
  and jsonb_typeof(p.latest -> d.key) = 'number'
group by
  d.i,
  d.key
order by
  i;
select
  f.satisfaction,
  count(*)::int as n
from
  participant_feedback f
where
  f.partnership_id = app_tenant ()
  and f.given_at >= (
    $1::date::timestamp at time zone 'Europe/Brussels'
  )
  and f.given_at < (
    $2::date::timestamp at time zone 'Europe/Brussels'
  )
group by
  f.satisfaction;
with
  exits as (
    select
      t.id,
      (t.closed_at at time zone 'Europe/Brussels')::date as exit_date
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.outcome = 'work'
      and t.closed_at >= (
        $1::date::timestamp at time zone 'Europe/Brussels'
      )
      and t.closed_at < (
        $2::date::timestamp at time zone 'Europe/Brussels'
      )
  )
select
  count(*)::int as exits,
  count(pl.id)::int as with_placement,
  count(pl.id) filter (
    where
      (
        pl.end_date is null
        or pl.end_date >= pl.start_date + interval '4 months'
      )
  )::int as sustainable
from
  exits e
  left join lateral (
    select
      p.id,
      p.start_date,
      p.end_date
    from
      placements p
    where
      p.trajectory_id = e.id
      and (
        p.exit
        or (
          p.kind in ('job', 'twe_art60')
          and p.start_date <= e.exit_date
          and (
            p.end_date is null
            or p.end_date >= e.exit_date
          )
        )
      )
    order by
      p.exit desc,
      p.end_date desc nulls first
    limit
      1
  ) pl on true;
select
  dimension,
  value,
  contacts::int as contacts
from
  app_report_contact_places (
    (
      $1::date::timestamp at time zone 'Europe/Brussels'
    ),
    (
      $2::date::timestamp at time zone 'Europe/Brussels'
    )
  )
order by
  dimension,
  value;
reset role;
