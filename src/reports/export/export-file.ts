import { FileBody } from './file-body';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file a report service hands its controller: what to call it, what it is, and how to write it.
 * The checks and the audit of the export are done before the service returns it, so a refusal is
 * a clean problem+json; `write` then streams the rows into `body` inside the same transaction.
 */
export interface ExportFile {
  filename: string;
  mediaType: string;
  /** Writes the whole file into `body`; rejects (the body then broken off) when the export fails midway. */
  write(body: FileBody): Promise<void>;
}
