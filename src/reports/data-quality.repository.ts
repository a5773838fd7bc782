import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { baselineDueSql } from '../empowerment/schedule.sql';
import { SPECIAL_CATEGORY_DOMAINS } from '../life-domains/life-domain';
import { DataQualityReason, EU_MEMBER_STATES, SIGN_UP_WITHOUT_INTAKE_DAYS } from './data-quality.reasons';

const SILENT_DAYS = 90;

/** Emits the codes of DATA_QUALITY_REASONS, one row per participant with any. */
const CHECKS_SQL = `
  with silent as (select distinct participant_id from app_report_silent_trajectories($1::timestamptz - interval '${SILENT_DAYS} days')),
  no_baseline as (
    select distinct t.participant_id from trajectories t
     where t.partnership_id = app_tenant() and t.status in ('begeleiding', 'nazorg')
       and ${baselineDueSql('t.guidance_started_at', '$4::int')} < $1::timestamptz
       and not exists (select 1 from assessments a where a.trajectory_id = t.id
                         and a.instrument_key = $5 and a.kind = 'baseline')
  ),
  intake as (
    select distinct t.participant_id from trajectories t
     where t.partnership_id = app_tenant() and t.intake_at is not null
  ),
  signed_up as (
    select t.participant_id, min(t.started_at) as at from trajectories t
     where t.partnership_id = app_tenant() group by t.participant_id
  ),
  live_basis as (
    select distinct c.participant_id from consents c
     where c.partnership_id = app_tenant() and c.scope = 'special_categories'
       and c.withdrawn_at is null and c.given_at <= $1::timestamptz
  ),
  health_notes as (
    select distinct l.participant_id from life_domains l
     where l.partnership_id = app_tenant() and l.domain in (${SPECIAL_CATEGORY_DOMAINS.map((d) => `'${d}'`).join(', ')})
       and l.note is not null
  ),
  no_outcome as (
    select distinct participant_id from trajectories
     where partnership_id = app_tenant() and (status = 'afgesloten' or closed_at is not null) and outcome is null
  ),
  checked as (
    select p.id, p.entry_date, array_remove(array[
      case when p.labour_status is null then 'labour_status_missing' end,
      case when p.education_level is null then 'education_level_missing' end,
      case when p.labour_status = 'unemployed' and p.long_term_unemployed is null then 'long_term_unemployed_missing' end,
      case when p.long_term_unemployed and p.labour_status is distinct from 'unemployed' then 'long_term_without_unemployed' end,
      case when p.third_country_national and p.nationality in (${EU_MEMBER_STATES.map((c) => `'${c}'`).join(', ')})
           then 'eu_national_third_country' end,
      case when p.labour_status = 'in_education' and date_part('year', age(p.entry_date, p.birth_date)) >= 18 then 'adult_in_education' end,
      case when p.entry_date < p.birth_date then 'entry_before_birth' end,
      case when p.third_country_national is null then 'third_country_national_missing' end,
      case when p.foreign_background is null then 'foreign_background_missing' end,
      case when p.homeless_or_housing_exclusion is null then 'homeless_missing' end,
      case when p.rural_area is null then 'rural_area_missing' end,
      case when p.disability is null or p.minority is null then 'special_category_not_asked' end,
      case when p.id in (select participant_id from no_outcome) then 'closed_without_outcome' end,
      case when p.id in (select participant_id from silent) then 'no_contact_90_days' end,
      case when p.id in (select participant_id from no_baseline) then 'empowerment_baseline_missing' end,
      -- A record without a trajectory counts from its entry date (the day it was recorded).
      case when i.participant_id is null
            and coalesce(s.at, p.entry_date::timestamp at time zone 'Europe/Brussels')
                < $1::timestamptz - interval '${SIGN_UP_WITHOUT_INTAKE_DAYS} days' then 'never_reached_intake' end,
      case when i.participant_id is not null and (p.gender is null or p.birth_date is null
            or p.labour_status is null or p.education_level is null) then 'esf_entry_data_incomplete' end,
      case when b.participant_id is null and (p.disability in ('yes', 'no') or p.minority in ('yes', 'no')
            or p.id in (select participant_id from health_notes)) then 'special_category_without_basis' end
    ], null) as reasons
    from participants p
    left join intake i on i.participant_id = p.id
    left join signed_up s on s.participant_id = p.id
    left join live_basis b on b.participant_id = p.id
   where p.partnership_id = app_tenant()
  )
  select c.id as participant_id, c.reasons, count(*) over ()::int as total
    from checked c where cardinality(c.reasons) > 0
   order by c.entry_date desc, c.id
   limit $2 offset $3`;

export interface DataQualityRow {
  participant_id: string;
  reasons: DataQualityReason[];
  total: number;
}

/**
 * The data-quality checks. A report repository: it reads participants, trajectories, assessments,
 * consents and life domains by table name in raw SQL (no other module's entity is imported),
 * partnership-wide as the tenant reader.
 */
@Injectable()
export class DataQualityRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * One page of participants with at least one reason, newest entry first. `baselineDueWeeks` and
   * `instrumentKey` are the empowerment schedule's baseline window and the key its assessments carry.
   */
  @GenerateSql({ params: [new Date('2025-06-30T22:00:00Z'), 50, 0, 6, 'empowerment'] })
  checks(
    now: Date,
    limit: number,
    offset: number,
    baselineDueWeeks: number,
    instrumentKey: string,
  ): Promise<DataQualityRow[]> {
    return this.db.asTenantReader<DataQualityRow[]>((m) =>
      m.query(CHECKS_SQL, [now, limit, offset, baselineDueWeeks, instrumentKey]),
    );
  }
}
