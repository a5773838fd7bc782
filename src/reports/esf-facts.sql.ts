import { FOLLOW_UP_WINDOWS } from './esf-indicators';

const TZ = `'Europe/Brussels'`;
const localMidnight = (dateExpr: string) => `((${dateExpr})::timestamp at time zone ${TZ})`;

const upon = FOLLOW_UP_WINDOWS.upon_leaving;
const six = FOLLOW_UP_WINDOWS.six_months;
/** Follow-ups of the participant dated inside a window around exit date (+ months). */
const followUps = (select: string, w: { fromDays: number; toDays: number; monthsAfterExit: number }) =>
  `(select ${select} from follow_ups fu where fu.participant_id = b.id
     and fu.at between (b.exit_date + interval '${w.monthsAfterExit} months')::date + (${w.fromDays})
                   and (b.exit_date + interval '${w.monthsAfterExit} months')::date + (${w.toDays}))`;

/**
 * One row of facts per ESF participant relevant to the period $1..$2 (local dates, inclusive):
 * those who entered in it, those whose final exit falls in it, and those whose final exit lies six
 * months before a day of it. Run as the tenant reader. The candidate entrants and leavers are found
 * through the intake_at and closed_at indexes; the precise cohort tests then use local dates.
 *
 * Counting rules (ESF_COUNTING_RULES): a person is an ESF participant from the day their first
 * trajectory reaches intake, which is their ESF entry date; a record that never reached intake is
 * reached, not a participant, and has no row here. One row per participant, so re-entry counts once;
 * output data are the entry data, at the first entry; the exit is the closing of the participant's
 * last trajectory and there is none while any trajectory is open (EC rule: results follow the final
 * exit). `complete` says whether the non-sensitive entry data (gender, birth date, labour status,
 * education level) are all recorded: an incomplete record counts in the grand total only.
 */
export const ESF_FACTS_SQL = `
  with leavers as (
    select t.participant_id from trajectories t
     where t.partnership_id = app_tenant() and t.closed_at is not null
       and ((t.closed_at >= ${localMidnight('$1::date')} and t.closed_at < ${localMidnight('$2::date + 1')})
         or (t.closed_at >= ${localMidnight(`$1::date - interval '6 months' - interval '4 days'`)}
             and t.closed_at < ${localMidnight(`$2::date - interval '6 months' + interval '5 days'`)}))
  ), intakes as (
    -- Any intake in the period; the first intake decides below whether it is the ESF entry.
    select t.participant_id from trajectories t
     where t.partnership_id = app_tenant() and t.intake_at is not null
       and t.intake_at >= ${localMidnight('$1::date')} and t.intake_at < ${localMidnight('$2::date + 1')}
  ), ids as (
    select participant_id as id from intakes
    union
    select participant_id from leavers
  ), base as (
    select p.*, entry.esf_entry_date, last.exit_date, last.outcome as exit_outcome,
           last.outcome_kind as exit_outcome_kind
      from ids join participants p on p.id = ids.id
      -- The ESF entry date: the first intake of any of the participant's trajectories.
      join lateral (
        select (min(t.intake_at) at time zone ${TZ})::date as esf_entry_date
          from trajectories t where t.participant_id = p.id
      ) entry on entry.esf_entry_date is not null
      left join lateral (
        -- The last trajectory: an open one first (then there is no exit), else the latest closing.
        select (t.closed_at at time zone ${TZ})::date as exit_date, t.outcome, t.outcome_kind
          from trajectories t where t.participant_id = p.id
         order by t.closed_at desc nulls first, t.id desc limit 1
      ) last on true
  )
  select b.id as participant_id, b.gender, b.birth_date::text as birth_date, b.esf_entry_date::text as entry_date,
         b.exit_date::text as exit_date, b.pseudonymised_at is not null as pseudonymised,
         b.esf_entry_date between $1::date and $2::date as entered,
         (b.gender is not null and b.birth_date is not null and b.labour_status is not null
           and b.education_level is not null) as complete,
         coalesce(b.exit_date between $1::date and $2::date, false) as left_in_period,
         coalesce((b.exit_date + interval '6 months')::date between $1::date and $2::date, false) as left_six_months_before,
         b.labour_status, b.long_term_unemployed, b.education_level, b.third_country_national, b.foreign_background,
         b.homeless_or_housing_exclusion, b.rural_area, b.disability, b.minority, b.exit_outcome, b.exit_outcome_kind,
         coalesce(${followUps('array_agg(fu.situation order by fu.at)', upon)}, '{}') as situations_upon_leaving,
         coalesce(${followUps('array_agg(fu.situation order by fu.at)', six)}, '{}') as situations_six_months,
         coalesce(${followUps('bool_or(fu.improved_situation)', six)}, false) as improved_six_months
    from base b`;
