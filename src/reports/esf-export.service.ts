import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { PeriodQuery } from './dto/report-query.dto';
import { EsfReportService } from './esf-report.service';
import { ESF_FACTS_SQL } from './esf-facts.sql';
import { EsfFacts } from './esf-indicators';
import { ChunkedLines } from './export/chunked-lines';
import { csvLine } from './export/csv';
import { forEachBatch } from './export/cursor';
import { Name, PARTICIPANT_HEADER, participantRow } from './export/esf-rows';
import { ReplyStream } from './export/reply-stream';
import { checkPeriod } from './period';
import { xlsxUnavailable } from './reports.errors';
import { createWorkbook, loadExcel } from './export/xlsx';
import { ESF_INDICATORS } from './esf-indicators';
import { reportLabel } from './i18n/localise';
import { Lang } from '../common/i18n/lang';

/** What the workbook's summary and definitions sheets read: the figures of GET /reports/esf. */
export type EsfSummary = Awaited<ReturnType<EsfReportService['aggregate']>>;

const BATCH = 1000;
export const ESF_ROWS_SQL = `select * from (${ESF_FACTS_SQL}) f
  where f.entered or f.left_in_period or f.left_six_months_before
  order by f.entry_date, f.participant_id`;

export type RowSink = (row: (string | number | null)[]) => Promise<boolean>;

/**
 * Streams the per-participant ESF rows. Everything happens inside the request transaction: the
 * cursor, the names lookup and the audit, and the handler only returns once the last row is written.
 */
