import { codeOf } from '../../src/reports/esf-indicators';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { day, insertParticipant, insertTrajectory } from './report-fixtures';
import { LoadedBook, loadExcelForTest } from './xlsx-sheets';
import { as } from '../support/api';

/** Issue 13, "Language and time": Dutch by default, English with Accept-Language: en. */
describe('report language (Accept-Language)', () => {
  let t: TestApp;
  let a: TestPartnership;
  const YEAR = { from: '2025-01-01', to: '2025-12-31' };

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    const p = await insertParticipant(t, a, { first_name: 'Els', last_name: 'Taal' });
    await insertTrajectory(t, a, p, { started_at: day('2025-03-01'), intake_at: day('2025-03-01') });
  });
  afterAll(() => t.close());

  const get = (url: string, query: object, lang?: string) => {
    const req = as(t, a.auth('coordinator')).get(url, { query });
    return lang === undefined ? req : req.set('accept-language', lang);
  };
  const raw = (url: string, query: object, lang?: string) =>
    get(url, query, lang)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const definition = (body: { outputs: { code: string; definition: string }[] }, key: string) =>
    body.outputs.find((i) => i.code === codeOf(key))!.definition;

  it('gives the ESF+ definitions in Dutch by default and in English on request', async () => {
    const nl = await get('/reports/esf', YEAR).expect(200);
    expect(definition(nl.body, 'unemployed')).toMatch(
      /^Deelnemers zonder werk, beschikbaar voor en op zoek naar werk/,
    );
    expect(nl.body.source).toMatch(/^Verordening \(EU\) 2021\/1057/);
    const en = await get('/reports/esf', YEAR, 'en-GB,en;q=0.9').expect(200);
    expect(definition(en.body, 'unemployed')).toMatch(/^Participants without work/);
    // The figures do not depend on the language.
    expect(en.body.outputs.map((i: { value: unknown }) => i.value)).toEqual(
      nl.body.outputs.map((i: { value: unknown }) => i.value),
    );
    const fr = await get('/reports/esf', YEAR, 'fr-BE').expect(200);
    expect(definition(fr.body, 'unemployed')).toBe(definition(nl.body, 'unemployed'));
  });

  it('gives the quarterly definitions in Dutch by default and in English on request', async () => {
    const q = { year: 2025, quarter: 1 };
    const nl = await get('/reports/quarterly', q).expect(200);
    expect(nl.body.duration.definition).toBe(
      'Dagen van aanmelding tot afsluiting, voor trajecten die in het kwartaal werden afgesloten.',
    );
    expect(nl.body.reach.definition).toMatch(/^bereikt: /);
    const en = await get('/reports/quarterly', q, 'en').expect(200);
    expect(en.body.duration.definition).toBe(
      'Days from sign-up to closing, for trajectories closed in the quarter.',
    );
    expect(en.body.reach.reached).toBe(nl.body.reach.reached);
  });

  it('writes the CSV header in Dutch by default and in English on request', async () => {
    const nl = await raw('/reports/esf.csv', YEAR).expect(200);
    const firstLine = (b: Buffer) =>
      b
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\n')[0];
    expect(firstLine(nl.body)).toMatch(
      /^deelnemer_id,voornaam,achternaam,gepseudonimiseerd,gender,instapdatum,uitstroomdatum,ingestroomd_in_periode,/,
    );
    const en = await raw('/reports/esf.csv', YEAR, 'en').expect(200);
    expect(firstLine(en.body)).toMatch(
      /^participant_id,first_name,last_name,pseudonymised,gender,entry_date,/,
    );
  });

  it('names the sheets and headers of both workbooks in Dutch by default', async () => {
    const excel = await loadExcelForTest<{ Workbook: new () => LoadedBook }>();
    if (!excel) return; // 503 without exceljs, tested in esf.e2e-spec.ts and quarterly-xlsx.e2e-spec.ts
    const load = async (b: Buffer) => {
      const book = new excel.Workbook();
      await book.xlsx.load(b);
      return book;
    };
    const esf = await load((await raw('/reports/esf.xlsx', YEAR).expect(200)).body as Buffer);
    expect(esf.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Deelnemers', 'Definities']);
    const summary = esf.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(summary[1].slice(1, 8)).toEqual([
      'code',
      'naam',
      'cohorte',
      'vrouw',
      'man',
      'non-binair',
      'totaal',
    ]);
    const quarterly = await load(
      (await raw('/reports/quarterly.xlsx', { year: 2025, quarter: 1 }).expect(200)).body as Buffer,
    );
    expect(quarterly.worksheets.map((w) => w.name)).toEqual([
      'Samenvatting',
      'Instroom',
      'Bereik',
      'Uitstroom',
      'Doelstelling werk',
      'Duur',
      'Contactintensiteit',
      'Caseload per coach',
      'Caseload per organisatie',
      'Doorlooptijd doorverwijzingen',
      'Dekking empowermentmeting',
      'Afgelegde afstand',
      'Feedback van deelnemers',
      'Duurzaam werk',
      'Plaats van contact',
      'Tolkgebruik',
    ]);
    const reach = quarterly.worksheets[2].getSheetValues().filter(Boolean) as unknown[][];
    expect(reach[0].slice(1)).toEqual(['maatstaf', 'deelnemers']);
    expect(reach[1].slice(1)).toEqual(['bereikt', 1]);
  });
});
