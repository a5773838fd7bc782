-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- EsfRepository.aggregate()
set
  local role jobteam_tenant_reader;
select
  f.gender,
  count(*) filter (
    where
      f.entered
  )::int as entered,
  count(*) filter (
    where
      f.entered
      and f.complete
  )::int as entered_complete,
  count(*) filter (
    where
      f.left_in_period
  )::int as left_in_period,
  count(*) filter (
    where
      f.left_six_months_before
  )::int as left_six_months_before,
  count(*) filter (
    where
      f.left_in_period
      and cardinality(f.situations_upon_leaving) > 0
  )::int as followed_up_upon_leaving,
  count(*) filter (
    where
      f.left_six_months_before
      and cardinality(f.situations_six_months) > 0
  )::int as followed_up_six_months,
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.labour_status is not null), false)
      )
  )::int as "EECO01",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.labour_status is not null), false)
        and (f.labour_status is null)
      )
  )::int as "EECO01_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.labour_status = 'unemployed'), false)
      )
  )::int as "EECO02",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.labour_status = 'unemployed'), false)
        and (f.labour_status is null)
      )
  )::int as "EECO02_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce(
          (
            f.labour_status = 'unemployed'
            and f.long_term_unemployed is true
          ),
          false
        )
      )
  )::int as "EECO03",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce(
          (
            f.labour_status = 'unemployed'
            and f.long_term_unemployed is true
          ),
          false
        )
        and (
          f.labour_status is null
          or (
            f.labour_status = 'unemployed'
            and f.long_term_unemployed is null
          )
        )
      )
  )::int as "EECO03_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce(
          (f.labour_status in ('inactive', 'in_education')),
          false
        )
      )
  )::int as "EECO04",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce(
          (f.labour_status in ('inactive', 'in_education')),
          false
        )
        and (f.labour_status is null)
      )
  )::int as "EECO04_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce(
          (f.labour_status in ('employed', 'self_employed')),
          false
        )
      )
  )::int as "EECO05",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce(
          (f.labour_status in ('employed', 'self_employed')),
          false
        )
        and (f.labour_status is null)
      )
  )::int as "EECO05_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce(
          (
            date_part(
              'year',
              age (f.entry_date::date, f.birth_date::date)
            ) < 18
          ),
          false
        )
      )
  )::int as "EECO06",
  count(*) filter (
    where
      false
  )::int as "EECO06_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce(
          (
            date_part(
              'year',
              age (f.entry_date::date, f.birth_date::date)
            ) between 18 and 29
          ),
          false
        )
      )
  )::int as "EECO07",
  count(*) filter (
    where
      false
  )::int as "EECO07_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce(
          (
            date_part(
              'year',
              age (f.entry_date::date, f.birth_date::date)
            ) >= 55
          ),
          false
        )
      )
  )::int as "EECO08",
  count(*) filter (
    where
      false
  )::int as "EECO08_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.education_level = 'isced_0_2'), false)
      )
  )::int as "EECO09",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.education_level = 'isced_0_2'), false)
        and (f.education_level is null)
      )
  )::int as "EECO09_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.education_level = 'isced_3_4'), false)
      )
  )::int as "EECO10",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.education_level = 'isced_3_4'), false)
        and (f.education_level is null)
      )
  )::int as "EECO10_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.education_level = 'isced_5_8'), false)
      )
  )::int as "EECO11",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.education_level = 'isced_5_8'), false)
        and (f.education_level is null)
      )
  )::int as "EECO11_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.disability = 'yes'), false)
      )
  )::int as "EECO12",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.disability = 'yes'), false)
        and (
          f.disability is null
          or f.disability = 'declined'
        )
      )
  )::int as "EECO12_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.third_country_national is true), false)
      )
  )::int as "EECO13",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.third_country_national is true), false)
        and (f.third_country_national is null)
      )
  )::int as "EECO13_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.foreign_background is true), false)
      )
  )::int as "EECO14",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.foreign_background is true), false)
        and (f.foreign_background is null)
      )
  )::int as "EECO14_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.minority = 'yes'), false)
      )
  )::int as "EECO15",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.minority = 'yes'), false)
        and (
          f.minority is null
          or f.minority = 'declined'
        )
      )
  )::int as "EECO15_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.homeless_or_housing_exclusion is true), false)
      )
  )::int as "EECO16",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.homeless_or_housing_exclusion is true), false)
        and (f.homeless_or_housing_exclusion is null)
      )
  )::int as "EECO16_unknown",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and coalesce((f.rural_area is true), false)
      )
  )::int as "EECO17",
  count(*) filter (
    where
      (
        f.entered
        and f.complete
        and not coalesce((f.rural_area is true), false)
        and (f.rural_area is null)
      )
  )::int as "EECO17_unknown",
  count(*) filter (
    where
      (
        f.left_in_period
        and f.complete
        and coalesce(
          ('job_searching' = any (f.situations_upon_leaving)),
          false
        )
      )
  )::int as "EECR01",
  count(*) filter (
    where
      false
  )::int as "EECR01_unknown",
  count(*) filter (
    where
      (
        f.left_in_period
        and f.complete
        and coalesce(
          (
            f.exit_outcome = 'education'
            or 'education_training' = any (f.situations_upon_leaving)
          ),
          false
        )
      )
  )::int as "EECR02",
  count(*) filter (
    where
      false
  )::int as "EECR02_unknown",
  count(*) filter (
    where
      (
        f.left_in_period
        and f.complete
        and coalesce(
          ('qualification' = any (f.situations_upon_leaving)),
          false
        )
      )
  )::int as "EECR03",
  count(*) filter (
    where
      false
  )::int as "EECR03_unknown",
  count(*) filter (
    where
      (
        f.left_in_period
        and f.complete
        and coalesce(
          (
            f.exit_outcome = 'work'
            or f.situations_upon_leaving && array['employed', 'self_employed']::text[]
          ),
          false
        )
      )
  )::int as "EECR04",
  count(*) filter (
    where
      false
  )::int as "EECR04_unknown",
  count(*) filter (
    where
      (
        f.left_six_months_before
        and f.complete
        and coalesce(
          (
            f.situations_six_months && array['employed', 'self_employed']::text[]
          ),
          false
        )
      )
  )::int as "EECR05",
  count(*) filter (
    where
      false
  )::int as "EECR05_unknown",
  count(*) filter (
    where
      (
        f.left_six_months_before
        and f.complete
        and coalesce(
          (
            f.improved_six_months
            and f.labour_status in ('employed', 'self_employed')
          ),
          false
        )
      )
  )::int as "EECR06",
  count(*) filter (
    where
      false
  )::int as "EECR06_unknown"
