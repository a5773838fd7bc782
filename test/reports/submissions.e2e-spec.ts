import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { codeOf } from '../../src/reports/esf-indicators';
import { parseCsv } from '../../src/reports/export/csv';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { day, grant, insertParticipant, insertTrajectory } from './report-fixtures';
import { LoadedBook, loadExcelForTest } from './xlsx-sheets';
import { as } from '../support/api';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
type Who = Parameters<TestPartnership['auth']>[0];
interface Line {
  indicator: string;
  cell?: string;
  submitted: number | null;
  current: number | null;
  delta: number | null;
}
interface Indicator {
  indicator: string;
  lines: Line[];
  changed: boolean;
  participants: { participantId: string; firstName?: string; lastName?: string }[] | null;
}

type Req = ReturnType<ReturnType<TestApp['http']>['get']>;
const asText = (req: Req) =>
  req.buffer(true).parse((res, done) => {
    let s = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => (s += c));
    res.on('end', () => done(null, s));
  });
const asBinary = (req: Req) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('Report submissions (/reports/esf/submissions, /reports/quarterly/submissions)', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const id: Record<string, string> = {};
  let esfSubmission: Record<string, unknown> & { id: string; figures: Record<string, unknown> };

  const caller = (who: Who = 'coordinator', p = () => a) => ({
    get: (url: string, query: object = {}) => as(t, p().auth(who)).get(url, { query }),
    post: (url: string, body: object) => as(t, p().auth(who)).post(url, body),
  });
  const count = async () =>
    (
      await t.sql<{ n: number }>(
        'select count(*)::int as n from report_submissions where partnership_id = $1',
        [a.id],
      )
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    // p1: female, entered 1 March, left 1 June without result (EECR04 female 0).
    id.p1 = await insertParticipant(t, a, { first_name: 'Amira', last_name: 'Eerste' });
    id.t1 = await insertTrajectory(t, a, id.p1, {
      started_at: day('2025-03-01'),
      intake_at: day('2025-03-01'),
      closed_at: day('2025-06-01'),
      outcome: 'no_result',
    });
    // p2: male, entered 1 February, left to work on 1 May (EECR04 male 1).
    id.p2 = await insertParticipant(t, a, {
      gender: 'male',
      entry_date: '2025-02-01',
      first_name: 'Bart',
      last_name: 'Tweede',
    });
    await insertTrajectory(t, a, id.p2, {
      started_at: day('2025-02-01'),
      intake_at: day('2025-02-01'),
      closed_at: day('2025-05-01'),
      outcome: 'work',
    });
    // p3: female, entered 1 April, still in guidance.
    id.p3 = await insertParticipant(t, a, {
      entry_date: '2025-04-01',
      first_name: 'Chloe',
      last_name: 'Derde',
    });
    await insertTrajectory(t, a, id.p3, { started_at: day('2025-04-01'), intake_at: day('2025-04-01') });
    // Another partnership's participant, in the same year.
    id.other = await insertParticipant(t, b, { first_name: 'Xander', last_name: 'Ander' });
    await insertTrajectory(t, b, id.other, { started_at: day('2025-03-01'), intake_at: day('2025-03-01') });
  });
  afterAll(() => t.close());

  describe('POST /reports/esf/submissions', () => {
    it('freezes the report: 201 with the figures of GET /reports/esf and a hash over the stored facts', async () => {
      const live = await caller().get('/reports/esf', YEAR).expect(200);
      const res = await caller().post('/reports/esf/submissions', {
        ...YEAR,
        note: 'Jaarrapport 2025 aan Europa WSE',
      });
      expect(res.status).toBe(201);
      esfSubmission = res.body;
      expect(res.body).toMatchObject({
        kind: 'esf',
        from: '2025-01-01',
        to: '2025-12-31',
        note: 'Jaarrapport 2025 aan Europa WSE',
        submittedBy: a.staff.coordinator.id,
        submittedByOrganisationId: a.staff.coordinator.organisationId,
        language: 'nl',
        factsCount: 3,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        factsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(res.body.figures).toEqual(live.body);
      // Hand count: entered p1 p2 p3 (2 female, 1 male); left p1 (no result) and p2 (work).
      const v = new Map(
        (res.body.figures.results as { code: string; value: object }[]).map((i) => [i.code, i.value]),
      );
      expect(v.get(codeOf('employed_upon_leaving'))).toEqual({ female: 0, male: 1, nonbinary: 0, total: 1 });
      expect(res.body.figures.cohorts.entered).toEqual({ female: 2, male: 1, nonbinary: 0, total: 3 });

      // The hash is over the stored facts, which anyone holding them can recompute; they hold no names.
      const [row] = await t.sql<{ facts: { header: string[]; rows: unknown[][] }; raw: string }>(
        'select facts, facts::text as raw from report_submissions where id = $1',
        [res.body.id],
      );
      // SHA-256 over the JSON text of {header, rows}, in that order (jsonb keeps its own key order).
      const recomputed = JSON.stringify({ header: row.facts.header, rows: row.facts.rows });
      expect(createHash('sha256').update(recomputed).digest('hex')).toBe(res.body.factsHash);
      expect(row.facts.rows.map((r) => r[0])).toEqual([id.p1, id.p2, id.p3].sort());
      expect(row.facts.header).not.toContain('first_name');
      expect(row.facts.header).not.toContain(codeOf('disability'));
      for (const name of ['Amira', 'Eerste', 'Bart', 'Tweede', 'Chloe', 'Derde'])
        expect(row.raw).not.toContain(name);

      const [audit] = await t.sql<{ n: number }>(
        `select count(*)::int as n from audit_events where resource_type = 'report.esf.submission'
            and action = 'create' and resource_id = $1 and actor_id = $2`,
        [res.body.id, a.staff.coordinator.id],
      );
      expect(audit.n).toBe(1);
    });

    it('rejects bad input with 400 and writes nothing', async () => {
      const before = await count();
      const bad: [object, string][] = [
        [{ from: '2025-12-31', to: '2025-01-01' }, 'REPORT_PERIOD_INVALID'],
        [{ from: '2025-02-30', to: '2025-03-01' }, 'VALIDATION_FAILED'],
        [{ to: '2025-03-01' }, 'VALIDATION_FAILED'],
        [{ ...YEAR, note: 'x'.repeat(2001) }, 'VALIDATION_FAILED'],
        [{ ...YEAR, figures: { forged: 1 } }, 'VALIDATION_FAILED'],
      ];
      for (const [body] of bad) {
        const res = await caller().post('/reports/esf/submissions', body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      const first = await caller().post('/reports/esf/submissions', bad[0][0]).expect(400);
      expect(first.body.code).toBe('REPORT_PERIOD_INVALID');
      expect(await count()).toBe(before);
    });

    it('refuses a coach, a DPO and an anonymous caller', async () => {
      const before = await count();
      await caller('coach').post('/reports/esf/submissions', YEAR).expect(403);
      await caller('dpo').post('/reports/esf/submissions', YEAR).expect(403);
      await t.http().post('/reports/esf/submissions').send(YEAR).expect(401);
      await caller('coach').get('/reports/esf/submissions').expect(403);
      await caller('coach').get(`/reports/esf/submissions/${esfSubmission.id}`).expect(403);
      await caller('coach').get(`/reports/esf/submissions/${esfSubmission.id}/restatement`).expect(403);
      await caller('coach').get(`/reports/esf/submissions/${esfSubmission.id}.csv`).expect(403);
      expect(await count()).toBe(before);
    });
  });

  describe('GET /reports/esf/submissions and /{id}', () => {
    it('lists the submissions of the own partnership only', async () => {
      const res = await caller().get('/reports/esf/submissions').expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({ id: esfSubmission.id, factsHash: esfSubmission.factsHash });
      expect(res.body.items[0].figures).toBeUndefined();
      const other = await caller('coordinator', () => b)
        .get('/reports/esf/submissions')
        .expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
    });

    it("answers 404 for another partnership's submission, an unknown id, and a quarterly id on the ESF route", async () => {
      const res = await caller('coordinator', () => b)
        .get(`/reports/esf/submissions/${esfSubmission.id}`)
        .expect(404);
      expect(res.body.code).toBe('REPORT_SUBMISSION_NOT_FOUND');
      await caller('coordinator', () => b)
        .get(`/reports/esf/submissions/${esfSubmission.id}/restatement`)
        .expect(404);
      await caller('coordinator', () => b)
        .get(`/reports/esf/submissions/${esfSubmission.id}.csv`)
        .expect(404);
      await caller().get('/reports/esf/submissions/00000000-0000-4000-8000-000000000000').expect(404);
      await caller().get('/reports/esf/submissions/not-a-uuid').expect(400);
      await caller().get(`/reports/quarterly/submissions/${esfSubmission.id}`).expect(404);
    });

    it('offers no way to change or delete a submission through the API', async () => {
      for (const method of ['patch', 'put', 'delete'] as const) {
        const http = t.http();
        const res = await http[method](`/reports/esf/submissions/${esfSubmission.id}`)
          .send({ note: 'anders' })
          .set('authorization', a.auth('coordinator'));
        expect({ method, status: res.status }).toEqual({ method, status: 404 });
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE to the runtime role, and a trigger refuses them to everyone', async () => {
      const app = new Client({ connectionString: t.appUrl });
      await app.connect();
      try {
        for (const sql of [
          `update report_submissions set note = 'vervalst'`,
          `delete from report_submissions`,
          `truncate report_submissions`,
        ]) {
          await app.query('begin');
          await app.query(
            `select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.org_id', $3, true)`,
            [a.id, a.staff.coordinator.id, a.staff.coordinator.organisationId],
          );
          await expect(app.query(sql)).rejects.toThrow(/permission denied/);
          await app.query('rollback');
        }
      } finally {
        await app.end();
      }
      await expect(t.sql(`update report_submissions set note = 'vervalst'`)).rejects.toThrow(/append-only/);
      await expect(t.sql(`delete from report_submissions`)).rejects.toThrow(/append-only/);
      await expect(t.sql(`truncate report_submissions`)).rejects.toThrow(/append-only/);
      expect(await count()).toBe(1);
    });
  });

  describe('a re-entry revises an earlier result; the submission stays as sent and the restatement names who moved', () => {
    it('keeps the figures byte for byte, and restates EECR04 female 0 → 1 naming p1', async () => {
      // p1 comes back in August and leaves to work on 1 October: her final exit is now a work exit (EC rule).
      await insertTrajectory(t, a, id.p1, {
        started_at: day('2025-08-01'),
        intake_at: day('2025-08-01'),
        closed_at: day('2025-10-01'),
        outcome: 'work',
      });
      const live = await caller().get('/reports/esf', YEAR).expect(200);
      const eecr04 = (live.body.results as { code: string; value: object }[]).find(
        (i) => i.code === codeOf('employed_upon_leaving'),
      );
      expect(eecr04!.value).toEqual({ female: 1, male: 1, nonbinary: 0, total: 2 });

      const frozen = await caller().get(`/reports/esf/submissions/${esfSubmission.id}`).expect(200);
      expect(frozen.body).toEqual(esfSubmission);
      expect(frozen.text).toBe(JSON.stringify(esfSubmission));

      const res = await caller().get(`/reports/esf/submissions/${esfSubmission.id}/restatement`).expect(200);
      expect(res.body).toMatchObject({
        submissionId: esfSubmission.id,
        kind: 'esf',
        period: YEAR,
        submittedFactsHash: esfSubmission.factsHash,
        unchanged: false,
      });
      expect(res.body.currentFactsHash).not.toBe(esfSubmission.factsHash);
      const by = new Map((res.body.indicators as Indicator[]).map((i) => [i.indicator, i]));
      const r04 = by.get(codeOf('employed_upon_leaving'))!;
      expect(r04.changed).toBe(true);
      expect(r04.lines.filter((l) => l.submitted !== l.current)).toEqual([
        { indicator: 'EECR04', cell: 'female', submitted: 0, current: 1, delta: 1 },
        { indicator: 'EECR04', cell: 'total', submitted: 1, current: 2, delta: 1 },
      ]);
      // No grant for Stad Gent's coordinator: the id only.
      expect(r04.participants).toEqual([{ participantId: id.p1 }]);
      expect(by.get(codeOf('unemployed'))).toMatchObject({ changed: false, participants: [] });
      // Special categories are aggregate only: never a list of people.
      expect(by.get(codeOf('disability'))!.participants).toBeNull();
      expect(res.body.participants).toEqual([{ participantId: id.p1 }]);
      expect(res.text).not.toContain('Amira');
    });

    it('names the participant who moved only where the caller holds a grant', async () => {
      await grant(t, a, id.p1, a.orgs.stad.id, 'summary');
      const res = await caller().get(`/reports/esf/submissions/${esfSubmission.id}/restatement`).expect(200);
      expect(res.body.participants).toEqual([
        { participantId: id.p1, firstName: 'Amira', lastName: 'Eerste' },
      ]);
      const [audit] = await t.sql<{ n: number }>(
        `select count(*)::int as n from audit_events where action = 'list' and resource_type = 'participant'
            and participant_id = $1 and actor_id = $2`,
        [id.p1, a.staff.coordinator.id],
      );
      expect(audit.n).toBeGreaterThanOrEqual(1);
    });

    it('keeps the submission unchanged when the participants are pseudonymised', async () => {
      const dpo = await as(t, a.auth('dpo')).post(`/participants/${id.p2}/pseudonymise`, {
        note: 'Verzoek AV-7',
      });
      expect(dpo.status).toBe(200);
      const frozen = await caller().get(`/reports/esf/submissions/${esfSubmission.id}`).expect(200);
      expect(frozen.text).toBe(JSON.stringify(esfSubmission));
      expect(await count()).toBe(1);
    });
  });

  describe('GET /reports/esf/submissions/{id}.csv and .xlsx', () => {
    it('gives the participant rows as they were sent, with Dutch headers and no names', async () => {
      const res = await asText(caller().get(`/reports/esf/submissions/${esfSubmission.id}.csv`)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...rows] = parseCsv((res.body as string).replace(/^\uFEFF/, ''));
      expect(header.slice(0, 4)).toEqual(['deelnemer_id', 'gepseudonimiseerd', 'gender', 'instapdatum']);
      expect(header).not.toContain(codeOf('disability'));
      expect(rows.map((r) => r[0])).toEqual([id.p1, id.p2, id.p3].sort());
      // p1's exit as it was when sent: 1 June without result, not today's 1 October to work.
      const p1 = rows.find((r) => r[0] === id.p1)!;
      expect(p1[header.indexOf('uitstroomdatum')]).toBe('2025-06-01');
      expect(p1[header.indexOf(codeOf('employed_upon_leaving'))]).toBe('0');
      expect(res.body).not.toContain('Amira');
      const en = await asText(
        caller().get(`/reports/esf/submissions/${esfSubmission.id}.csv`).set('accept-language', 'en'),
      ).expect(200);
      expect((en.body as string).replace(/^\uFEFF/, '').split('\n')[0]).toMatch(
        /^participant_id,pseudonymised,gender,entry_date/,
      );
    });

    it('gives the workbook with Dutch sheet names and the submitted figures (503 without exceljs)', async () => {
      const excel = await loadExcelForTest<{ Workbook: new () => LoadedBook }>();
      const req = () => asBinary(caller().get(`/reports/esf/submissions/${esfSubmission.id}.xlsx`));
      if (!excel) {
        await req().expect(503);
        return;
      }
      const res = await req().expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new excel.Workbook();
      await book.xlsx.load(res.body as Buffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Deelnemers', 'Definities']);
      const summary = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
      const eecr04 = summary.find((r) => r[1] === codeOf('employed_upon_leaving'))!;
      // code, name, cohort, female, male, nonbinary, total: as submitted (female 0), not today's 1.
      expect(eecr04.slice(4, 8)).toEqual([0, 1, 0, 1]);
    });
  });

  describe('quarterly submissions', () => {
    let q2: Record<string, unknown> & { id: string };

    it('freezes the quarterly report with the same figures as GET /reports/quarterly', async () => {
      const live = await caller().get('/reports/quarterly', { year: 2025, quarter: 2 }).expect(200);
      const res = await caller().post('/reports/quarterly/submissions', {
        year: 2025,
        quarter: 2,
        note: 'Stuurgroep juli',
      });
      expect(res.status).toBe(201);
      q2 = res.body;
      expect(res.body).toMatchObject({
        kind: 'quarterly',
        year: 2025,
        quarter: 2,
        from: '2025-04-01',
        to: '2025-06-30',
        factsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(res.body.figures).toEqual(live.body);
      // Active in Q2: p1's first trajectory (closed 1 June), p2's (closed 1 May), p3's (started 1 April).
      expect(res.body.factsCount).toBe(3);
      expect(res.body.figures.exits.total).toBe(2);
    });

    it('restates the figures that moved and who moved them', async () => {
      id.p4 = await insertParticipant(t, a, { entry_date: '2025-05-10' });
      await insertTrajectory(t, a, id.p4, { started_at: day('2025-05-10'), intake_at: day('2025-05-10') });
      const res = await caller().get(`/reports/quarterly/submissions/${q2.id}/restatement`).expect(200);
      const lines = (res.body.indicators as Indicator[]).flatMap((i) => i.lines).filter((l) => l.delta);
      expect(lines).toEqual(
        expect.arrayContaining([
          { indicator: 'inflow', cell: 'trajectoriesStarted', submitted: 1, current: 2, delta: 1 },
          { indicator: 'reach', cell: 'reached', submitted: 1, current: 2, delta: 1 },
        ]),
      );
      expect(res.body.participants).toEqual([{ participantId: id.p4 }]);
      const frozen = await caller().get(`/reports/quarterly/submissions/${q2.id}`).expect(200);
      expect(frozen.text).toBe(JSON.stringify(q2));
    });

    it('rejects a bad quarter with 400, a coach with 403, and hides it from another partnership', async () => {
      const before = await count();
      await caller().post('/reports/quarterly/submissions', { year: 2025, quarter: 5 }).expect(400);
      await caller().post('/reports/quarterly/submissions', { year: '2025', quarter: 1 }).expect(400);
      await caller('coach').post('/reports/quarterly/submissions', { year: 2025, quarter: 1 }).expect(403);
      expect(await count()).toBe(before);
      await caller('coordinator', () => b)
        .get(`/reports/quarterly/submissions/${q2.id}`)
        .expect(404);
      const list = await caller().get('/reports/quarterly/submissions').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([q2.id]);
    });
  });
});
