import { backfillClosedTrajectoryOwners } from '../../migrations/1795300740000-ReportRules';
import { scores } from '../assessments/helpers';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { day, insertAssessment, insertParticipant, insertTrajectory } from './report-fixtures';
import { as } from '../support/api';
import { useReportRulesApp } from './report-rules-world';

/**
 * Issue 13, "Wrong or missing rules" 1, 2, 3, 4, 5, 7 and 8: each rule with a small cohort whose
 * answer is worked out by hand below. Every partnership holds one cohort, so the figures of one rule
 * never leak into another's.
 */

describe('reporting rules (issue 13)', () => {
  let t: TestApp;
  const { getAs, esf, quarterly, value, person } = useReportRulesApp((app) => (t = app));

  describe('rule 5: a reopening by another organisation leaves the earlier trajectory alone', () => {
    let a: TestPartnership;
    let participantId: string;
    let first: string;
    let second: string;

    beforeAll(async () => {
      a = await createPartnership(t, 'R5');
      const p = await createParticipant(t, a, 'coach');
      participantId = p.id;
      first = (await startTrajectory(t, a, p.id, 'coach', { startedAt: day('2025-01-10') })).id;
      const step = (id: string, body: Record<string, unknown>) =>
        as(t, a.auth('coach')).post(`/trajectories/${id}/transitions`, body).expect(200);
      await step(first, { to: 'intake', at: day('2025-01-15') });
      await step(first, { to: 'begeleiding', at: day('2025-01-20') });
      // Compaan's measurements: +2 on every component.
      await insertAssessment(t, a, first, {
        kind: 'baseline',
        takenAt: day('2025-01-25'),
        scores: scores(4),
      });
      await insertAssessment(t, a, first, { kind: 'exit', takenAt: day('2025-02-27'), scores: scores(6) });
      await step(first, { to: 'afgesloten', at: day('2025-03-01'), outcome: 'work' });
      // Reopened with a CAW case manager: ownership moves to CAW, for the new trajectory only.
      second = (
        await startTrajectory(t, a, p.id, 'coach', {
          startedAt: day('2025-04-01'),
          caseManagerId: a.staff.coachCaw.id,
        })
      ).id;
      // CAW's measurements: -1 on every component.
      await insertAssessment(t, a, second, {
        kind: 'baseline',
        takenAt: day('2025-04-10'),
        scores: scores(5),
      });
      await insertAssessment(t, a, second, { kind: 'review', takenAt: day('2025-06-10'), scores: scores(4) });
    });

    it('keeps the closed trajectory with its own organisation and case manager', async () => {
      const rows = await t.sql<{ id: string; owner_organisation_id: string; case_manager_id: string }>(
        `select id, owner_organisation_id, case_manager_id from trajectories where participant_id = $1 order by started_at`,
        [participantId],
      );
      expect(rows).toEqual([
        { id: first, owner_organisation_id: a.orgs.compaan.id, case_manager_id: a.staff.coach.id },
        { id: second, owner_organisation_id: a.orgs.caw.id, case_manager_id: a.staff.coachCaw.id },
      ]);
    });

    it('repairs a closed trajectory that an earlier reopening rewrote (the migration backfill)', async () => {
      // As the old moveOwnership left it: every trajectory of the participant moved to CAW.
      await t.sql(`update trajectories set owner_organisation_id = $2 where participant_id = $1`, [
        participantId,
        a.orgs.caw.id,
      ]);
      await backfillClosedTrajectoryOwners({ query: (sql: string) => t.sql(sql) });
      const rows = await t.sql<{ owner_organisation_id: string }>(
        `select owner_organisation_id from trajectories where participant_id = $1 order by started_at`,
        [participantId],
      );
      // Back to the organisation of its last case manager (Compaan); the open one stays CAW's.
      expect(rows.map((r) => r.owner_organisation_id)).toEqual([a.orgs.compaan.id, a.orgs.caw.id]);
    });

    it("credits each trajectory's measurements to its own organisation in /assessments/progress?groupBy=organisation", async () => {
      const res = await getAs(a, '/assessments/progress', {
        instrument: 'empowerment',
        from: '2025-01-01',
        to: '2025-12-31',
        groupBy: 'organisation',
      }).expect(200);
      const groups = new Map(
        res.body.groups.map(
          (g: { group: { name: string }; trajectories: number; dimensions: { meanChange: number }[] }) => [
            g.group.name,
            { trajectories: g.trajectories, change: g.dimensions[0].meanChange },
          ],
        ),
      );
      expect(Object.fromEntries(groups)).toEqual({
        Compaan: { trajectories: 1, change: 2 },
        'CAW Oost-Vlaanderen': { trajectories: 1, change: -1 },
      });
    });

    it('credits the earlier exit to work to the earlier organisation in the quarterly report', async () => {
      const q1 = (await quarterly(a, 2025, 1).expect(200)).body.exits.toWork;
      // Q1: one reached (the first sign-up, Compaan), one to work.
      expect(q1.byOrganisation).toEqual([
        expect.objectContaining({
          organisationId: a.orgs.compaan.id,
          reached: 1,
          toWork: 1,
          shareOfReached: 1,
        }),
      ]);
      const q2 = (await quarterly(a, 2025, 2).expect(200)).body.exits.toWork;
      // Q2: the reopening is CAW's sign-up; the year so far still credits the exit to Compaan.
      // Sorted by name: CAW Oost-Vlaanderen, then Compaan.
      expect(q2.byOrganisation).toEqual([
        expect.objectContaining({
          organisationId: a.orgs.caw.id,
          reached: 1,
          toWork: 0,
          projectYear: { reached: 1, toWork: 0, shareOfReached: 0 },
        }),
        expect.objectContaining({
          organisationId: a.orgs.compaan.id,
          reached: 0,
          projectYear: { reached: 1, toWork: 1, shareOfReached: 1 },
        }),
      ]);
      // The partnership reached one person this year (counted once) who went to work once.
      expect(q2.projectYear).toEqual({ reached: 1, toWork: 1, shareOfReached: 1 });
    });
  });

  describe('rule 7: special categories need a live basis', () => {
    let s: TestPartnership;
    beforeAll(async () => {
      s = await createPartnership(t, 'S7');
    });
    const patch = (
      id: string,
      version: number,
      body: Record<string, unknown>,
      who: Parameters<TestPartnership['auth']>[0] = 'coach',
    ) => as(t, s.auth(who)).patch(`/participants/${id}`, body, { ifMatch: `"${version}"` });
    const stored = async (id: string) =>
      (
        await t.sql<{ disability: string | null; minority: string | null; version: number }>(
          `select disability, minority, version from participants where id = $1`,
          [id],
        )
      )[0];

    it('refuses to create a participant with a disability answer without a basis: 409, nothing stored', async () => {
      const res = await as(t, s.auth('coach'))
        .post('/participants', {
          firstName: 'Zonder',
          lastName: 'Grondslag',
          birthDate: '1990-01-01',
          gender: 'female',
          referralChannel: 'self',
          disability: 'yes',
        })
        .expect(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'SPECIAL_CATEGORY_BASIS_REQUIRED', fields: ['disability'] });
      expect(await t.sql(`select 1 from participants where last_name = 'Grondslag'`)).toEqual([]);
    });

    it('refuses PATCH with disability or minority without a live basis, and stores it once the basis is recorded', async () => {
      const p = await createParticipant(t, s, 'coach');
      const attack = await patch(p.id, p.version, {
        disability: 'yes',
        correctionReason: 'Intakegesprek',
      }).expect(409);
      expect(attack.body.code).toBe('SPECIAL_CATEGORY_BASIS_REQUIRED');
      await patch(p.id, p.version, { minority: 'no', correctionReason: 'Intakegesprek' }).expect(409);
      expect(await stored(p.id)).toEqual({ disability: null, minority: null, version: p.version });
      // Bad input stays a 400; declining needs no basis.
      await patch(p.id, p.version, { disability: 'misschien', correctionReason: 'Intakegesprek' }).expect(
        400,
      );
      await patch(p.id, p.version, {
        disability: 'declined',
        correctionReason: 'Wil niet antwoorden',
      }).expect(200);
      // Another organisation's coach and a role without the right get nothing, and change nothing.
      await patch(p.id, p.version + 1, { disability: 'yes', correctionReason: 'Poging' }, 'coachCaw').expect(
        404,
      );
      const spoc = await patch(
        p.id,
        p.version + 1,
        { disability: 'yes', correctionReason: 'Poging' },
        'spocVdab',
      );
      expect([403, 404]).toContain(spoc.status);
      expect(await stored(p.id)).toEqual({ disability: 'declined', minority: null, version: p.version + 1 });

      await as(t, s.auth('coach'))
        .post(`/participants/${p.id}/consents`, {
          scope: 'special_categories',
          basis: 'consent',
          givenAt: new Date(Date.now() - 3600_000).toISOString(),
          evidence: 'Toestemming art. 9, getekend',
        })
        .expect(201);
      await patch(p.id, p.version + 1, { disability: 'yes', correctionReason: 'Intakegesprek' }).expect(200);
      expect(await stored(p.id)).toEqual({ disability: 'yes', minority: null, version: p.version + 2 });
    });

    it('lists values stored without a basis before this rule in the data-quality list', async () => {
      const legacy = await insertParticipant(t, s, { disability: 'yes', special_basis: false });
      const withBasis = await insertParticipant(t, s, { disability: 'yes' });
      const healthNote = await insertParticipant(t, s, { disability: 'declined', minority: 'declined' });
      const tr = await insertTrajectory(t, s, healthNote, {
        started_at: day('2025-01-01'),
        intake_at: day('2025-01-02'),
      });
      await t.sql(
        `insert into life_domains (partnership_id, trajectory_id, participant_id, domain, severity, note, updated_by)
         values ($1, $2, $3, 'health', 3, 'Rugklachten', $4)`,
        [s.id, tr, healthNote, s.staff.coach.id],
      );
      const res = await getAs(s, '/reports/data-quality', { limit: 100 }).expect(200);
      const flagged = res.body.items
        .filter((i: { reasons: { code: string }[] }) =>
          i.reasons.some((r) => r.code === 'special_category_without_basis'),
        )
        .map((i: { participantId: string }) => i.participantId)
        .sort();
      expect(flagged).toEqual([legacy, healthNote].sort());
      expect(flagged).not.toContain(withBasis);
    });
  });

  describe('rule 8: re-entry, ESF+ against the quarterly report', () => {
    let r: TestPartnership;
    let s1: string;

    beforeAll(async () => {
      r = await createPartnership(t, 'R8');
      // s1 enters 10 January, leaves to work 20 February (Q1); s2 enters 15 January, leaves 10 March;
      // s3 enters 1 February and stays; s4 enters 5 April and leaves 20 May to education (Q2).
      s1 = (
        await person(r, {
          started_at: day('2025-01-08'),
          intake_at: day('2025-01-10'),
          closed_at: day('2025-02-20'),
          outcome: 'work',
        })
      ).id;
      await person(r, {
        started_at: day('2025-01-12'),
        intake_at: day('2025-01-15'),
        closed_at: day('2025-03-10'),
        outcome: 'no_result',
      });
      await person(r, { started_at: day('2025-02-01'), intake_at: day('2025-02-01') });
      await person(r, {
        started_at: day('2025-04-02'),
        intake_at: day('2025-04-05'),
        closed_at: day('2025-05-20'),
        outcome: 'education',
      });
    });

    it('revises an earlier period after a re-entry, while the quarterly report keeps the exit as it happened', async () => {
      const Q1 = ['2025-01-01', '2025-03-31'] as const;
      const before = (await esf(r, ...Q1).expect(200)).body;
      // Before the re-entry, Q1: entered s1 s2 s3 = 3; left s1 s2 = 2; EECR04 (to work): s1.
      expect(before.cohorts.entered.total).toBe(3);
      expect(before.cohorts.left.total).toBe(2);
      expect(value(before, 'employed_upon_leaving')).toBe(1);

      // s1 comes back on 1 May, reaches intake again, and leaves without result on 15 June.
      await insertTrajectory(t, r, s1, {
        started_at: day('2025-05-01'),
        intake_at: day('2025-05-02'),
        closed_at: day('2025-06-15'),
        outcome: 'no_result',
      });
      const after = (await esf(r, ...Q1).expect(200)).body;
      // EC rule: one participation, start and output data from the first entry (still entered in Q1),
      // exit and results from the final exit (15 June): Q1 now has one leaver, s2, and no one to work.
      expect(after.cohorts.entered.total).toBe(3);
      expect(after.cohorts.left.total).toBe(1);
      expect(value(after, 'employed_upon_leaving')).toBe(0);
      expect(after.definition).toMatch(/counted once/);

      const q1 = (await quarterly(r, 2025, 1).expect(200)).body;
      // The quarterly report counts the exits as they happened: s1 and s2 left in Q1, s1 to work.
      expect(q1.exits.total).toBe(2);
      expect(q1.exits.toWork.exits).toBe(1);
      expect(q1.exits.definition).toMatch(/as they happened/);
      // Where the definitions coincide they agree: ESF entrants (first intake) in Q1 = 3.
      expect(q1.reach.esfEntrants).toBe(after.cohorts.entered.total);
      // They differ by exactly the one who re-entered: 2 exits against 1 ESF leaver.
      expect(q1.exits.total - after.cohorts.left.total).toBe(1);

      // Q2: no re-entry is pending, so both count the same leavers (s1's final exit and s4) and entrants (s4).
      const esfQ2 = (await esf(r, '2025-04-01', '2025-06-30').expect(200)).body;
      const q2 = (await quarterly(r, 2025, 2).expect(200)).body;
      expect(esfQ2.cohorts.left.total).toBe(2);
      expect(q2.exits.total).toBe(esfQ2.cohorts.left.total);
      expect(esfQ2.cohorts.entered.total).toBe(1);
      expect(q2.reach.esfEntrants).toBe(esfQ2.cohorts.entered.total);
      // The whole half year counts s1 once: entered s1..s4 = 4, left s1 s2 s4 = 3.
      const h1 = (await esf(r, '2025-01-01', '2025-06-30').expect(200)).body;
      expect(h1.cohorts.entered.total).toBe(4);
      expect(h1.cohorts.left.total).toBe(3);
    });
  });
});
