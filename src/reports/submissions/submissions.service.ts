import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Lang } from '../../common/i18n/lang';
import { DatabaseContext } from '../../database/database-context.service';
import { AuditService } from '../../privacy/audit.service';
import { EsfExportService } from '../esf-export.service';
import { EsfReportService } from '../esf-report.service';
import { EsfRepository } from '../esf.repository';
import { EsfSummary } from '../export/esf-workbook';
import { ExportFile } from '../export/export-file';
import { ExportRunner, RowSink } from '../export/export-runner';
import { PARTICIPANT_HEADER, participantRow } from '../export/esf-rows';
import { localiseDefinitions } from '../i18n/localise';
import { checkPeriod, quarterBounds } from '../period';
import { QuarterlyReportService } from '../quarterly-report.service';
import { ParticipantNamesService } from '../participant-names.service';
import { submissionNotFound } from '../reports.errors';
import {
  CreateEsfSubmissionDto,
  CreateQuarterlySubmissionDto,
  SubmissionListQuery,
} from './dto/create-submission.dto';
import { Cell, compareFigures, lineMoved, movedIds, StoredFacts } from './restatement';
import { SubmissionKind, SubmissionRow, SubmissionsRepository } from './submissions.repository';

type Kind = SubmissionKind;
const BATCH = 1000;

/** The ESF+ participant row without names: what a submission keeps of each participant. */
const NAME_COLUMNS = new Set(['first_name', 'last_name']);
const KEEP = PARTICIPANT_HEADER.map((h) => !NAME_COLUMNS.has(h));
export const ESF_FACTS_HEADER = PARTICIPANT_HEADER.filter((_, i) => KEEP[i]);

/** Cohort figures of the ESF report and the fact column that puts a participant in them. */
const ESF_COHORT_COLUMNS: Record<string, string> = {
  'cohorts.entered': 'entered_in_period',
  'cohorts.left': 'left_in_period',
  'cohorts.leftSixMonthsBefore': 'left_six_months_before',
};

/**
 * One row per trajectory active at some time in the quarter: what the quarterly figures count
 * (the columns of SubmissionsRepository.quarterlyFacts).
 */
const QUARTERLY_FACTS_HEADER = [
  'participant_id',
  'trajectory_id',
  'owner_organisation_id',
  'referral_channel',
  'started_in_quarter',
  'guidance_started_in_quarter',
  'closed_in_quarter',
  'outcome',
  'active_at_quarter_end',
];
/** SHA-256 over the stored facts, rows in id order: anyone holding the facts can recompute it. */
export function factsHash(facts: StoredFacts): string {
  return createHash('sha256')
    .update(JSON.stringify({ header: facts.header, rows: facts.rows }))
    .digest('hex');
}

const byFirstColumn = (a: Cell[], b: Cell[]) =>
  String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0;

function toSummary(r: SubmissionRow) {
  return {
    id: r.id,
    kind: r.kind,
    submittedAt: r.submitted_at.toISOString(),
    submittedBy: r.submitted_by,
    submittedByOrganisationId: r.submitted_by_organisation,
    from: r.period_from,
    to: r.period_to,
    ...(r.kind === 'quarterly' ? { year: r.year!, quarter: r.quarter! } : {}),
    note: r.note,
    language: r.language,
    factsHash: r.facts_hash,
    factsCount: r.facts_count,
  };
}