from
  (
    with
      leavers as (
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.closed_at is not null
          and (
            (
              t.closed_at >= (
                ($1::date)::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
              )
            )
            or (
              t.closed_at >= (
                (
                  $1::date - interval '6 months' - interval '4 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                (
                  $2::date - interval '6 months' + interval '5 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
            )
          )
      ),
      intakes as (
        -- Any intake in the period; the first intake decides below whether it is the ESF entry.
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.intake_at is not null
          and t.intake_at >= (
            ($1::date)::timestamp at time zone 'Europe/Brussels'
          )
          and t.intake_at < (
            ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
          )
      ),
      ids as (
        select
          participant_id as id
        from
          intakes
        union
        select
          participant_id
        from
          leavers
      ),
      base as (
        select
          p.*,
          entry.esf_entry_date,
          last.exit_date,
          last.outcome as exit_outcome,
          last.outcome_kind as exit_outcome_kind
        from
          ids
          join participants p on p.id = ids.id
          -- The ESF entry date: the first intake of any of the participant's trajectories.
          join lateral (
            select
              (min(t.intake_at) at time zone 'Europe/Brussels')::date as esf_entry_date
            from
              trajectories t
            where
              t.participant_id = p.id
          ) entry on entry.esf_entry_date is not null
          left join lateral (
            -- The last trajectory: an open one first (then there is no exit), else the latest closing.
            select
              (t.closed_at at time zone 'Europe/Brussels')::date as exit_date,
              t.outcome,
              t.outcome_kind
            from
              trajectories t
            where
              t.participant_id = p.id
            order by
              t.closed_at desc nulls first,
              t.id desc
            limit
              1
          ) last on true
      )
    select
      b.id as participant_id,
      b.gender,
      b.birth_date::text as birth_date,
      b.esf_entry_date::text as entry_date,
      b.exit_date::text as exit_date,
      b.pseudonymised_at is not null as pseudonymised,
      b.esf_entry_date between $1::date and $2::date as entered,
      (
        b.gender is not null
        and b.birth_date is not null
        and b.labour_status is not null
        and b.education_level is not null
      ) as complete,
      coalesce(b.exit_date between $1::date and $2::date, false) as left_in_period,
      coalesce(
        (b.exit_date + interval '6 months')::date between $1::date and $2::date,
        false
      ) as left_six_months_before,
      b.labour_status,
      b.long_term_unemployed,
      b.education_level,
      b.third_country_national,
      b.foreign_background,
      b.homeless_or_housing_exclusion,
      b.rural_area,
      b.disability,
      b.minority,
      b.exit_outcome,
      b.exit_outcome_kind,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '0 months')::date + (0) and (b.exit_date + interval '0 months')::date + (28)
        ),
        '{}'
      ) as situations_upon_leaving,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        '{}'
      ) as situations_six_months,
      coalesce(
        (
          select
            bool_or(fu.improved_situation)
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        false
      ) as improved_six_months
    from
      base b
  ) f
