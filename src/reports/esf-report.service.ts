import { Inject, Injectable } from '@nestjs/common';
import { Lang } from '../common/i18n/lang';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { AuditService } from '../privacy/audit.service';
import { ExplainQuery, PeriodQuery } from './dto/report-query.dto';
import { toEsfReportResponse } from './dto/esf-report.response';
import { indicatorByCode } from './esf-indicators';
import { EsfRepository } from './esf.repository';
import { ESF_SOURCE, indicatorDefinition } from './i18n/esf-texts';
import { localiseDefinitions } from './i18n/localise';
import { ParticipantNamesService } from './participant-names.service';
import { checkPeriod } from './period';
import { specialCategoryAggregateOnly } from './reports.errors';
import { suppressSpecialCategory } from './suppression';

@Injectable()
export class EsfReportService {
  constructor(
    private readonly esf: EsfRepository,
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
    const rows = await this.esf.aggregate(q.from, q.to);
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
    const rows = await this.esf.participants({
      from: q.from,
      to: q.to,
      indicator: indicator.code,
      bucket: q.bucket,
      gender: q.gender,
      limit: q.limit,
      offset: (q.page - 1) * q.limit,
    });
    const items = await this.names.withNames(
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
}