/**
 * Report submissions: the figures as they were sent, frozen with the per-participant facts they
 * were computed from (pseudonymous ids and indicator values, never names or special categories),
 * so that they can be shown unchanged forever and compared with today's figures.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
    private readonly esf: EsfReportService,
    private readonly esfExport: EsfExportService,
    private readonly quarterly: QuarterlyReportService,
    private readonly esfFactsRows: EsfRepository,
    private readonly participantNames: ParticipantNamesService,
    private readonly runner: ExportRunner,
    private readonly submissions: SubmissionsRepository,
  ) {}

  async submitEsf(dto: CreateEsfSubmissionDto, lang: Lang) {
    checkPeriod(dto.from, dto.to);
    const figures = await this.esf.aggregate(dto, lang);
    const facts = await this.esfFacts(dto);
    return this.store('esf', { from: dto.from, to: dto.to }, null, dto.note ?? null, figures, facts, lang);
  }

  async submitQuarterly(dto: CreateQuarterlySubmissionDto, lang: Lang) {
    const figures = localiseDefinitions(await this.quarterly.figures(dto), lang);
    const facts = await this.quarterlyFacts(dto);
    return this.store('quarterly', figures.period, dto, dto.note ?? null, figures, facts, lang);
  }

  async list(kind: Kind, q: SubmissionListQuery) {
    const rows = await this.submissions.list(kind, q.limit, (q.page - 1) * q.limit);
    await this.audit.record({
      action: 'list',
      resourceType: `report.${kind}.submission`,
      details: { page: q.page },
    });
    return { items: rows.map(toSummary), total: rows[0]?.total ?? 0, page: q.page, limit: q.limit };
  }

  async get(kind: Kind, id: string) {
    const row = await this.find(kind, id, true);
    await this.audit.record({ action: 'read', resourceType: `report.${kind}.submission`, resourceId: id });
    return { ...toSummary(row), figures: JSON.parse(row.figures!) as Record<string, unknown> };
  }

  /** The submission beside today's figures for the same period, and who moved. */
  async restatement(kind: Kind, id: string) {
    const row = await this.find(kind, id, true);
    const submitted = JSON.parse(row.figures!) as Record<string, unknown>;
    const lang = row.language === 'en' ? 'en' : 'nl';
    const period = { from: row.period_from, to: row.period_to };
    const [current, facts] =
      kind === 'esf'
        ? [await this.esf.aggregate(period, lang), await this.esfFacts(period)]
        : [
            localiseDefinitions(
              await this.quarterly.figures({ year: row.year!, quarter: row.quarter! }),
              lang,
            ),
            await this.quarterlyFacts({ year: row.year!, quarter: row.quarter! }),
          ];
    const storedFacts = await this.submissions.storedFacts(id);
    const moved = movedIds(storedFacts, facts);
    const named = await this.names([...moved.any]);
    const people = (ids: Iterable<string>) =>
      [...ids].sort().map((i) => named.get(i) ?? { participantId: i });
    type Listed = { code: string; specialCategory?: boolean }[] | undefined;
    const specials = new Set(
      [...((submitted.outputs as Listed) ?? []), ...((submitted.results as Listed) ?? [])]
        .filter((i) => i.specialCategory)
        .map((i) => i.code),
    );
    const indicators = [...compareFigures(submitted, current)].map(([indicator, lines]) => {
      const column =
        kind === 'esf' && !specials.has(indicator) ? (ESF_COHORT_COLUMNS[indicator] ?? indicator) : null;
      const ids = column && ESF_FACTS_HEADER.includes(column) ? moved.byColumn.get(column) : undefined;
      return {
        indicator,
        lines,
        changed: lines.some(lineMoved),
        participants: column && ESF_FACTS_HEADER.includes(column) ? people(ids ?? []) : null,
      };
    });
    const currentHash = factsHash(facts);
    const participantIds = [...named.values()]
      .filter((n) => n.firstName !== undefined)
      .map((n) => n.participantId);
    await this.audit.record(
      {
        action: 'read',
        resourceType: `report.${kind}.restatement`,
        resourceId: id,
        details: { moved: moved.any.size, currentFactsHash: currentHash },
      },
      ...participantIds.map((p) => ({
        action: 'list' as const,
        resourceType: 'participant',
        resourceId: p,
        participantId: p,
      })),
    );
    return {
      submissionId: id,
      kind,
      period,
      submittedAt: row.submitted_at.toISOString(),
      comparedAt: this.db.now.toISOString(),
      submittedFactsHash: row.facts_hash,
      currentFactsHash: currentHash,
      unchanged: currentHash === row.facts_hash && indicators.every((i) => !i.changed),
      indicators,
      participants: people(moved.any),
    };
  }

  /** The ESF+ participant rows of a submission as CSV, from the stored facts: never today's data. */
  async csv(id: string, lang: Lang): Promise<ExportFile> {
    const row = await this.find('esf', id, false);
    const header = await this.submissions.storedHeader(id);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.esf.submission',
      resourceId: id,
      details: { format: 'csv' },
    });
    return this.runner.csv(this.fileName(row, 'csv'), header, lang, (sink) => this.storedRows(id, sink));
  }

  /** The ESF+ workbook of a submission: the figures and the participant rows as they were sent. */
  async xlsx(id: string, lang: Lang): Promise<ExportFile> {
    const excel = await this.runner.excel();
    const row = await this.find('esf', id, true);
    const header = await this.submissions.storedHeader(id);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.esf.submission',
      resourceId: id,
      details: { format: 'xlsx' },
    });
    const figures = JSON.parse(row.figures!) as EsfSummary;
    return this.esfExport.workbook(excel, this.fileName(row, 'xlsx'), figures, header, lang, (sink) =>
      this.storedRows(id, sink),
    );
  }

  private fileName(row: SubmissionRow, ext: string) {
    return `esf-submission-${row.period_from}-${row.period_to}-${row.id.slice(0, 8)}.${ext}`;
  }

  private async store(
    kind: Kind,
    period: { from: string; to: string },
    quarter: { year: number; quarter: number } | null,
    note: string | null,
    figures: object,
    facts: StoredFacts,
    lang: Lang,
  ) {
    const actor = this.db.actor;
    const hash = factsHash(facts);
    // Stored as the text that is answered: the json column keeps it byte for byte.
    const text = JSON.stringify(figures);
    const row = await this.submissions.insert({
      kind,
      from: period.from,
      to: period.to,
      year: quarter?.year ?? null,
      quarter: quarter?.quarter ?? null,
      note,
      figures: text,
      facts,
      factsHash: hash,
      language: lang,
      submittedAt: this.db.now,
      submittedBy: actor.staffId,
      submittedByOrganisation: actor.organisationId,
    });
    await this.audit.record({
      action: 'create',
      resourceType: `report.${kind}.submission`,
      resourceId: row.id,
      details: { from: period.from, to: period.to, factsHash: hash, facts: facts.rows.length },
    });
    return { ...toSummary(row), figures: JSON.parse(text) as Record<string, unknown> };
  }

  private async find(kind: Kind, id: string, withFigures: boolean): Promise<SubmissionRow> {
    const row = await this.submissions.find(kind, id, withFigures);
    if (!row) throw submissionNotFound();
    return row;
  }

  private async esfFacts(period: { from: string; to: string }): Promise<StoredFacts> {
    const rows: Cell[][] = [];
    await this.esfFactsRows.forEachRowBatch(period.from, period.to, BATCH, async (batch) => {
      for (const f of batch) rows.push(participantRow(f, undefined).filter((_, i) => KEEP[i]));
      return true;
    });
    return { header: ESF_FACTS_HEADER, rows: rows.sort(byFirstColumn) };
  }

  private async quarterlyFacts(q: { year: number; quarter: number }): Promise<StoredFacts> {
    const { from, next } = quarterBounds(q.year, q.quarter);
    const rows = await this.submissions.quarterlyFacts(from, next);
    return {
      header: QUARTERLY_FACTS_HEADER,
      rows: rows.map((r) => Object.values(r)),
    };
  }

  private async storedRows(id: string, sink: RowSink): Promise<void> {
    await this.submissions.forEachStoredRowBatch(id, BATCH, async (batch) => {
      // ESF rows hold strings, numbers and nulls only (see participantRow).
      for (const { r } of batch) if (!(await sink(r as (string | number | null)[]))) return false;
      return true;
    });
  }

  /** Names for the ids the caller holds a live grant on; the others stay ids. */
  private async names(ids: string[]) {
    const items = await this.participantNames.withNames(
      ids.map((participantId) => ({ participantId, pseudonymised: false })),
    );
    return new Map(
      items.map((i) => [
        i.participantId,
        i.firstName !== undefined
          ? { participantId: i.participantId, firstName: i.firstName, lastName: i.lastName! }
          : { participantId: i.participantId },
      ]),
    );
  }
}
