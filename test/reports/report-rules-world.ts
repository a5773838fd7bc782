import { codeOf } from '../../src/reports/esf-indicators';
import type { TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { insertParticipant, insertTrajectory, TrajectoryRow } from './report-fixtures';

type ByGender = { female: number; male: number; nonbinary: number; total: number };

/**
 * Creates the file's own app before its tests (handing it to `into`, which keeps it in the file's `t`) and
 * closes it after the last; returns the report requests and the cohort builder.
 */
export function useReportRulesApp(into: (app: TestApp) => void) {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    into(app);
  });
  afterAll(() => app.close());
  return reportRulesHelpers(() => app);
}

/**
 * The report-rule tests' requests and cohort builder (issue 13), on the app `app()` returns when called
 * (the file's `beforeAll` creates it, in its own cloned database; each rule then builds its own partnership).
 */
export function reportRulesHelpers(app: () => TestApp) {
  const getAs = (
    p: TestPartnership,
    path: string,
    query: Record<string, string | number>,
    who = 'coordinator',
  ) =>
    // The rules' texts are asserted in English, the source language (Dutch is the default).
    as(app(), p.auth(who as Parameters<TestPartnership['auth']>[0])).get(path, { query, lang: 'en' });
  const esf = (p: TestPartnership, from: string, to: string) => getAs(p, '/reports/esf', { from, to });
  const quarterly = (p: TestPartnership, year: number, quarter: number) =>
    getAs(p, '/reports/quarterly', { year, quarter });
  const value = (
    body: { outputs: { code: string; value: ByGender }[]; results: { code: string; value: ByGender }[] },
    key: string,
  ) => [...body.outputs, ...body.results].find((i) => i.code === codeOf(key))!.value.total;

  /** A participant (complete entry data) with one trajectory. */
  const person = async (p: TestPartnership, row: TrajectoryRow) => {
    const id = await insertParticipant(app(), p, { referral_channel: row.referral_channel ?? 'outreach' });
    const trajectoryId = await insertTrajectory(app(), p, id, row);
    return { id, trajectoryId };
  };
  return { getAs, esf, quarterly, value, person };
}
