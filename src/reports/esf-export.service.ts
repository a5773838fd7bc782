import { Injectable } from '@nestjs/common';
import { Lang } from '../common/i18n/lang';
import { AuditService } from '../privacy/audit.service';
import { PeriodQuery } from './dto/report-query.dto';
import { EsfReportService } from './esf-report.service';
import { EsfRepository } from './esf.repository';
import { PARTICIPANT_HEADER, participantRow } from './export/esf-rows';
import { EsfSummary, writeEsfWorkbook } from './export/esf-workbook';
import { ExportFile } from './export/export-file';
import { ExportRunner, RowSink } from './export/export-runner';
import { ExcelJs } from './export/xlsx';
import { ParticipantNamesService } from './participant-names.service';
import { checkPeriod } from './period';

const BATCH = 1000;

/**
 * The per-participant ESF exports. The checks and the export's audit happen before the file is
 * handed back; the rows are then streamed inside the request transaction (the cursor, the names
 * lookup and the participants' audit), and the handler only returns once the last row is written.
 */
@Injectable()
export class EsfExportService {
  constructor(
    private readonly audit: AuditService,
    private readonly esf: EsfReportService,
    private readonly facts: EsfRepository,
    private readonly names: ParticipantNamesService,
    private readonly runner: ExportRunner,
  ) {}

  async csv(q: PeriodQuery, lang: Lang = 'en'): Promise<ExportFile> {
    checkPeriod(q.from, q.to);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.esf',
      details: { format: 'csv', from: q.from, to: q.to },
    });
    return this.runner.csv(`esf-${q.from}-${q.to}.csv`, PARTICIPANT_HEADER, lang, (sink) =>
      this.rows(q, sink),
    );
  }

  /** Summary, participants and definitions sheets, streamed like the CSV. */
  async xlsx(q: PeriodQuery, lang: Lang = 'en'): Promise<ExportFile> {
    const excel = await this.runner.excel();
    const summary = await this.esf.aggregate(q, lang);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.esf',
      details: { format: 'xlsx', from: q.from, to: q.to },
    });
    return this.workbook(excel, `esf-${q.from}-${q.to}.xlsx`, summary, PARTICIPANT_HEADER, lang, (sink) =>
      this.rows(q, sink),
    );
  }

  /** The ESF+ workbook (see writeEsfWorkbook), for a period's rows or a submission's stored ones. */
  workbook(
    excel: ExcelJs,
    filename: string,
    summary: EsfSummary,
    header: readonly string[],
    lang: Lang,
    feed: (sink: RowSink) => Promise<unknown>,
  ): ExportFile {
    return this.runner.xlsx(excel, filename, (book, body) =>
      writeEsfWorkbook(book, body, summary, header, lang, feed),
    );
  }

  /** Feeds every participant row of the period to `sink`, in batches, and audits the named ones. */
  async rows(q: PeriodQuery, sink: RowSink): Promise<number> {
    const named: string[] = [];
    let count = 0;
    await this.facts.forEachRowBatch(q.from, q.to, BATCH, async (batch) => {
      const names = await this.names.namesOf(batch.map((f) => f.participant_id));
      for (const f of batch) {
        const name = names.get(f.participant_id);
        if (name) named.push(f.participant_id);
        count++;
        if (!(await sink(participantRow(f, name)))) return false;
      }
      return true;
    });
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
}
