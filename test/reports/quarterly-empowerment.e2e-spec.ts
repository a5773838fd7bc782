import { addMonths } from '../../src/empowerment/schedule';
import { reviewDueSql } from '../../src/empowerment/schedule.sql';
import { scores } from '../assessments/helpers';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { day, insertAssessment, insertParticipant, insertTrajectory, reasonCodes } from './report-fixtures';
import { empowermentFromSheets, LoadedBook, sheetRows, loadExcelForTest } from './xlsx-sheets';
import { as } from '../support/api';

const WEEK = 7 * 86400_000;

/**
 * Q1 2025 runs from 1 January to 31 March, Brussels time. Reviews are due 3 months after each
 * baseline or review (UTC calendar months); scores are in instrument order: competentie,
 * zelfbeschikking, impact, betekenis, positieve identiteit, groepsoriëntatie.
 */
describe('empowerment in the quarterly report and the data-quality list', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let e: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    [a, b, e] = [
      await createPartnership(t, 'A'),
      await createPartnership(t, 'B'),
      await createPartnership(t, 'E'),
    ];
    const T = async (p: TestPartnership, row: Parameters<typeof insertTrajectory>[3]) =>
      insertTrajectory(t, p, await insertParticipant(t, p), row);
    const old = { started_at: day('2024-09-01'), guidance_started_at: day('2024-10-01') };
    const A = (id: string, kind: 'baseline' | 'review' | 'exit', takenAt: string, s: number[]) =>
      insertAssessment(t, a, id, { kind, takenAt, scores: scores(...s) });

    // E1: review due 15 January, done on 10 January: on time. Change 1, 2, 0, −1, 0, 3.
    const e1 = await T(a, old);
    await insertAssessment(t, a, e1, {
      kind: 'baseline',
      takenAt: day('2024-10-15'),
      scores: scores(5),
      participantScores: scores(1), // the participant's own view never counts in the figures
    });
    await A(e1, 'review', day('2025-01-10'), [6, 7, 5, 4, 5, 8]);
    // E2: 30 November + 3 months = 28 February 10:00 (no 30 February); done at exactly that moment:
    // on time. Change 2, 1, 0, −1, 0, 2.
    const e2 = await T(a, old);
    await A(e2, 'baseline', day('2024-11-30'), [4, 4, 4, 4, 4, 4]);
    await A(e2, 'review', '2025-02-28T10:00:00Z', [6, 5, 4, 3, 4, 6]);
    // E3: the same due moment, done a minute later: late. Change 0, 1, 0, 0, 2, 0; the review in
    // April is after the quarter and does not count as the latest.
    const e3 = await T(a, old);
    await A(e3, 'baseline', day('2024-11-30'), [3, 3, 3, 3, 3, 3]);
    await A(e3, 'review', '2025-02-28T10:01:00Z', [3, 4, 3, 3, 5, 3]);
    await A(e3, 'review', day('2025-04-20'), [9, 9, 9, 9, 9, 9]);
    // E4: due 20 March, never done. Baseline only: no distance travelled.
    const e4 = await T(a, old);
    await A(e4, 'baseline', day('2024-12-20'), [5, 5, 5, 5, 5, 5]);
    // E5: due 5 March, but closed on 1 March with an exit assessment: nothing was due. The exit is
    // the latest measurement: change 2, 1, 0, −1, 0, 0.
    const e5 = await T(a, { ...old, closed_at: day('2025-03-01'), outcome: 'work' });
    await A(e5, 'baseline', day('2024-12-05'), [2, 2, 2, 2, 2, 2]);
    await A(e5, 'exit', day('2025-03-01'), [4, 3, 2, 1, 2, 2]);
    // E6: the baseline's review fell in Q4; the review of 10 December makes the next one due on
    // 10 March, done on 5 March: on time. Latest is 5 March: change 2, 0, −1, 1, 3, 0.
    const e6 = await T(a, old);
    await A(e6, 'baseline', day('2024-09-20'), [6, 6, 6, 6, 6, 6]);
    await A(e6, 'review', day('2024-12-10'), [7, 7, 7, 7, 7, 7]);
    await A(e6, 'review', day('2025-03-05'), [8, 6, 5, 7, 9, 6]);
    // E7: in guidance since February; a release-scale baseline is not an empowerment baseline.
    const e7 = await T(a, { started_at: day('2025-01-15'), guidance_started_at: day('2025-02-01') });
    await insertAssessment(t, a, e7, {
      kind: 'baseline',
      takenAt: day('2025-02-10'),
      scores: { release: 4 },
      instrument: 'release_scale',
    });
    // E8: still in intake: active, but no baseline expected.
    await T(a, { started_at: day('2025-03-01'), intake_at: day('2025-03-05') });
    // E9: baseline on 3 April, after the quarter.
    const e9 = await T(a, { started_at: day('2024-12-15'), guidance_started_at: day('2025-01-05') });
    await A(e9, 'baseline', day('2025-04-03'), [5, 5, 5, 5, 5, 5]);
    // E10: closed before the quarter: counts nowhere, although a review would have been due on 10 January.
    const e10 = await T(a, { ...old, closed_at: day('2024-12-15'), outcome: 'no_result' });
    await A(e10, 'baseline', day('2024-10-10'), [1, 1, 1, 1, 1, 1]);
    await A(e10, 'review', day('2024-12-01'), [10, 10, 10, 10, 10, 10]);
    // E13: baseline at 23:30 on 31 December in Brussels; due 31 March 22:30 UTC, which is already
    // 1 April in Brussels: a second-quarter review.
    const e13 = await T(a, { started_at: day('2024-11-01'), guidance_started_at: day('2024-12-01') });
    await A(e13, 'baseline', '2024-12-31T22:30:00Z', [5, 5, 5, 5, 5, 5]);

    // Another partnership: baseline 15 November, review due 15 February, done on 20 February.
    const other = await T(b, old);
    await insertAssessment(t, b, other, { kind: 'baseline', takenAt: day('2024-11-15'), scores: scores(5) });
    await insertAssessment(t, b, other, { kind: 'review', takenAt: day('2025-02-20'), scores: scores(7) });
  });
  afterAll(() => t.close());

  const quarterly = (quarter: number, p = a) =>
    as(t, p.auth('coordinator'))
      .get('/reports/quarterly', { query: { year: 2025, quarter }, lang: 'en' })
      .expect(200);

  describe('GET /reports/quarterly: empowermentCoverage', () => {
    it('gives baseline coverage, reviews on time and distance travelled per component, as worked out by hand', async () => {
      const { empowermentCoverage: c } = (await quarterly(1)).body;
      expect(c).toMatchObject({ instrument: { key: 'empowerment', version: 1 } });
      // Active in Q1: E1–E9 and E13; E10 closed in December.
      expect(c.activeTrajectories).toBe(10);
      // In guidance: all but E8. A baseline before the quarter end: E1–E6 and E13 (not E7, not E9).
      expect(c.baseline).toMatchObject({ trajectories: 9, withBaseline: 7, share: 0.7778 });
      expect(c.baseline.definition).toMatch(/guidance/);
      // Due in Q1: E1, E2, E3, E4, E6 (E5 closed first, E13 falls in Q2). On time: E1, E2, E6.
      expect(c.reviews).toMatchObject({ intervalMonths: 3, due: 5, onTime: 3, share: 0.6 });
      expect(c.reviews.definition).toMatch(/at or before the due moment/);
      // Baseline and follow-up: E1, E2, E3, E5, E6. Sums of the changes per component:
      // 1+2+0+2+2 = 7, 2+1+1+1+0 = 5, 0+0+0+0−1 = −1, −1−1+0−1+1 = −2, 0+0+2+0+3 = 5, 3+2+0+0+0 = 5.
      expect(c.distanceTravelled.trajectories).toBe(5);
      expect(c.distanceTravelled.byComponent).toEqual({
        competentie: { n: 5, meanChange: 1.4 },
        zelfbeschikking: { n: 5, meanChange: 1 },
        impact: { n: 5, meanChange: -0.2 },
        betekenis: { n: 5, meanChange: -0.4 },
        positieve_identiteit: { n: 5, meanChange: 1 },
        groepsorientatie: { n: 5, meanChange: 1 },
      });
      expect(c.distanceTravelled.definition).toMatch(/latest review or exit/);
    });

    it('counts the review due at 00:30 on 1 April in Brussels in the second quarter', async () => {
      const { reviews } = (await quarterly(2)).body.empowermentCoverage;
      // Due in Q2: E1 (10 April, not done), E2 (28 May, not done), E3 (28 May 10:01, done 20 April),
      // E6 (5 June, not done) and E13 (1 April 00:30 local, not done).
      expect(reviews).toMatchObject({ due: 5, onTime: 1, share: 0.2 });
    });

    it('shows another partnership only its own assessments', async () => {
      const { empowermentCoverage: c } = (await quarterly(1, b)).body;
      expect(c).toMatchObject({
        activeTrajectories: 1,
        baseline: { trajectories: 1, withBaseline: 1, share: 1 },
        reviews: { due: 1, onTime: 0, share: 0 },
        distanceTravelled: { trajectories: 1 },
      });
      expect(c.distanceTravelled.byComponent.impact).toEqual({ n: 1, meanChange: 2 });
    });

    it('computes review due moments in SQL exactly as the schedule does in code', async () => {
      for (const at of [
        '2024-11-30T10:00:00Z',
        '2023-11-30T10:00:00Z', // to 29 February in a leap year
        '2024-12-31T22:30:00Z',
        '2025-01-31T23:30:00Z',
        '2025-08-31T00:15:00Z',
      ]) {
        for (const months of [1, 3]) {
          const [{ due }] = await t.sql<{ due: Date }>(
            `select ${reviewDueSql('$1::timestamptz', '$2::int')} as due`,
            [at, months],
          );
          expect({ at, months, due: due.toISOString() }).toEqual({
            at,
            months,
            due: addMonths(new Date(at), months).toISOString(),
          });
        }
      }
    });
  });

  describe('GET /reports/quarterly.xlsx: the empowerment sheets', () => {
    it('read back to exactly the JSON figures', async () => {
      const excel = await loadExcelForTest<{ Workbook: new () => LoadedBook }>();
      if (!excel) return; // without exceljs the route answers 503, tested in quarterly-xlsx.e2e-spec.ts
      const res = await as(t, a.auth('coordinator'))
        .get('/reports/quarterly.xlsx', { query: { year: 2025, quarter: 1 }, lang: 'en' })
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new excel.Workbook();
      await book.xlsx.load(res.body as Buffer);
      const rebuilt = empowermentFromSheets(sheetRows(book));
      expect(rebuilt).toEqual((await quarterly(1)).body.empowermentCoverage);
      expect(rebuilt.distanceTravelled.byComponent.impact).toEqual({ n: 5, meanChange: -0.2 });
      expect(rebuilt.reviews).toMatchObject({ due: 5, onTime: 3 });
    });
  });

  describe('GET /reports/data-quality: no baseline after 6 weeks', () => {
    const dq: Record<string, string> = {};

    beforeAll(async () => {
      // The server's (injected) clock, so the six weeks are counted as the server counts them, on any date.
      const now = t.clock.now().getTime();
      const ago = (ms: number) => new Date(now - ms).toISOString();
      const MINUTES_10 = 10 * 60_000;
      const T = async (key: string, row: Parameters<typeof insertTrajectory>[3]) => {
        dq[key] = await insertParticipant(t, e, { entry_date: '2026-01-01' });
        return insertTrajectory(t, e, dq[key], row);
      };
      const guided = (guidance: number) => ({
        started_at: ago(guidance + 86400_000),
        guidance_started_at: ago(guidance),
      });
      await T('inside', guided(6 * WEEK - MINUTES_10));
      await T('outside', guided(6 * WEEK + MINUTES_10));
      await T('aftercare', { ...guided(10 * WEEK), aftercare_at: ago(WEEK) });
      const measured = await T('measured', guided(10 * WEEK));
      await insertAssessment(t, e, measured, { kind: 'baseline', takenAt: ago(8 * WEEK), scores: scores(5) });
      const releaseOnly = await T('releaseOnly', guided(10 * WEEK));
      await insertAssessment(t, e, releaseOnly, {
        kind: 'baseline',
        takenAt: ago(8 * WEEK),
        scores: { release: 3 },
        instrument: 'release_scale',
      });
      await T('closed', { ...guided(40 * WEEK), closed_at: ago(WEEK), outcome: 'no_result' });
      await T('intake', { started_at: ago(8 * WEEK), intake_at: ago(7 * WEEK) });
    });

    it('lists trajectories in guidance or aftercare for more than 6 weeks without an empowerment baseline', async () => {
      const res = await as(t, e.auth('coordinator')).get('/reports/data-quality', { lang: 'en' }).expect(200);
      const reasons = reasonCodes(res.body);
      // Not listed: 10 minutes inside the window, a baseline taken, closed, still in intake.
      expect(reasons).toEqual({
        [dq.outside]: ['empowerment_baseline_missing'],
        [dq.aftercare]: ['empowerment_baseline_missing'],
        [dq.releaseOnly]: ['empowerment_baseline_missing'],
      });
      const item = res.body.items.find((i: { participantId: string }) => i.participantId === dq.outside);
      expect(item.reasons[0].message).toMatch(/baseline empowerment assessment.*6 weeks/);
      // Dutch is the default for the people who read it (issue 13, "Language and time").
      const nl = await as(t, e.auth('coordinator')).get('/reports/data-quality').expect(200);
      const nlItem = nl.body.items.find((i: { participantId: string }) => i.participantId === dq.outside);
      expect(nlItem.reasons[0].message).toMatch(/^In begeleiding of nazorg zonder nulmeting empowerment/);
      expect(nl.body.definition).not.toEqual(res.body.definition);
      // Another partnership does not see these.
      const other = await as(t, b.auth('coordinator')).get('/reports/data-quality').expect(200);
      expect(other.body.items.map((i: { participantId: string }) => i.participantId)).not.toContain(
        dq.outside,
      );
    });
  });
});