group by
  f.gender;
reset role;

-- EsfRepository.participants(counted)
set
  local role jobteam_tenant_reader;
select
  f.participant_id,
  f.pseudonymised,
  count(*) over ()::int as total
from
  (
    with
      leavers as (
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.closed_at is not null
          and (
            (
              t.closed_at >= (
                ($1::date)::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
              )
            )
            or (
              t.closed_at >= (
                (
                  $1::date - interval '6 months' - interval '4 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                (
                  $2::date - interval '6 months' + interval '5 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
            )
          )
      ),
      intakes as (
        -- Any intake in the period; the first intake decides below whether it is the ESF entry.
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.intake_at is not null
          and t.intake_at >= (
            ($1::date)::timestamp at time zone 'Europe/Brussels'
          )
          and t.intake_at < (
            ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
          )
      ),
      ids as (
        select
          participant_id as id
        from
          intakes
        union
        select
          participant_id
        from
          leavers
      ),
      base as (
        select
          p.*,
          entry.esf_entry_date,
          last.exit_date,
          last.outcome as exit_outcome,
          last.outcome_kind as exit_outcome_kind
        from
          ids
          join participants p on p.id = ids.id
          -- The ESF entry date: the first intake of any of the participant's trajectories.
          join lateral (
            select
              (min(t.intake_at) at time zone 'Europe/Brussels')::date as esf_entry_date
            from
              trajectories t
            where
              t.participant_id = p.id
          ) entry on entry.esf_entry_date is not null
          left join lateral (
            -- The last trajectory: an open one first (then there is no exit), else the latest closing.
            select
              (t.closed_at at time zone 'Europe/Brussels')::date as exit_date,
              t.outcome,
              t.outcome_kind
            from
              trajectories t
            where
              t.participant_id = p.id
            order by
              t.closed_at desc nulls first,
              t.id desc
            limit
              1
          ) last on true
      )
    select
      b.id as participant_id,
      b.gender,
      b.birth_date::text as birth_date,
      b.esf_entry_date::text as entry_date,
      b.exit_date::text as exit_date,
      b.pseudonymised_at is not null as pseudonymised,
      b.esf_entry_date between $1::date and $2::date as entered,
      (
        b.gender is not null
        and b.birth_date is not null
        and b.labour_status is not null
        and b.education_level is not null
      ) as complete,
      coalesce(b.exit_date between $1::date and $2::date, false) as left_in_period,
      coalesce(
        (b.exit_date + interval '6 months')::date between $1::date and $2::date,
        false
      ) as left_six_months_before,
      b.labour_status,
      b.long_term_unemployed,
      b.education_level,
      b.third_country_national,
      b.foreign_background,
      b.homeless_or_housing_exclusion,
      b.rural_area,
      b.disability,
      b.minority,
      b.exit_outcome,
      b.exit_outcome_kind,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '0 months')::date + (0) and (b.exit_date + interval '0 months')::date + (28)
        ),
        '{}'
      ) as situations_upon_leaving,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        '{}'
      ) as situations_six_months,
      coalesce(
        (
          select
            bool_or(fu.improved_situation)
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        false
      ) as improved_six_months
    from
      base b
  ) f
