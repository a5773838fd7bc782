import { Inject, Injectable } from '@nestjs/common';
import { Lang } from '../common/i18n/lang';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { ExplainQuery, PeriodQuery } from './dto/report-query.dto';
import { toEsfReportResponse, GenderCountRow } from './dto/esf-report.response';
import { ESF_FACTS_SQL } from './esf-facts.sql';
import { COHORT_COLUMN, ESF_INDICATORS, EsfIndicator, indicatorByCode } from './esf-indicators';
import { ESF_SOURCE, indicatorDefinition } from './i18n/esf-texts';
import { localiseDefinitions } from './i18n/localise';
import { ExplainItem, ParticipantNamesService } from './participant-names.service';
import { checkPeriod } from './period';
import { specialCategoryAggregateOnly } from './reports.errors';
import { suppressSpecialCategory } from './suppression';

const counted = (i: EsfIndicator) => `(${COHORT_COLUMN[i.cohort]} and coalesce((${i.sql}), false))`;
const unknown = (i: EsfIndicator) =>
  i.unknownSql
    ? `(${COHORT_COLUMN[i.cohort]} and not coalesce((${i.sql}), false) and (${i.unknownSql}))`
    : 'false';

/** Every indicator and its unknowns, per gender, in one pass over the facts. */
const AGGREGATE_SQL = `
  select f.gender,
         count(*) filter (where f.entered)::int as entered,
         count(*) filter (where f.entered and f.complete)::int as entered_complete,
         count(*) filter (where f.left_in_period)::int as left_in_period,
         count(*) filter (where f.left_six_months_before)::int as left_six_months_before,
         count(*) filter (where f.left_in_period and cardinality(f.situations_upon_leaving) > 0)::int as followed_up_upon_leaving,
         count(*) filter (where f.left_six_months_before and cardinality(f.situations_six_months) > 0)::int as followed_up_six_months,
         ${ESF_INDICATORS.map(
           (i) => `count(*) filter (where ${counted(i)})::int as "${i.code}",
         count(*) filter (where ${unknown(i)})::int as "${i.code}_unknown"`,
         ).join(',\n         ')}
    from (${ESF_FACTS_SQL}) f
   group by f.gender`;

@Injectable()
export class EsfReportService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Environment,
    private readonly names: ParticipantNamesService,
  ) {}

  async report(q: PeriodQuery, lang: Lang = 'en') {
    const report = await this.aggregate(q, lang);
    await this.audit.record({
      action: 'read',
      resourceType: 'report.esf',
      details: { from: q.from, to: q.to },
    });
    return report;
  }

  /** The figures without an audit event, for callers that audit their own use (exports). */
  async aggregate(q: PeriodQuery, lang: Lang = 'en') {
    checkPeriod(q.from, q.to);
    const rows = await this.db.asTenantReader<GenderCountRow[]>((m) =>
      m.query(AGGREGATE_SQL, [q.from, q.to]),
    );
    return this.present(toEsfReportResponse(q, rows), q, lang);
  }

  /**
   * What every reader of the figures gets: definitions in the reader's language, and special
   * categories (GDPR art. 9) only for periods of a quarter or more, with small cells suppressed.
   */
  private present<R extends ReturnType<typeof toEsfReportResponse>>(report: R, q: PeriodQuery, lang: Lang) {
    const minCell = this.env.REPORT_MIN_CELL;
    const shown = (list: R['outputs']) =>
      list.map((v) => {
        const i = indicatorByCode(v.code);
        const localised = i ? { ...v, definition: indicatorDefinition(i, lang, minCell) } : v;
        return v.specialCategory
          ? suppressSpecialCategory(localised, q, minCell)
          : { ...localised, suppression: null };
      });
    return {
      // The counting rules and completeness texts; the indicators' definitions follow below.
      ...localiseDefinitions(report, lang),
      source: ESF_SOURCE[lang],
      outputs: shown(report.outputs),
      results: shown(report.results),
    };
  }

  /** The participants behind one number: ids always, names only where the caller holds a grant. */
  async explain(q: ExplainQuery, lang: Lang = 'en') {
    checkPeriod(q.from, q.to);
    const indicator = indicatorByCode(q.indicator)!;
    if (indicator.specialCategory) throw specialCategoryAggregateOnly(indicator.code);
    const where = q.bucket === 'unknown' ? unknown(indicator) : counted(indicator);
    const params: unknown[] = [q.from, q.to, q.limit, (q.page - 1) * q.limit];
    let genderFilter = '';
    if (q.gender) {
      params.push(q.gender);
      genderFilter = `and f.gender = $${params.length}`;
    }
    const rows = await this.db.asTenantReader<
      { participant_id: string; pseudonymised: boolean; total: number }[]
    >((m) =>
      m.query(
        `select f.participant_id, f.pseudonymised, count(*) over ()::int as total
           from (${ESF_FACTS_SQL}) f where ${where} ${genderFilter}
          order by f.participant_id limit $3 offset $4`,
        params,
      ),
    );
    const items = await this.withNames(
      rows.map((r) => ({ participantId: r.participant_id, pseudonymised: r.pseudonymised })),
    );
    await this.audit.record(
      {
        action: 'read',
        resourceType: 'report.esf.participants',
        details: {
          from: q.from,
          to: q.to,
          indicator: indicator.code,
          bucket: q.bucket,
          gender: q.gender ?? null,
        },
      },
      ...items
        .filter((i) => i.firstName !== undefined)
        .map((i) => ({
          action: 'list' as const,
          resourceType: 'participant',
          resourceId: i.participantId,
          participantId: i.participantId,
        })),
    );
    return {
      indicator: {
        code: indicator.code,
        name: indicator.name,
        definition: indicatorDefinition(indicator, lang, this.env.REPORT_MIN_CELL),
        mapping: indicator.mapping,
      },
      period: { from: q.from, to: q.to },
      bucket: q.bucket,
      items,
      total: rows[0]?.total ?? 0,
      page: q.page,
      limit: q.limit,
    };
  }

  /** Adds names to the items whose participant the caller holds any live grant on; the rest stay ids. */
  withNames(items: ExplainItem[]): Promise<ExplainItem[]> {
    return this.names.withNames(items);
  }
}
