import { codeOf } from '../../src/reports/esf-indicators';
import { parseCsv } from '../../src/reports/export/csv';
import { loadExcel } from '../../src/reports/export/xlsx';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { day, grant, insertParticipant, insertTrajectory, ParticipantRow } from './report-fixtures';
import { LoadedBook } from './xlsx-sheets';
import { as } from '../support/api';

interface Indicator {
  code: string;
  definition: string;
  value: Record<string, number | null> | null;
  unknown?: Record<string, number | null> | null;
  suppression: { reason: string; minCell: number; cells: string[] } | null;
}

/**
 * Issue 12, item 8: special categories (Annex I `**`: disability, minorities) inferred from small
 * cells. The attack: the ESF report for a one-day period showed EECO12 female = 1, and the CSV
 * named the only woman who entered that day.
 */
describe('special-category figures: small cells and short periods', () => {
  let t: TestApp;
  let a: TestPartnership;
  let dina: string;
  const ONE_DAY = { from: '2025-03-02', to: '2025-03-02' };
  const Q1 = { from: '2025-01-01', to: '2025-03-31' };

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    // An ESF participant enters on the day their first trajectory reaches intake: each one's
    // trajectory reaches intake on the entry day.
    const enter = async (row: ParticipantRow & { entry_date: string }) => {
      const id = await insertParticipant(t, a, row);
      await insertTrajectory(t, a, id, { started_at: day(row.entry_date), intake_at: day(row.entry_date) });
      return id;
    };
    // The only woman who entered on 2 March, with a disability and of a minority.
    dina = await enter({
      entry_date: '2025-03-02',
      disability: 'yes',
      minority: 'yes',
      first_name: 'Dina',
      last_name: 'Enig',
    });
    // Six men with a disability in January; two women without.
    for (let i = 0; i < 6; i++) await enter({ gender: 'male', entry_date: '2025-01-10', disability: 'yes' });
    for (let i = 0; i < 2; i++) await enter({ entry_date: '2025-01-20' });
    // Stad Gent's coordinator holds a grant on her, so the export names her.
    await grant(t, a, dina, a.orgs.stad.id, 'summary');
  });
  afterAll(() => t.close());

  const esf = (query: object, lang = 'en') =>
    as(t, a.auth('coordinator')).get('/reports/esf', { query, lang });
  const indicator = (body: { outputs: Indicator[] }, key: string) =>
    body.outputs.find((i) => i.code === codeOf(key))!;

  it('gives no special-category figure for a one-day period: null, with the reason', async () => {
    const res = await esf(ONE_DAY).expect(200);
    expect(res.body.cohorts.entered).toEqual({ female: 1, male: 0, nonbinary: 0, total: 1 });
    for (const key of ['disability', 'minority']) {
      const i = indicator(res.body, key);
      expect({ key, value: i.value, unknown: i.unknown, reason: i.suppression?.reason }).toEqual({
        key,
        value: null,
        unknown: null,
        reason: 'PERIOD_SHORTER_THAN_QUARTER',
      });
      expect(i.definition).toMatch(/at least one quarter/);
    }
    // Other indicators are reported as always.
    expect(indicator(res.body, 'unemployed').value).toEqual({ female: 1, male: 0, nonbinary: 0, total: 1 });
    expect(indicator(res.body, 'unemployed').suppression).toBeNull();
  });

  it('suppresses a cell below 5 in a quarter, and the next smallest, so it cannot be computed from the total', async () => {
    const res = await esf(Q1).expect(200);
    // By hand: disability female 1 (Dina), male 6, nonbinary 0, total 7. Female is below 5; hiding
    // only her cell would leave 7 − 6 − 0 = 1, so the next smallest non-zero cell (male 6) goes too.
    const i = indicator(res.body, 'disability');
    expect(i.value).toEqual({ female: null, male: null, nonbinary: 0, total: 7 });
    expect(i.suppression).toMatchObject({ reason: 'SMALL_CELL', minCell: 5, cells: ['female', 'male'] });
    // Minority: Dina only. Her cell and the total (1) are below 5: two hidden cells, neither computable.
    expect(indicator(res.body, 'minority').value).toEqual({
      female: null,
      male: 0,
      nonbinary: 0,
      total: null,
    });
    expect(indicator(res.body, 'minority').definition).toMatch(/below 5 are suppressed/);
    const nl = await esf(Q1, 'nl').expect(200);
    expect(indicator(nl.body, 'disability').definition).toMatch(/onder 5 worden onderdrukt/);
  });

  it('never puts a special-category column in the CSV that names her', async () => {
    const res = await as(t, a.auth('coordinator'))
      .get('/reports/esf.csv', { query: ONE_DAY, lang: 'en' })
      .buffer(true)
      .parse((r, done) => {
        let s = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (s += c));
        r.on('end', () => done(null, s));
      })
      .expect(200);
    const [header, ...rows] = parseCsv((res.body as string).replace(/^\uFEFF/, ''));
    expect(rows).toEqual([expect.arrayContaining([dina, 'Dina', 'Enig'])]);
    expect(header).not.toContain(codeOf('disability'));
    expect(header).not.toContain(codeOf('minority'));
    expect(header.filter((h) => /disab|minorit|handicap/i.test(h))).toEqual([]);
  });

  it('never puts a special-category figure beside her name in the workbook', async () => {
    const excel = (await loadExcel()) as unknown as { Workbook: new () => LoadedBook } | null;
    if (!excel) return; // without exceljs the route answers 503 (test/reports/esf.e2e-spec.ts)
    const res = await as(t, a.auth('coordinator'))
      .get('/reports/esf.xlsx', { query: ONE_DAY, lang: 'en' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new excel.Workbook();
    await book.xlsx.load(res.body as Buffer);
    const sheet = (name: string) =>
      book.worksheets
        .find((w) => w.name === name)!
        .getSheetValues()
        .filter(Boolean) as unknown[][];
    const people = sheet('Participants');
    expect(people.some((r) => r.includes('Dina'))).toBe(true);
    expect(people[0]).not.toContain(codeOf('disability'));
    for (const key of ['disability', 'minority']) {
      const row = sheet('Summary').find((r) => r[1] === codeOf(key))!;
      // code, name, cohort, then eight empty figure cells.
      expect(row.slice(4).filter((c) => c !== undefined && c !== null)).toEqual([]);
    }
  });
});
