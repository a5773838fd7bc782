import { Lang } from '../common/i18n/lang';
import { reportText } from './i18n/localise';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { EMPOWERMENT_INSTRUMENT } from '../empowerment/instrument';
import { InstrumentsService } from '../empowerment/instruments.service';
import { baselineDueSql } from '../empowerment/schedule.sql';
import { SPECIAL_CATEGORY_DOMAINS } from '../life-domains/life-domain';
import { AuditService } from '../privacy/audit.service';
import { DataQualityQuery } from './dto/report-query.dto';
import { EsfReportService } from './esf-report.service';

/** Every check, with the message a coordinator reads. The SQL below emits these codes. */
export const DATA_QUALITY_REASONS = {
  labour_status_missing:
    'Labour status at entry is missing: the participant is left out of the ESF+ total (EECO01).',
  education_level_missing: 'Education level (ISCED) at entry is missing.',
  long_term_unemployed_missing:
    'Unemployed at entry, but whether this is long-term unemployment is not recorded.',
  long_term_without_unemployed: 'Marked long-term unemployed, but the labour status is not unemployed.',
  eu_national_third_country:
    'Nationality is of an EU member state (Belgian, for instance), but marked as third-country national (EECO13).',
  adult_in_education: 'Aged 18 or over at entry with labour status "in education" (school pupil): check it.',
  entry_before_birth: 'The entry date is before the birth date.',
  third_country_national_missing: 'Third-country national (yes/no) is not recorded.',
  foreign_background_missing: 'Foreign background (yes/no) is not recorded.',
  homeless_missing: 'Homeless or housing exclusion (yes/no) is not recorded.',
  rural_area_missing: 'Rural area (yes/no) is not recorded.',
  special_category_not_asked:
    'Disability or minority was never asked (a participant may decline; record that).',
  closed_without_outcome: 'A closed trajectory has no outcome.',
  no_contact_90_days: 'An open trajectory has had no contact in the last 90 days.',
  never_reached_intake:
    'Signed up more than 60 days ago and no trajectory ever reached intake: reached only, not an ESF participant. Close the sign-up or record the intake.',
  esf_entry_data_incomplete:
    'An ESF participant (intake reached) whose non-sensitive entry data (gender, birth date, labour status, education level) are incomplete: counted in the ESF+ grand total only, in no EECO/EECR indicator.',
  special_category_without_basis:
    'Disability or minority answered, or a health note stored, without a live special_categories consent or legal basis (GDPR art. 9): record the basis or erase the value.',
  empowerment_baseline_missing:
    'In guidance or aftercare without a baseline empowerment assessment, although guidance started longer ago than the baseline window of the schedule (6 weeks by default).',
} as const;
export type DataQualityReason = keyof typeof DATA_QUALITY_REASONS;

const SILENT_DAYS = 90;
/** A sign-up that has not reached intake after this many days is listed (issue 13, rule 2). */
export const SIGN_UP_WITHOUT_INTAKE_DAYS = 60;
/** EU member states (ISO 3166-1 alpha-2): a citizen of one is never a third-country national. */
export const EU_MEMBER_STATES =
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');

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

@Injectable()
export class DataQualityService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
    private readonly esf: EsfReportService,
    private readonly instruments: InstrumentsService,
  ) {}

  async list(q: DataQualityQuery, lang: Lang = 'en') {
    // The baseline window as the schedule has it; read before the switch of role (instruments are not the reader's).
    const empowerment = await this.instruments.resolve(EMPOWERMENT_INSTRUMENT);
    const rows = await this.db.asTenantReader<
      { participant_id: string; reasons: DataQualityReason[]; total: number }[]
    >((m) =>
      m.query(CHECKS_SQL, [
        this.db.now,
        q.limit,
        (q.page - 1) * q.limit,
        empowerment.baselineDueWeeks,
        empowerment.key,
      ]),
    );
    const named = await this.esf.withNames(
      rows.map((r) => ({ participantId: r.participant_id, pseudonymised: false })),
    );
    const names = new Map(named.filter((n) => n.firstName !== undefined).map((n) => [n.participantId, n]));
    await this.audit.record(
      { action: 'read', resourceType: 'report.data_quality', details: { page: q.page, limit: q.limit } },
      ...[...names.keys()].map((id) => ({
        action: 'list' as const,
        resourceType: 'participant',
        resourceId: id,
        participantId: id,
      })),
    );
    return {
      definition: reportText(
        `One item per participant with every reason that applies. Besides missing or inconsistent entry data: sign-ups older than ${SIGN_UP_WITHOUT_INTAKE_DAYS} days that never reached intake (reached only, no ESF participant); ESF participants whose non-sensitive entry data (gender, birth date, labour status, education level) are incomplete (grand total only, in no EECO/EECR indicator); and special-category values (disability, minority, health notes) stored without a live special_categories basis.`,
        lang,
      ),
      items: rows.map((r) => {
        const n = names.get(r.participant_id);
        return {
          participantId: r.participant_id,
          ...(n ? { firstName: n.firstName, lastName: n.lastName } : {}),
          reasons: r.reasons.map((code) => ({ code, message: reportText(DATA_QUALITY_REASONS[code], lang) })),
        };
      }),
      total: rows[0]?.total ?? 0,
      page: q.page,
      limit: q.limit,
    };
  }
}
