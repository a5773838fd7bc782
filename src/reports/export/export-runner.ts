import { Injectable, Logger } from '@nestjs/common';
import { Lang } from '../../common/i18n/lang';
import { DatabaseContext } from '../../database/database-context.service';
import { reportLabel } from '../i18n/localise';
import { xlsxUnavailable } from '../reports.errors';
import { ChunkedLines } from './chunked-lines';
import { csvLine } from './csv';
import { CSV_MEDIA_TYPE, ExportFile, XLSX_MEDIA_TYPE } from './export-file';
import { FileBody } from './file-body';
import { createWorkbook, ExcelJs, loadExcel, XlsxWorkbook } from './xlsx';

/** One row to the file; resolves false once the reader has gone, so the producer stops reading. */
export type RowSink = (row: (string | number | null)[]) => Promise<boolean>;

/**
 * The set-up every report export shares: the CSV and XLSX writers, and what happens when a file
 * breaks off midway (logged with the request id; sendFile then breaks the download off).
 */
@Injectable()
export class ExportRunner {
  private readonly log = new Logger(ExportRunner.name);

  constructor(private readonly db: DatabaseContext) {}

  /** exceljs, checked before anything is sent, so a server without it answers a clean 503. */
  async excel(): Promise<ExcelJs> {
    const excel = await loadExcel();
    if (!excel) throw xlsxUnavailable();
    return excel;
  }

  /** A CSV file of rows: the header in `lang`, then every row that `feed` gives. */
  csv(
    filename: string,
    header: readonly string[],
    lang: Lang,
    feed: (sink: RowSink) => Promise<unknown>,
  ): ExportFile {
    return {
      filename,
      mediaType: CSV_MEDIA_TYPE,
      write: (body) =>
        this.logged('CSV', async () => {
          // A byte-order mark, so spreadsheet programs read the file as UTF-8.
          await body.write(`\uFEFF${csvLine(header.map((h) => reportLabel(h, lang)))}`);
          const lines = new ChunkedLines((chunk) => body.write(chunk));
          await feed((row) => lines.add(csvLine(row)));
          await lines.flush();
        }),
    };
  }

  /** A workbook that `build` fills sheet by sheet; rows go out as they are added. */
  xlsx(
    excel: ExcelJs,
    filename: string,
    build: (book: XlsxWorkbook, body: FileBody) => Promise<void>,
  ): ExportFile {
    return {
      filename,
      mediaType: XLSX_MEDIA_TYPE,
      write: async (body) => {
        const book = createWorkbook(excel, body.stream);
        await this.logged('XLSX', async () => {
          await build(book, body);
          await book.commit();
        });
      },
    };
  }

  private async logged(format: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      this.log.error({
        requestId: this.db.requestId,
        message: `${format} export broke off`,
        error: String(err),
      });
      throw err;
    }
  }
}
