-- NOTE: written by `npm run sql:sync`; do not edit by hand.

-- DataQualityRepository.checks()
set
  local role jobteam_tenant_reader;
with
  silent as (
    select distinct
      participant_id
    from
      app_report_silent_trajectories ($1::timestamptz - interval '90 days')
  ),
  no_baseline as (
    select distinct
      t.participant_id
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.status in ('begeleiding', 'nazorg')
      and (
        t.guidance_started_at + make_interval(weeks => $4::int)
      ) < $1::timestamptz
      and not exists (
        select
          1
        from
          assessments a
        where
          a.trajectory_id = t.id
          and a.instrument_key = $5
          and a.kind = 'baseline'
      )
  ),
  intake as (
    select distinct
      t.participant_id
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
      and t.intake_at is not null
  ),
  signed_up as (
    select
      t.participant_id,
      min(t.started_at) as at
    from
      trajectories t
    where
      t.partnership_id = app_tenant ()
    group by
      t.participant_id
  ),
  live_basis as (
    select distinct
      c.participant_id
    from
      consents c
    where
      c.partnership_id = app_tenant ()
      and c.scope = 'special_categories'
      and c.withdrawn_at is null
      and c.given_at <= $1::timestamptz
  ),
  health_notes as (
    select distinct
      l.participant_id
    from
      life_domains l
    where
      l.partnership_id = app_tenant ()
      and l.domain in ('health', 'mental_health')
      and l.note is not null
  ),
  no_outcome as (
    select distinct
      participant_id
    from
      trajectories
    where
      partnership_id = app_tenant ()
      and (
        status = 'afgesloten'
        or closed_at is not null
      )
      and outcome is null
  ),
  checked as (
    select
      p.id,
      p.entry_date,
      array_remove(
        array[
          case
            when p.labour_status is null then 'labour_status_missing'
          end,
          case
            when p.education_level is null then 'education_level_missing'
          end,
          case
            when p.labour_status = 'unemployed'
            and p.long_term_unemployed is null then 'long_term_unemployed_missing'
          end,
          case
            when p.long_term_unemployed
            and p.labour_status is distinct from 'unemployed' then 'long_term_without_unemployed'
          end,
          case
            when p.third_country_national
            and p.nationality in (
              'AT',
              'BE',
              'BG',
              'CY',
              'CZ',
              'DE',
              'DK',
              'EE',
              'ES',
              'FI',
              'FR',
              'GR',
              'HR',
              'HU',
              'IE',
              'IT',
              'LT',
              'LU',
              'LV',
              'MT',
              'NL',
              'PL',
              'PT',
              'RO',
              'SE',
              'SI',
              'SK'
            ) then 'eu_national_third_country'
          end,
          case
            when p.labour_status = 'in_education'
            and date_part('year', age (p.entry_date, p.birth_date)) >= 18 then 'adult_in_education'
          end,
          case
            when p.entry_date < p.birth_date then 'entry_before_birth'
          end,
          case
            when p.third_country_national is null then 'third_country_national_missing'
          end,
          case
            when p.foreign_background is null then 'foreign_background_missing'
          end,
          case
            when p.homeless_or_housing_exclusion is null then 'homeless_missing'
          end,
          case
            when p.rural_area is null then 'rural_area_missing'
          end,
          case
            when p.disability is null
            or p.minority is null then 'special_category_not_asked'
          end,
          case
            when p.id in (
              select
                participant_id
              from
                no_outcome
            ) then 'closed_without_outcome'
          end,
          case
            when p.id in (
              select
                participant_id
              from
                silent
            ) then 'no_contact_90_days'
          end,
          case
            when p.id in (
              select
                participant_id
              from
                no_baseline
            ) then 'empowerment_baseline_missing'
          end,
          -- A record without a trajectory counts from its entry date (the day it was recorded).
          case
            when i.participant_id is null
            and coalesce(
              s.at,
              p.entry_date::timestamp at time zone 'Europe/Brussels'
            ) < $1::timestamptz - interval '60 days' then 'never_reached_intake'
          end,
          case
            when i.participant_id is not null
            and (
              p.gender is null
              or p.birth_date is null
              or p.labour_status is null
              or p.education_level is null
            ) then 'esf_entry_data_incomplete'
          end,
          case
            when b.participant_id is null
            and (
              p.disability in ('yes', 'no')
              or p.minority in ('yes', 'no')
              or p.id in (
                select
                  participant_id
                from
                  health_notes
              )
            ) then 'special_category_without_basis'
          end
        ],
        null
      ) as reasons
    from
      participants p
      left join intake i on i.participant_id = p.id
      left join signed_up s on s.participant_id = p.id
      left join live_basis b on b.participant_id = p.id
    where
      p.partnership_id = app_tenant ()
  )
select
  c.id as participant_id,
  c.reasons,
  count(*) over ()::int as total
from
  checked c
where
  cardinality(c.reasons) > 0
order by
  c.entry_date desc,
  c.id
limit
  $2
offset
  $3;
reset role;
