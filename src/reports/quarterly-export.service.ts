import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { QuarterQuery } from './dto/report-query.dto';
import { quarterlySheets } from './export/quarterly-sheets';
import { ReplyStream } from './export/reply-stream';
import { createWorkbook, loadExcel } from './export/xlsx';
import { QuarterlyReportService } from './quarterly-report.service';
import { xlsxUnavailable } from './reports.errors';
import { localiseDefinitions, localiseSheets } from './i18n/localise';
import { Lang } from '../common/i18n/lang';

/** The quarterly report as a workbook, one sheet per section. It holds aggregates and staff caseloads only. */
@Injectable()
export class QuarterlyExportService {
  private readonly log = new Logger(QuarterlyExportService.name);

  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
    private readonly quarterly: QuarterlyReportService,
  ) {}

  async xlsx(q: QuarterQuery, reply: FastifyReply, lang: Lang = 'en'): Promise<void> {
    // Before anything is sent, so a server without exceljs answers a clean 503.
    const excel = await loadExcel();
    if (!excel) throw xlsxUnavailable();
    const report = localiseDefinitions(await this.quarterly.figures(q), lang);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.quarterly',
      details: { format: 'xlsx', year: q.year, quarter: q.quarter },
    });
    const out = new ReplyStream(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `quarterly-${q.year}-Q${q.quarter}.xlsx`,
    );
    const book = createWorkbook(excel, out.stream);
    try {
      for (const sheet of localiseSheets(quarterlySheets(report), lang)) {
        const s = book.addWorksheet(sheet.name);
        for (const row of sheet.rows) s.addRow(row).commit();
        s.commit();
      }
      await book.commit();
    } catch (err) {
      this.log.error({ requestId: this.db.requestId, message: 'XLSX export broke off', error: String(err) });
      out.fail(err as Error);
      throw err;
    }
    await out.end();
  }
}