@Injectable()
export class EsfExportService {
  private readonly log = new Logger(EsfExportService.name);

  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
    private readonly esf: EsfReportService,
  ) {}

  async csv(q: PeriodQuery, reply: FastifyReply, lang: Lang = 'en'): Promise<void> {
    checkPeriod(q.from, q.to);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.esf',
      details: { format: 'csv', from: q.from, to: q.to },
    });
    await this.csvFile(reply, `esf-${q.from}-${q.to}.csv`, PARTICIPANT_HEADER, lang, (sink) =>
      this.rows(q, sink),
    );
  }

  /** Summary, participants and definitions sheets, streamed like the CSV. */
  async xlsx(q: PeriodQuery, reply: FastifyReply, lang: Lang = 'en'): Promise<void> {
    // Before anything is sent, so a server without exceljs answers a clean 503.
    const excel = await loadExcel();
    if (!excel) throw xlsxUnavailable();
    const summary = await this.esf.aggregate(q, lang);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.esf',
      details: { format: 'xlsx', from: q.from, to: q.to },
    });
    await this.xlsxFile(
      excel,
      reply,
      `esf-${q.from}-${q.to}.xlsx`,
      summary,
      PARTICIPANT_HEADER,
      lang,
      (sink) => this.rows(q, sink),
    );
  }

  /** A CSV file of participant rows: the header in `lang`, then every row that `feed` gives. */
  async csvFile(
    reply: FastifyReply,
    filename: string,
    header: readonly string[],
    lang: Lang,
    feed: (sink: RowSink) => Promise<unknown>,
  ): Promise<void> {
    const out = new ReplyStream(reply, 'text/csv; charset=utf-8', filename);
    try {
      // A byte-order mark, so spreadsheet programs read the file as UTF-8.
      await out.write(`\uFEFF${csvLine(header.map((h) => reportLabel(h, lang)))}`);
      const lines = new ChunkedLines((chunk) => out.write(chunk));
      await feed((row) => lines.add(csvLine(row)));
      await lines.flush();
    } catch (err) {
      this.log.error({ requestId: this.db.requestId, message: 'CSV export broke off', error: String(err) });
      out.fail(err as Error);
      throw err;
    }
    await out.end();
  }

  /**
   * The ESF+ workbook: the summary of `summary` (special categories as the report shows them,
   * suppressed), the participant rows that `feed` gives, and the definitions, labelled in `lang`.
   */
  async xlsxFile(
    excel: NonNullable<Awaited<ReturnType<typeof loadExcel>>>,
    reply: FastifyReply,
    filename: string,
    summary: EsfSummary,
    header: readonly string[],
    lang: Lang,
    feed: (sink: RowSink) => Promise<unknown>,
  ): Promise<void> {
    const l = (label: string) => reportLabel(label, lang);
    const out = new ReplyStream(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename,
    );
    const book = createWorkbook(excel, out.stream);
    try {
      const s = book.addWorksheet(l('Summary'));
      s.addRow([l('ESF+ indicators'), `${summary.period.from} ${l('to')} ${summary.period.to}`]).commit();
      s.addRow(
        [
          'code',
          'name',
          'cohort',
          'female',
          'male',
          'nonbinary',
          'total',
          'unknown female',
          'unknown male',
          'unknown nonbinary',
          'unknown total',
        ].map(l),
      ).commit();
      for (const i of [...summary.outputs, ...summary.results]) {
        const v = i.value;
        const u = i.unknown;
        s.addRow([
          i.code,
          i.name,
          i.cohort,
          v?.female ?? null,
          v?.male ?? null,
          v?.nonbinary ?? null,
          v?.total ?? null,
          u?.female ?? null,
          u?.male ?? null,
          u?.nonbinary ?? null,
          u?.total ?? null,
        ]).commit();
      }
      s.commit();
      const p = book.addWorksheet(l('Participants'));
      p.addRow(header.map(l)).commit();
      let n = 0;
      await feed(async (row) => {
        p.addRow(row).commit();
        return ++n % 200 === 0 ? out.drained() : out.open;
      });
      p.commit();
      const d = book.addWorksheet(l('Definitions'));
      d.addRow(
        ['code', 'name', 'kind', 'cohort', 'definition', 'mapping', 'special category (aggregate only)'].map(
          l,
        ),
      ).commit();
      const definitions = new Map(
        [...summary.outputs, ...summary.results].map((i) => [i.code, i.definition]),
      );
      for (const i of ESF_INDICATORS)
        d.addRow([
          i.code,
          i.name,
          i.kind,
          i.cohort,
          definitions.get(i.code) ?? i.definition,
          i.mapping,
          l(i.specialCategory ? 'yes' : 'no'),
        ]).commit();
      d.addRow([]).commit();
      d.addRow([l('source'), summary.source]).commit();
      d.commit();
      await book.commit();
    } catch (err) {
      this.log.error({ requestId: this.db.requestId, message: 'XLSX export broke off', error: String(err) });
      out.fail(err as Error);
      throw err;
    }
    await out.end();
  }

  /** Feeds every participant row of the period to `sink`, in batches, and audits the named ones. */
  async rows(q: PeriodQuery, sink: RowSink): Promise<number> {
    const named: string[] = [];
    let count = 0;
    await this.db.asTenantReader((m) =>
      forEachBatch<EsfFacts>(m, ESF_ROWS_SQL, [q.from, q.to], BATCH, async (batch) => {
        const names = await this.namesFor(batch.map((f) => f.participant_id));
        for (const f of batch) {
          const name = names.get(f.participant_id);
          if (name) named.push(f.participant_id);
          count++;
          if (!(await sink(participantRow(f, name)))) return false;
        }
        return true;
      }),
    );
    for (let i = 0; i < named.length; i += BATCH) {
      await this.audit.record(
        ...named.slice(i, i + BATCH).map((id) => ({
          action: 'export' as const,
          resourceType: 'participant',
          resourceId: id,
          participantId: id,
          details: { report: 'esf', from: q.from, to: q.to },
        })),
      );
    }
    return count;
  }

  private async namesFor(ids: string[]): Promise<Map<string, Name>> {
    const items = await this.esf.withNames(
      ids.map((participantId) => ({ participantId, pseudonymised: false })),
    );
    const out = new Map<string, Name>();
    for (const i of items)
      if (i.firstName !== undefined)
        out.set(i.participantId, { firstName: i.firstName, lastName: i.lastName! });
    return out;
  }
}
