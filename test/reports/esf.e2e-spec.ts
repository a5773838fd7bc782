import { loadExcelForTest } from './xlsx-sheets';
import { codeOf } from '../../src/reports/esf-indicators';
import { parseCsv } from '../../src/reports/export/csv';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { day, grant, insertFollowUp, insertParticipant, insertTrajectory } from './report-fixtures';
import { as } from '../support/api';

type ByGender = { female: number; male: number; nonbinary: number; total: number };
interface Indicator {
  code: string;
  name: string;
  definition: string;
  value: ByGender;
  unknown?: ByGender;
}
interface EsfReport {
  cohorts: Record<string, ByGender>;
  completeness: { grandTotal: ByGender; complete: ByGender };
  definition: string;
  outputs: Indicator[];
  results: Indicator[];
}

const g = (female: number, male: number, nonbinary: number): ByGender => ({
  female,
  male,
  nonbinary,
  total: female + male + nonbinary,
});
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('ESF+ indicators (GET /reports/esf)', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    const P = (key: string, row: Parameters<typeof insertParticipant>[2] = {}) =>
      insertParticipant(t, a, row).then((pid) => (id[key] = pid));
    // An ESF participant from the first intake (issue 13, rule 2): each entrant's trajectory reaches
    // intake on the entry date, so the ages and periods below are unchanged by the rule.
    const E = async (key: string, row: Parameters<typeof insertParticipant>[2] = {}) => {
      await P(key, row);
      const entry = day(row.entry_date ?? '2025-03-01');
      await insertTrajectory(t, a, id[key], { started_at: entry, intake_at: entry });
    };

    // Entered in 2025 (outputs). Ages are at the entry date.
    await E('p1'); // female, unemployed, ISCED 3-4, 34
    await E('p2', { gender: 'male', long_term_unemployed: true });
    await E('p3', {
      gender: 'nonbinary',
      labour_status: 'in_education',
      birth_date: '2007-03-10',
      entry_date: '2025-03-09',
      education_level: 'isced_0_2',
    }); // 17
    await E('p4', { labour_status: 'inactive', birth_date: '2007-03-10', entry_date: '2025-03-10' }); // 18 on the day
    await E('p5', {
      gender: 'male',
      labour_status: 'employed',
      birth_date: '1995-03-10',
      entry_date: '2025-03-09',
    }); // 29
    await E('p6', { labour_status: 'self_employed', birth_date: '1995-03-10', entry_date: '2025-03-10' }); // 30 on the day
    await E('p7', {
      gender: 'male',
      long_term_unemployed: null,
      birth_date: '1970-03-10',
      entry_date: '2025-03-09',
    }); // 54
    await E('p8', { birth_date: '1970-03-10', entry_date: '2025-03-10', education_level: 'isced_5_8' }); // 55 on the day
    await E('p9', { labour_status: null, long_term_unemployed: null, education_level: null });
    await E('p10', { gender: 'male', disability: 'declined', minority: 'declined' });
    await E('p11', {
      disability: 'yes',
      minority: 'yes',
      third_country_national: true,
      foreign_background: true,
    });
    await E('p12', {
      gender: 'nonbinary',
      disability: null,
      homeless_or_housing_exclusion: true,
      rural_area: true,
      third_country_national: null,
      foreign_background: null,
    });
    await P('p13', { entry_date: '2025-02-01' }); // re-entry: two trajectories, counted once
    await E('p14', { gender: 'male', entry_date: '2024-12-31' }); // the day before the period
    await E('p15', { gender: 'male', entry_date: '2025-12-31' }); // the last day of the period
    await E('p16', { entry_date: '2026-01-01' }); // the day after

    const t13a = await insertTrajectory(t, a, id.p13, {
      started_at: day('2025-02-01'),
      intake_at: day('2025-02-01'),
      closed_at: day('2025-04-01'),
      outcome: 'no_result',
    });
    expect(t13a).toBeTruthy();
    await insertTrajectory(t, a, id.p13, {
      started_at: day('2025-06-01'),
      intake_at: day('2025-06-02'), // the second intake: the ESF entry stays 1 February
      closed_at: day('2025-09-15'),
      outcome: 'work',
    });

    // Entered in 2024; results only.
    const L = async (
      key: string,
      closedAt: string,
      outcome: string,
      row: Parameters<typeof insertParticipant>[2] = {},
    ) => {
      await P(key, { entry_date: '2024-05-01', ...row });
      return insertTrajectory(t, a, id[key], {
        started_at: day('2024-05-01'),
        intake_at: day('2024-05-01'),
        closed_at: closedAt,
        outcome,
      });
    };
    await L('p17', day('2025-03-01'), 'work');
    const t18 = await L('p18', day('2025-05-10'), 'no_result', { gender: 'male' });
    await insertFollowUp(t, a, t18, '2025-06-07', 'job_searching'); // exactly 4 weeks after leaving
    const t19 = await L('p19', day('2025-05-10'), 'no_result');
    await insertFollowUp(t, a, t19, '2025-06-08', 'employed'); // 29 days: too late for "upon leaving"
    const t20 = await L('p20', day('2025-07-01'), 'education', { gender: 'nonbinary' });
    await insertFollowUp(t, a, t20, '2025-07-20', 'qualification');
    await L('p21', day('2025-04-01'), 'work', { gender: 'male' }); // came back: no exit any more
    await insertTrajectory(t, a, id.p21, { started_at: day('2025-10-01') });
    await L('p22', '2025-12-31T22:30:00Z', 'work'); // 23:30 in Brussels on 31 December: inside
    await L('p23', '2025-12-31T23:30:00Z', 'work', { gender: 'male' }); // 00:30 on 1 January in Brussels: outside
    const t24 = await L('p24', day('2024-12-31'), 'work', { labour_status: 'employed' });
    await insertFollowUp(t, a, t24, '2025-07-15', 'employed', true); // six months after = 2025-06-30, +15 days
    const t25 = await L('p25', day('2024-06-30'), 'work', { gender: 'male' });
    await insertFollowUp(t, a, t25, '2025-01-10', 'employed', true); // six months after = 2024-12-30: before the period
    const t26 = await L('p26', day('2024-07-01'), 'no_result', { gender: 'male' });
    await insertFollowUp(t, a, t26, '2025-01-01', 'self_employed', true); // unemployed at entry: EECR05, not EECR06
    const t27 = await L('p27', day('2025-03-01'), 'no_result', {
      gender: 'nonbinary',
      labour_status: 'employed',
    });
    await insertFollowUp(t, a, t27, '2025-08-03', 'employed', true); // 29 days before six months: outside
    const t28 = await L('p28', day('2025-02-01'), 'no_result', { labour_status: 'employed' });
    await insertFollowUp(t, a, t28, '2025-08-29', 'employed', true); // 28 days after six months: inside

    // Reached only (issue 13, rule 2): signed up in 2025, never at intake. They count in no ESF figure:
    // p29 closed from sign-up with outcome work, p30 is still at sign-up, p31 has no trajectory at all.
    await P('p29', { gender: 'male' });
    await insertTrajectory(t, a, id.p29, {
      started_at: day('2025-04-01'),
      closed_at: day('2025-05-01'),
      outcome: 'work',
    });
    await P('p30');
    await insertTrajectory(t, a, id.p30, { started_at: day('2025-06-01') });
    await P('p31', { gender: 'nonbinary' });
    // Incomplete entry data (issue 13, rule 3): p32 left in 2025 to work with no education level. It is
    // in no result indicator and not in cohorts.left's indicators; p9 is the incomplete entrant.
    await L('p32', day('2025-06-01'), 'work', { gender: 'male', education_level: null });

    // Another partnership's participant, entering and leaving in 2025.
    const other = await insertParticipant(t, b, {});
    await insertTrajectory(t, b, other, {
      started_at: day('2025-03-01'),
      intake_at: day('2025-03-01'),
      closed_at: day('2025-05-01'),
      outcome: 'work',
    });
  });
  afterAll(() => t.close());

  const esf = (
    who: Parameters<TestPartnership['auth']>[0] = 'coordinator',
    p = a,
    query: Record<string, string> = YEAR,
  ) => as(t, p.auth(who)).get('/reports/esf', { query });
  const byCode = (r: EsfReport) => new Map([...r.outputs, ...r.results].map((i) => [i.code, i]));

  it('counts every output indicator, by gender, exactly as worked out by hand', async () => {
    const res = await esf().expect(200);
    const r = res.body as EsfReport;
    const v = byCode(r);
    const expectValue = (key: string, value: ByGender, unknown?: ByGender) => {
      const i = v.get(codeOf(key))!;
      expect({ key, value: i.value, unknown: i.unknown }).toEqual({ key, value, unknown });
    };
    // Entered: p1–p13 and p15 (p14 and p16 fall outside, p13 counts once): 7 female, 5 male, 2 non-binary.
    // Not p29, p30, p31: reached, never at intake (rule 2).
    expect(r.cohorts.entered).toEqual(g(7, 5, 2));
    // Rule 3: p9 (no labour status, no education level) is in the grand total only: 14 - 1 = 13 complete.
    expect(r.completeness.grandTotal).toEqual(g(7, 5, 2));
    expect(r.completeness.complete).toEqual(g(6, 5, 2));
    // Before rule 3, p9 counted as "unknown" in EECO01-05 and EECO09-11; now it is in no indicator at all.
    expectValue('total', g(6, 5, 2), g(0, 0, 0)); // = completeness.complete
    expectValue('unemployed', g(4, 4, 1), g(0, 0, 0)); // p1 p8 p11 p13 | p2 p7 p10 p15 | p12
    expectValue('long_term_unemployed', g(0, 1, 0), g(0, 1, 0)); // p2 | unknown: p7 (flag missing)
    expectValue('inactive', g(1, 0, 1), g(0, 0, 0)); // p4 | p3 (in education)
    expectValue('employed', g(1, 1, 0), g(0, 0, 0)); // p6 self-employed | p5
    expectValue('below_18', g(0, 0, 1)); // p3 (17)
    expectValue('age_18_29', g(1, 1, 0)); // p4 (18 on the day) | p5 (29); p6 turned 30 that day
    expectValue('age_55_plus', g(1, 0, 0)); // p8 (55 on the day); p7 is 54
    expectValue('isced_0_2', g(0, 0, 1), g(0, 0, 0));
    expectValue('isced_3_4', g(5, 5, 1), g(0, 0, 0));
    expectValue('isced_5_8', g(1, 0, 0), g(0, 0, 0));
    // Special categories: p11 is the only one, so her cell and the total (1 < REPORT_MIN_CELL) are
    // suppressed; with two cells hidden neither can be computed from the other, and the zeros stay.
    const suppressed = { female: null, male: 0, nonbinary: 0, total: null } as unknown as ByGender;
    expectValue('disability', suppressed, g(0, 1, 1)); // p11 | declined p10, not asked p12
    expectValue('third_country_national', g(1, 0, 0), g(0, 0, 1));
    expectValue('foreign_background', g(1, 0, 0), g(0, 0, 1));
    expectValue('minority', suppressed, g(0, 1, 0)); // p11 | declined p10
    expectValue('homeless', g(0, 0, 1), g(0, 0, 0));
    expectValue('rural', g(0, 0, 1), g(0, 0, 0));
  });

  it('makes the total the sum of the employment statuses', async () => {
    const v = byCode((await esf().expect(200)).body as EsfReport);
    const sum = ['unemployed', 'inactive', 'employed'].reduce((n, k) => n + v.get(codeOf(k))!.value.total, 0);
    expect(sum).toBe(v.get(codeOf('total'))!.value.total);
  });

  it('counts the results of those who left, and of those who left six months before, as worked out by hand', async () => {
    const r = (await esf().expect(200)).body as EsfReport;
    const v = byCode(r);
    // Left in 2025 (final exit): p13 p17 p19 p22 p28 | p18 p32 | p20 p27. Not p21 (came back), not p23
    // (1 Jan local), not p29 (never at intake). p32 left to work but is incomplete: in no result below.
    expect(r.cohorts.left).toEqual(g(5, 2, 2));
    expect(r.cohorts.leftWithFollowUpUponLeaving).toEqual(g(0, 1, 1)); // p18, p20
    // Exit + 6 months in 2025: p17 p19 p24 p28 | p18 p26 p32 | p27 (p32 in no result: incomplete).
    expect(r.cohorts.leftSixMonthsBefore).toEqual(g(4, 3, 1));
    expect(r.cohorts.leftSixMonthsBeforeWithFollowUp).toEqual(g(2, 1, 0)); // p24 p28 | p26
    expect(v.get(codeOf('job_searching_upon_leaving'))!.value).toEqual(g(0, 1, 0)); // p18 at exactly 4 weeks
    expect(v.get(codeOf('education_upon_leaving'))!.value).toEqual(g(0, 0, 1)); // p20 outcome education
    expect(v.get(codeOf('qualification_upon_leaving'))!.value).toEqual(g(0, 0, 1)); // p20 follow-up
    expect(v.get(codeOf('employed_upon_leaving'))!.value).toEqual(g(3, 0, 0)); // p13 p17 p22 (p19: 29 days)
    expect(v.get(codeOf('employed_six_months'))!.value).toEqual(g(2, 1, 0)); // p24 p28 | p26
    expect(v.get(codeOf('better_situation_six_months'))!.value).toEqual(g(2, 0, 0)); // p24 p28 (p26 was unemployed)
    expect(v.get(codeOf('employed_upon_leaving'))!.unknown).toBeUndefined();
  });

  it('states the code, Annex name and definition of every indicator', async () => {
    const r = (await esf().expect(200)).body as EsfReport;
    expect(r.outputs).toHaveLength(17);
    expect(r.results).toHaveLength(6);
    for (const i of [...r.outputs, ...r.results]) {
      expect(i.code).toMatch(/^EEC[OR]\d\d$/);
      expect(i.name.length).toBeGreaterThan(5);
      expect(i.definition.length).toBeGreaterThan(20);
    }
    expect(r.outputs[0]).toMatchObject({ code: 'EECO01', name: 'Total number of participants' });
  });

  it('gives the same figures after every participant has been pseudonymised', async () => {
    const before = (await esf().expect(200)).body;
    await t.sql(
      `update participants set first_name = 'Pseudoniem', last_name = left(md5(id::text), 12), insz_hash = null,
              insz_encrypted = null, phone = null, email = null, street = null, pseudonymised_at = now()
        where partnership_id = $1`,
      [a.id],
    );
    const after = (await esf().expect(200)).body;
    expect(after).toEqual(before);
    const explained = await as(t, a.auth('coordinator'))
      .get('/reports/esf/participants', { query: { ...YEAR, indicator: codeOf('long_term_unemployed') } })
      .expect(200);
    expect(explained.body.items).toEqual([{ participantId: id.p2, pseudonymised: true }]);
    await t.sql(`update participants set pseudonymised_at = null where partnership_id = $1`, [a.id]);
  });

  it("shows another partnership's coordinator only their own participants", async () => {
    const r = (await esf('coordinator', b).expect(200)).body as EsfReport;
    expect(r.cohorts.entered).toEqual(g(1, 0, 0));
    expect(r.cohorts.left).toEqual(g(1, 0, 0));
    expect(byCode(r).get(codeOf('employed_upon_leaving'))!.value).toEqual(g(1, 0, 0));
  });

  it('rejects a bad period with 400, a missing token with 401 and a coach with 403', async () => {
    const bad = await esf('coordinator', a, { from: '2025-12-31', to: '2025-01-01' }).expect(400);
    expect(bad.body.code).toBe('REPORT_PERIOD_INVALID');
    await esf('coordinator', a, { from: '2025-02-30', to: '2025-03-01' }).expect(400);
    await esf('coordinator', a, { from: '2025-01-01' }).expect(400);
    await t.http().get('/reports/esf').query(YEAR).expect(401);
    const coach = await esf('coach').expect(403);
    expect(coach.body.code).toBe('FORBIDDEN');
  });

  describe('GET /reports/esf/participants', () => {
    const explain = (
      query: Record<string, string>,
      who: Parameters<TestPartnership['auth']>[0] = 'coordinator',
      p = a,
    ) => as(t, p.auth(who)).get('/reports/esf/participants', { query: { ...YEAR, ...query } });

    it('lists the participants behind a number, with names only where the caller holds a grant', async () => {
      await grant(t, a, id.p2, a.orgs.stad.id, 'summary');
      const res = await explain({ indicator: codeOf('long_term_unemployed') }).expect(200);
      expect(res.body).toMatchObject({
        total: 1,
        indicator: { code: 'EECO03', name: 'Long-term unemployed' },
      });
      expect(res.body.items).toEqual([
        {
          participantId: id.p2,
          pseudonymised: false,
          firstName: expect.any(String),
          lastName: expect.any(String),
        },
      ]);
      const unknown = await explain({ indicator: codeOf('long_term_unemployed'), bucket: 'unknown' }).expect(
        200,
      );
      expect(unknown.body.items.map((i: { participantId: string }) => i.participantId).sort()).toEqual(
        [id.p7], // p9 is incomplete (rule 3): in no indicator, not even as unknown
      );
      expect(unknown.body.items.every((i: Record<string, unknown>) => !('firstName' in i))).toBe(true);
    });

    it('filters by gender and pages', async () => {
      const res = await explain({ indicator: codeOf('employed_upon_leaving'), limit: '2', page: '2' }).expect(
        200,
      );
      expect(res.body).toMatchObject({ total: 3, page: 2, limit: 2 });
      expect(res.body.items).toHaveLength(1);
      const female = await explain({ indicator: codeOf('age_18_29'), gender: 'female' }).expect(200);
      expect(female.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([id.p4]);
    });

    it('never lists people behind a special category', async () => {
      const res = await explain({ indicator: codeOf('disability') }).expect(403);
      expect(res.body.code).toBe('SPECIAL_CATEGORY_AGGREGATE_ONLY');
      await explain({ indicator: codeOf('minority'), bucket: 'unknown' }).expect(403);
    });

    it('rejects an unknown indicator with 400 and a coach with 403', async () => {
      await explain({ indicator: 'EECO99' }).expect(400);
      await explain({ indicator: 'EECO02' }, 'coach').expect(403);
    });

    it("lists nothing of another partnership's participants", async () => {
      const res = await explain({ indicator: codeOf('employed_upon_leaving') }, 'coordinator', b).expect(200);
      expect(res.body.total).toBe(1);
      expect(Object.values(id)).not.toContain(res.body.items[0].participantId);
    });
  });

  describe('GET /reports/esf.csv', () => {
    const csv = (who: Parameters<TestPartnership['auth']>[0] = 'coordinator') =>
      as(t, a.auth(who))
        .get('/reports/esf.csv', { query: YEAR })
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => done(null, text));
        });

    it('has one row per participant whose indicator columns add up to the JSON figures', async () => {
      const res = await csv().expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain('esf-2025-01-01-2025-12-31.csv');
      const [header, ...rows] = parseCsv((res.body as string).replace(/^\uFEFF/, ''));
      const json = byCode((await esf().expect(200)).body as EsfReport);
      // Every participant in a cohort once: 14 entered + 9 who entered earlier (p17–p20, p22, p24, p26–p28); p21, p23, p25 in none.
      expect(rows).toHaveLength(14 + 10); // entrants + leavers (p32 incomplete: a row with empty cells)
      expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
      const col = (name: string) => header.indexOf(name);
      expect(col(codeOf('disability'))).toBe(-1); // special categories stay aggregate-only
      expect(col(codeOf('minority'))).toBe(-1);
      const codes = header.filter((h) => /^EEC[OR]\d\d$/.test(h));
      expect(codes).toEqual(
        [...json.keys()].filter((c) => c !== codeOf('disability') && c !== codeOf('minority')),
      );
      for (const code of codes) {
        const tally = (value: string) => {
          const out = g(0, 0, 0);
          for (const r of rows)
            if (r[col(code)] === value) {
              out[r[col('gender')] as 'female'] += 1;
              out.total += 1;
            }
          return out;
        };
        expect({ code, value: tally('1') }).toEqual({ code, value: json.get(code)!.value });
        expect({ code, unknown: tally('unknown') }).toEqual({
          code,
          unknown: json.get(code)!.unknown ?? g(0, 0, 0),
        });
      }
    });

    it('guards a name that a spreadsheet would run as a formula, and audits the export', async () => {
      await grant(t, a, id.p1, a.orgs.stad.id, 'summary');
      await t.sql(`update participants set first_name = '=2+3' where id = $1`, [id.p1]);
      const res = await csv().expect(200);
      const rows = parseCsv((res.body as string).replace(/^\uFEFF/, ''));
      const p1 = rows.find((r) => r[0] === id.p1)!;
      expect(p1[1]).toBe("'=2+3");
      const withoutGrant = rows.find((r) => r[0] === id.p3)!;
      expect(withoutGrant.slice(1, 3)).toEqual(['', '']);
      // The body can reach the client a moment before the request transaction commits its audit rows.
      const audited = async () => {
        for (let i = 0; ; i++) {
          const [row] = await t.sql<{ exports: number; named: string[] }>(
            `select count(*) filter (where resource_type = 'report.esf')::int as exports,
                    coalesce(array_agg(distinct participant_id::text) filter (where resource_type = 'participant'), '{}') as named
               from audit_events where partnership_id = $1 and action = 'export'`,
            [a.id],
          );
          if (row.exports >= 2 || i > 40) return row;
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const row = await audited();
      expect(row.exports).toBe(2);
      expect(row.named.sort()).toEqual([id.p1, id.p2].sort());
    });

    it('streams more rows than one cursor batch holds', async () => {
      const c = await createPartnership(t, 'C');
      await t.sql(
        `insert into participants (partnership_id, owner_organisation_id, first_name, last_name, search_name, name_key, birth_date,
           gender, entry_date, labour_status, referral_channel, created_by)
         select $1, $2, 'Bulk', 'N' || i, 'bulk n' || i, 'bulk|n' || i, '1980-01-01', 'male', date '2025-01-01' + (i % 365),
                'inactive', 'self', $3
           from generate_series(1, 2500) i`,
        [c.id, c.orgs.compaan.id, c.staff.coach.id],
      );
      // ESF participants from their intake (rule 2), with complete entry data (rule 3).
      await t.sql(`update participants set education_level = 'isced_0_2' where partnership_id = $1`, [c.id]);
      await t.sql(
        `insert into trajectories (partnership_id, participant_id, status, referral_channel, owner_organisation_id,
           started_at, intake_at)
         select p.partnership_id, p.id, 'intake', 'self', p.owner_organisation_id, p.entry_date + time '10:00',
                p.entry_date + time '10:00'
           from participants p where p.partnership_id = $1`,
        [c.id],
      );
      const res = await as(t, c.auth('coordinator'))
        .get('/reports/esf.csv', { query: YEAR })
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (text += chunk));
          r.on('end', () => done(null, text));
        })
        .expect(200);
      const [header, ...rows] = parseCsv((res.body as string).replace(/^\uFEFF/, ''));
      expect(rows).toHaveLength(2500);
      const inactive = header.indexOf(codeOf('inactive'));
      expect(rows.filter((r) => r[inactive] === '1')).toHaveLength(2500);
    });

    it('refuses a coach with 403 and an anonymous caller with 401', async () => {
      await csv('coach').expect(403);
      await t.http().get('/reports/esf.csv').query(YEAR).expect(401);
    });
  });

  describe('GET /reports/esf.xlsx', () => {
    const download = (who: Parameters<TestPartnership['auth']>[0] = 'coordinator') =>
      as(t, a.auth(who))
        .get('/reports/esf.xlsx', { query: YEAR, lang: 'en' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

    it('has summary, participants and definitions sheets that read back to the JSON figures (503 without exceljs)', async () => {
      const excel = await loadExcelForTest<{
        Workbook: new () => {
          xlsx: { load(b: Buffer): Promise<unknown> };
          worksheets: { name: string; getSheetValues(): unknown[][] }[];
        };
      }>();
      if (!excel) {
        const res = await as(t, a.auth('coordinator')).get('/reports/esf.xlsx', { query: YEAR }).expect(503);
        expect(res.body.code).toBe('XLSX_UNAVAILABLE');
        return;
      }
      const res = await download().expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new excel.Workbook();
      await book.xlsx.load(res.body as Buffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Participants', 'Definitions']);
      const rows = (name: string) =>
        book.worksheets
          .find((w) => w.name === name)!
          .getSheetValues()
          .filter(Boolean)
          .map((r) => (r as unknown[]).slice(1));
      const json = byCode((await esf().expect(200)).body as EsfReport);
      const summary = rows('Summary').slice(2);
      expect(summary).toHaveLength(23);
      for (const [code, , , female, male, nonbinary, total, uf, um, un, ut] of summary as (
        string | number | undefined
      )[][]) {
        const i = json.get(code as string)!;
        // A suppressed (null) cell reads back as an empty cell.
        const value =
          i.value && Object.fromEntries(Object.entries(i.value).map(([k, n]) => [k, n ?? undefined]));
        expect({ code, value: { female, male, nonbinary, total } }).toEqual({ code, value });
        const unknown = ut === undefined ? undefined : { female: uf, male: um, nonbinary: un, total: ut };
        expect({ code, unknown }).toEqual({ code, unknown: i.unknown });
      }
      const [header, ...people] = rows('Participants') as unknown[][];
      expect(people).toHaveLength(24); // 14 entrants + 10 leavers, p32 included
      const col = (name: string) => header.indexOf(name);
      for (const code of header.filter((h) => /^EEC[OR]\d\d$/.test(String(h))) as string[]) {
        const counted = people.filter((r) => r[col(code)] === 1).length;
        expect({ code, counted }).toEqual({ code, counted: json.get(code)!.value.total });
      }
      const definitions = rows('Definitions');
      expect(definitions[0][0]).toBe('code');
      expect(definitions.slice(1, 24).map((r) => r[0])).toEqual([...json.keys()]);
    });

    it('refuses a coach with 403', async () => {
      await as(t, a.auth('coach')).get('/reports/esf.xlsx', { query: YEAR }).expect(403);
    });
  });
});
