import { Lang } from '../../common/i18n/lang';
import { ESF_INDICATORS } from '../esf-indicators';
import type { EsfReportService } from '../esf-report.service';
import { reportLabel } from '../i18n/localise';
import { RowSink } from './export-runner';
import { FileBody } from './file-body';
import { XlsxWorkbook } from './xlsx';

/** What the workbook's summary and definitions sheets read: the figures of GET /reports/esf. */
export type EsfSummary = Awaited<ReturnType<EsfReportService['aggregate']>>;

/**
 * The ESF+ workbook: the summary of `summary` (special categories as the report shows them,
 * suppressed), the participant rows that `feed` gives, and the definitions, labelled in `lang`.
 */
export async function writeEsfWorkbook(
  book: XlsxWorkbook,
  body: FileBody,
  summary: EsfSummary,
  header: readonly string[],
  lang: Lang,
  feed: (sink: RowSink) => Promise<unknown>,
): Promise<void> {
  const l = (label: string) => reportLabel(label, lang);
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
    return ++n % 200 === 0 ? body.drained() : body.open;
  });
  p.commit();
  const d = book.addWorksheet(l('Definitions'));
  d.addRow(
    ['code', 'name', 'kind', 'cohort', 'definition', 'mapping', 'special category (aggregate only)'].map(l),
  ).commit();
  const definitions = new Map([...summary.outputs, ...summary.results].map((i) => [i.code, i.definition]));
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
}
