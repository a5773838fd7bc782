import type { Writable } from 'node:stream';

/**
 * The few parts of exceljs (4.4.x) the exports use, typed here so this file compiles whether or not
 * the package is installed. exceljs is loaded on first use; without it the XLSX routes answer 503
 * and everything else keeps working.
 */
export interface XlsxSheet {
  addRow(values: unknown[]): { commit(): void };
  commit(): void;
}
export interface XlsxWorkbook {
  addWorksheet(name: string): XlsxSheet;
  commit(): Promise<void>;
}
export interface ExcelJs {
  stream: {
    xlsx: {
      WorkbookWriter: new (options: {
        stream: Writable;
        useStyles: boolean;
        useSharedStrings: boolean;
      }) => XlsxWorkbook;
    };
  };
}

const PACKAGE = 'exceljs';
let loaded: Promise<ExcelJs | null> | undefined;

/** exceljs, or null when it is not installed. */
export function loadExcel(): Promise<ExcelJs | null> {
  loaded ??= import(PACKAGE).then(
    (m: ExcelJs & { default?: ExcelJs }) => (m.stream ? m : (m.default ?? null)),
    () => null,
  );
  return loaded;
}

/** A streaming workbook writer: rows go out as they are added, sheet after sheet. */
export function createWorkbook(excel: ExcelJs, out: Writable): XlsxWorkbook {
  return new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
}
