import { Injectable } from '@nestjs/common';
import { Lang } from '../common/i18n/lang';
import { AuditService } from '../privacy/audit.service';
import { QuarterQuery } from './dto/report-query.dto';
import { ExportFile } from './export/export-file';
import { ExportRunner } from './export/export-runner';
import { quarterlySheets } from './export/quarterly-sheets';
import { localiseDefinitions, localiseSheets } from './i18n/localise';
import { QuarterlyReportService } from './quarterly-report.service';

/** The quarterly report as a workbook, one sheet per section. It holds aggregates and staff caseloads only. */
@Injectable()
export class QuarterlyExportService {
  constructor(
    private readonly audit: AuditService,
    private readonly quarterly: QuarterlyReportService,
    private readonly runner: ExportRunner,
  ) {}

  async xlsx(q: QuarterQuery, lang: Lang = 'en'): Promise<ExportFile> {
    const excel = await this.runner.excel();
    const report = localiseDefinitions(await this.quarterly.figures(q), lang);
    await this.audit.record({
      action: 'export',
      resourceType: 'report.quarterly',
      details: { format: 'xlsx', year: q.year, quarter: q.quarter },
    });
    return this.runner.xlsx(excel, `quarterly-${q.year}-Q${q.quarter}.xlsx`, async (book) => {
      for (const sheet of localiseSheets(quarterlySheets(report), lang)) {
        const s = book.addWorksheet(sheet.name);
        for (const row of sheet.rows) s.addRow(row).commit();
        s.commit();
      }
    });
  }
}