where
  (
    f.entered
    and f.complete
    and coalesce((f.labour_status = 'unemployed'), false)
  )
order by
  f.participant_id
limit
  $3
offset
  $4;
reset role;

-- EsfRepository.participants(unknown by gender)
set
  local role jobteam_tenant_reader;
select
  f.participant_id,
  f.pseudonymised,
  count(*) over ()::int as total
from
  (
    with
      leavers as (
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.closed_at is not null
          and (
            (
              t.closed_at >= (
                ($1::date)::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
              )
            )
            or (
              t.closed_at >= (
                (
                  $1::date - interval '6 months' - interval '4 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                (
                  $2::date - interval '6 months' + interval '5 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
            )
          )
      ),
      intakes as (
        -- Any intake in the period; the first intake decides below whether it is the ESF entry.
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.intake_at is not null
          and t.intake_at >= (
            ($1::date)::timestamp at time zone 'Europe/Brussels'
          )
          and t.intake_at < (
            ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
          )
      ),
      ids as (
        select
          participant_id as id
        from
          intakes
        union
        select
          participant_id
        from
          leavers
      ),
      base as (
        select
          p.*,
          entry.esf_entry_date,
          last.exit_date,
          last.outcome as exit_outcome,
          last.outcome_kind as exit_outcome_kind
        from
          ids
          join participants p on p.id = ids.id
          -- The ESF entry date: the first intake of any of the participant's trajectories.
          join lateral (
            select
              (min(t.intake_at) at time zone 'Europe/Brussels')::date as esf_entry_date
            from
              trajectories t
            where
              t.participant_id = p.id
          ) entry on entry.esf_entry_date is not null
          left join lateral (
            -- The last trajectory: an open one first (then there is no exit), else the latest closing.
            select
              (t.closed_at at time zone 'Europe/Brussels')::date as exit_date,
              t.outcome,
              t.outcome_kind
            from
              trajectories t
            where
              t.participant_id = p.id
            order by
              t.closed_at desc nulls first,
              t.id desc
            limit
              1
          ) last on true
      )
    select
      b.id as participant_id,
      b.gender,
      b.birth_date::text as birth_date,
      b.esf_entry_date::text as entry_date,
      b.exit_date::text as exit_date,
      b.pseudonymised_at is not null as pseudonymised,
      b.esf_entry_date between $1::date and $2::date as entered,
      (
        b.gender is not null
        and b.birth_date is not null
        and b.labour_status is not null
        and b.education_level is not null
      ) as complete,
      coalesce(b.exit_date between $1::date and $2::date, false) as left_in_period,
      coalesce(
        (b.exit_date + interval '6 months')::date between $1::date and $2::date,
        false
      ) as left_six_months_before,
      b.labour_status,
      b.long_term_unemployed,
      b.education_level,
      b.third_country_national,
      b.foreign_background,
      b.homeless_or_housing_exclusion,
      b.rural_area,
      b.disability,
      b.minority,
      b.exit_outcome,
      b.exit_outcome_kind,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '0 months')::date + (0) and (b.exit_date + interval '0 months')::date + (28)
        ),
        '{}'
      ) as situations_upon_leaving,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        '{}'
      ) as situations_six_months,
      coalesce(
        (
          select
            bool_or(fu.improved_situation)
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        false
      ) as improved_six_months
    from
      base b
  ) f
where
  (
    f.entered
    and f.complete
    and not coalesce((f.labour_status = 'unemployed'), false)
    and (f.labour_status is null)
  )
  and f.gender = $5
order by
  f.participant_id
limit
  $3
offset
  $4;
reset role;

-- EsfRepository.forEachRowBatch()
set
  local role jobteam_tenant_reader;
declare export_1 no scroll cursor for
select
  *
from
  (
    with
      leavers as (
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.closed_at is not null
          and (
            (
              t.closed_at >= (
                ($1::date)::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
              )
            )
            or (
              t.closed_at >= (
                (
                  $1::date - interval '6 months' - interval '4 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
              and t.closed_at < (
                (
                  $2::date - interval '6 months' + interval '5 days'
                )::timestamp at time zone 'Europe/Brussels'
              )
            )
          )
      ),
      intakes as (
        -- Any intake in the period; the first intake decides below whether it is the ESF entry.
        select
          t.participant_id
        from
          trajectories t
        where
          t.partnership_id = app_tenant ()
          and t.intake_at is not null
          and t.intake_at >= (
            ($1::date)::timestamp at time zone 'Europe/Brussels'
          )
          and t.intake_at < (
            ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
          )
      ),
      ids as (
        select
          participant_id as id
        from
          intakes
        union
        select
          participant_id
        from
          leavers
      ),
      base as (
        select
          p.*,
          entry.esf_entry_date,
          last.exit_date,
          last.outcome as exit_outcome,
          last.outcome_kind as exit_outcome_kind
        from
          ids
          join participants p on p.id = ids.id
          -- The ESF entry date: the first intake of any of the participant's trajectories.
          join lateral (
            select
              (min(t.intake_at) at time zone 'Europe/Brussels')::date as esf_entry_date
            from
              trajectories t
            where
              t.participant_id = p.id
          ) entry on entry.esf_entry_date is not null
          left join lateral (
            -- The last trajectory: an open one first (then there is no exit), else the latest closing.
            select
              (t.closed_at at time zone 'Europe/Brussels')::date as exit_date,
              t.outcome,
              t.outcome_kind
            from
              trajectories t
            where
              t.participant_id = p.id
            order by
              t.closed_at desc nulls first,
              t.id desc
            limit
              1
          ) last on true
      )
    select
      b.id as participant_id,
      b.gender,
      b.birth_date::text as birth_date,
      b.esf_entry_date::text as entry_date,
      b.exit_date::text as exit_date,
      b.pseudonymised_at is not null as pseudonymised,
      b.esf_entry_date between $1::date and $2::date as entered,
      (
        b.gender is not null
        and b.birth_date is not null
        and b.labour_status is not null
        and b.education_level is not null
      ) as complete,
      coalesce(b.exit_date between $1::date and $2::date, false) as left_in_period,
      coalesce(
        (b.exit_date + interval '6 months')::date between $1::date and $2::date,
        false
      ) as left_six_months_before,
      b.labour_status,
      b.long_term_unemployed,
      b.education_level,
      b.third_country_national,
      b.foreign_background,
      b.homeless_or_housing_exclusion,
      b.rural_area,
      b.disability,
      b.minority,
      b.exit_outcome,
      b.exit_outcome_kind,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '0 months')::date + (0) and (b.exit_date + interval '0 months')::date + (28)
        ),
        '{}'
      ) as situations_upon_leaving,
      coalesce(
        (
          select
            array_agg(
              fu.situation
              order by
                fu.at
            )
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        '{}'
      ) as situations_six_months,
      coalesce(
        (
          select
            bool_or(fu.improved_situation)
          from
            follow_ups fu
          where
            fu.participant_id = b.id
            and fu.at between (b.exit_date + interval '6 months')::date + (-28) and (b.exit_date + interval '6 months')::date + (28)
        ),
        false
      ) as improved_six_months
    from
      base b
  ) f
where
  f.entered
  or f.left_in_period
  or f.left_six_months_before
order by
  f.entry_date,
  f.participant_id;
fetch forward 1000
from
  export_1;
close export_1;
reset role;
