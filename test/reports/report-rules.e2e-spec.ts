import { backfillClosedTrajectoryOwners } from '../../migrations/1795300740000-ReportRules';
import { codeOf } from '../../src/reports/esf-indicators';
import { scores } from '../assessments/helpers';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { day, insertAssessment, insertParticipant, insertTrajectory, TrajectoryRow } from './report-fixtures';
import { as } from '../support/api';

/**
 * Issue 13, "Wrong or missing rules" 1, 2, 3, 4, 5, 7 and 8: each rule with a small cohort whose
 * answer is worked out by hand below. Every partnership holds one cohort, so the figures of one rule
 * never leak into another's.
 */
type ByGender = { female: number; male: number; nonbinary: number; total: number };
interface Shares {
  reached: number;
  toWork: number;
  shareOfReached: number | null;
  projectYear: { reached: number; toWork: number; shareOfReached: number | null };
}
const DAY = 86400_000;

describe('reporting rules (issue 13)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const getAs = (
    p: TestPartnership,
    path: string,
    query: Record<string, string | number>,
    who = 'coordinator',
  ) =>
    t
      .http()
      .get(path)
      .query(query)
      .set('authorization', p.auth(who as Parameters<TestPartnership['auth']>[0]))
      // The rules' texts are asserted in English, the source language (Dutch is the default).
      .set('accept-language', 'en');
  const esf = (p: TestPartnership, from: string, to: string) => getAs(p, '/reports/esf', { from, to });
  const quarterly = (p: TestPartnership, year: number, quarter: number) =>
    getAs(p, '/reports/quarterly', { year, quarter });
  const value = (
    body: { outputs: { code: string; value: ByGender }[]; results: { code: string; value: ByGender }[] },
    key: string,
  ) => [...body.outputs, ...body.results].find((i) => i.code === codeOf(key))!.value.total;

  /** A participant (complete entry data) with one trajectory. */
  const person = async (p: TestPartnership, row: TrajectoryRow) => {
    const id = await insertParticipant(t, p, { referral_channel: row.referral_channel ?? 'outreach' });
    const trajectoryId = await insertTrajectory(t, p, id, row);
    return { id, trajectoryId };
  };

  describe('rule 1: the work target over everyone reached (GET /reports/quarterly)', () => {
    let w: TestPartnership;
    let other: TestPartnership;

    beforeAll(async () => {
      w = await createPartnership(t, 'W');
      other = await createPartnership(t, 'W2');
      // Q1 2025: r1 (outreach, Compaan) reached intake and left to work; r2 (vdab) never reached intake.
      await person(w, {
        started_at: day('2025-02-01'),
        intake_at: day('2025-02-05'),
        closed_at: day('2025-03-20'),
        outcome: 'work',
      });
      await person(w, { referral_channel: 'vdab', started_at: day('2025-02-10'), intake_at: null });
      // Q2 2025: eight sign-ups, four exits, one of them to work.
      await person(w, {
        referral_channel: 'vdab',
        started_at: day('2025-04-02'),
        intake_at: day('2025-04-05'),
        closed_at: day('2025-06-10'),
        outcome: 'work',
      }); // r3
      await person(w, {
        referral_channel: 'vdab',
        case_manager: 'coachCaw',
        started_at: day('2025-04-03'),
        intake_at: day('2025-04-06'),
        closed_at: day('2025-05-20'),
        outcome: 'no_result',
      }); // r4
      await person(w, {
        referral_channel: 'ocmw',
        case_manager: 'coachCaw',
        started_at: day('2025-04-10'),
        intake_at: day('2025-04-12'),
        closed_at: day('2025-06-01'),
        outcome: 'regular_activation',
        outcome_kind: 'glow',
      }); // r5
      await person(w, {
        referral_channel: 'self',
        started_at: day('2025-05-01'),
        intake_at: null,
        closed_at: day('2025-05-30'),
        outcome: 'no_result',
      }); // r6: closed at sign-up
      await person(w, {
        referral_channel: 'self',
        started_at: day('2025-05-02'),
        intake_at: day('2025-05-03'),
      }); // r7
      await person(w, { started_at: day('2025-05-05'), intake_at: day('2025-05-06') }); // r8
      await person(w, { started_at: day('2025-06-01'), intake_at: null }); // r9
      await person(w, {
        case_manager: 'coachCaw',
        started_at: day('2025-06-02'),
        intake_at: day('2025-06-03'),
      }); // r10
      // Another partnership: one sign-up that went to work in Q2. It must move none of W's figures.
      await person(other, {
        started_at: day('2025-04-02'),
        intake_at: day('2025-04-03'),
        closed_at: day('2025-04-30'),
        outcome: 'work',
      });
    });

    it('judges the 10-15% target on the reached, shows the share of exits beside it, for the quarter and the project year', async () => {
      const { exits, reach } = (await quarterly(w, 2025, 2).expect(200)).body;
      // Q2 reached: r3..r10 = 8; to work: r3 = 1; 1/8 = 0.125: within 10-15%.
      // Exits in Q2: r3 r4 r5 r6 = 4; 1/4 = 0.25 would have read "above" on the old base.
      expect(exits.total).toBe(4);
      expect(reach.reached).toBe(8);
      expect(exits.toWork).toMatchObject({
        exits: 1,
        reached: 8,
        shareOfReached: 0.125,
        shareOfExits: 0.25,
        status: 'within',
        // 1 January to 30 June: reached r1..r10 = 10, to work r1 r3 = 2: 2/10.
        projectYear: { reached: 10, toWork: 2, shareOfReached: 0.2 },
      });
      expect(exits.toWork.definition).toMatch(/everyone reached/);
      expect(exits.toWork.definition).toMatch(/persona/);
    });

    it('breaks the work share down by organisation and by referral channel', async () => {
      const { toWork } = (await quarterly(w, 2025, 2).expect(200)).body.exits;
      const byOrg = new Map<string, Shares>(
        toWork.byOrganisation.map((o: Shares & { name: string }) => [o.name, o]),
      );
      // Compaan in Q2: r3 r6 r7 r8 r9 = 5 reached, r3 to work: 1/5. Year: + r1 r2 = 7, r1 r3 to work: 2/7.
      expect(byOrg.get('Compaan')).toMatchObject({
        reached: 5,
        toWork: 1,
        shareOfReached: 0.2,
        projectYear: { reached: 7, toWork: 2, shareOfReached: 0.2857 },
      });
      // CAW: r4 r5 r10 = 3 reached, none to work.
      expect(byOrg.get('CAW Oost-Vlaanderen')).toMatchObject({
        reached: 3,
        toWork: 0,
        shareOfReached: 0,
        projectYear: { reached: 3, toWork: 0, shareOfReached: 0 },
      });
      expect(byOrg.size).toBe(2);
      // vdab: r3 r4 in Q2 (1 to work: 1/2); year + r2: 1/3. outreach: r8 r9 r10 (0/3); year + r1: 1/4.
      expect(toWork.byReferralChannel.vdab).toEqual({
        reached: 2,
        toWork: 1,
        shareOfReached: 0.5,
        projectYear: { reached: 3, toWork: 1, shareOfReached: 0.3333 },
      });
      expect(toWork.byReferralChannel.outreach).toEqual({
        reached: 3,
        toWork: 0,
        shareOfReached: 0,
        projectYear: { reached: 4, toWork: 1, shareOfReached: 0.25 },
      });
      expect(toWork.byReferralChannel.ocmw).toMatchObject({ reached: 1, toWork: 0 });
      expect(toWork.byReferralChannel.self).toMatchObject({ reached: 2, toWork: 0 });
      expect(toWork.byReferralChannel.partner).toMatchObject({ reached: 0, shareOfReached: null });
    });

    it('shows another partnership only its own work target, and refuses a coach and a bad quarter', async () => {
      const { toWork } = (await quarterly(other, 2025, 2).expect(200)).body.exits;
      // One reached, one to work: 100%, above the target.
      expect(toWork).toMatchObject({ reached: 1, exits: 1, shareOfReached: 1, status: 'above' });
      expect(toWork.byOrganisation).toHaveLength(1);
      await getAs(w, '/reports/quarterly', { year: 2025, quarter: 2 }, 'coach').expect(403);
      await getAs(w, '/reports/quarterly', { year: 2025, quarter: 5 }).expect(400);
    });

    it('counts only intakes as ESF participants: reached-only sign-ups are in no ESF figure (rule 2)', async () => {
      const r = (await esf(w, '2025-04-01', '2025-06-30').expect(200)).body;
      // First intake in Q2: r3 r4 r5 r7 r8 r10 = 6 (r1's was in Q1; r2, r6 and r9 never reached intake).
      expect(r.cohorts.entered.total).toBe(6);
      expect(r.completeness.grandTotal.total).toBe(6);
      expect(value(r, 'total')).toBe(6);
      // Left in Q2: r3 r4 r5 = 3; r6 closed at sign-up and is no ESF leaver. EECR04: r3.
      expect(r.cohorts.left.total).toBe(3);
      expect(value(r, 'employed_upon_leaving')).toBe(1);
      expect(r.definition).toMatch(/first trajectory reaches intake/);
      // The quarterly report counts the same ESF entrants.
      const q = (await quarterly(w, 2025, 2).expect(200)).body;
      expect(q.reach.esfEntrants).toBe(6);
    });
  });

  describe('rule 2 and 3 in the data-quality list', () => {
    let d: TestPartnership;
    const id: Record<string, string> = {};
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

    beforeAll(async () => {
      d = await createPartnership(t, 'DQ');
      const closedWithIntake = (days: number): TrajectoryRow => ({
        started_at: ago(days),
        intake_at: ago(days - 1),
        closed_at: ago(days - 2),
        outcome: 'no_result',
      });
      id.old = (await person(d, { started_at: ago(61), intake_at: null })).id; // 61 days, no intake: listed
      id.young = (await person(d, { started_at: ago(59), intake_at: null })).id; // 59 days: not yet
      id.fine = (await person(d, closedWithIntake(100))).id;
      // A record without any trajectory counts from its entry date.
      id.bare = await insertParticipant(t, d, { entry_date: ago(61).slice(0, 10) });
      id.incomplete = await insertParticipant(t, d, { education_level: null });
      await insertTrajectory(t, d, id.incomplete, closedWithIntake(100));
    });

    it('lists sign-ups older than 60 days that never reached intake, and ESF participants with incomplete entry data', async () => {
      const res = await getAs(d, '/reports/data-quality', {}).expect(200);
      const reasons = Object.fromEntries(
        res.body.items.map((i: { participantId: string; reasons: { code: string }[] }) => [
          i.participantId,
          i.reasons.map((r) => r.code),
        ]),
      );
      expect(reasons).toEqual({
        [id.old]: ['never_reached_intake'],
        [id.bare]: ['never_reached_intake'],
        [id.incomplete]: ['education_level_missing', 'esf_entry_data_incomplete'],
      });
      expect(res.body.definition).toMatch(/60 days that never reached intake/);
    });
  });

  describe('rule 4: a lapsed review stays outstanding (GET /reports/quarterly empowermentCoverage)', () => {
    let rv: TestPartnership;

    beforeAll(async () => {
      rv = await createPartnership(t, 'RV');
      const guided = { started_at: day('2025-02-20'), guidance_started_at: day('2025-03-01') };
      // t1: baseline 24 March, so the review falls due on 24 June; it is never taken.
      const t1 = (await person(rv, guided)).trajectoryId;
      await insertAssessment(t, rv, t1, { kind: 'baseline', takenAt: day('2025-03-24'), scores: scores(5) });
      // t2: the same baseline, its review taken late on 10 August, so the next is due 10 November: never taken.
      const t2 = (await person(rv, guided)).trajectoryId;
      await insertAssessment(t, rv, t2, { kind: 'baseline', takenAt: day('2025-03-24'), scores: scores(5) });
      await insertAssessment(t, rv, t2, { kind: 'review', takenAt: day('2025-08-10'), scores: scores(6) });
      // t3: the same baseline; the trajectory closes on 1 August without the review.
      const t3 = (await person(rv, { ...guided, closed_at: day('2025-08-01'), outcome: 'no_result' }))
        .trajectoryId;
      await insertAssessment(t, rv, t3, { kind: 'baseline', takenAt: day('2025-03-24'), scores: scores(5) });
    });

    const reviews = async (quarter: number) =>
      (await quarterly(rv, 2025, quarter).expect(200)).body.empowermentCoverage.reviews;

    it('counts the review in Q2, where it fell due, as due and late', async () => {
      // Due 24 June: t1, t2, t3; none taken by then.
      expect(await reviews(2)).toMatchObject({ due: 3, onTime: 0, late: 3, outstanding: 0, share: 0 });
    });

    it('keeps it outstanding in Q3 and Q4 until taken or closed', async () => {
      // Q3: nothing falls due. Outstanding: t1 (t2 took it on 10 August, t3 closed on 1 August).
      expect(await reviews(3)).toMatchObject({ due: 0, onTime: 0, late: 0, outstanding: 1 });
      // Q4: t2's next review falls due on 10 November and is late; t1's June review is still outstanding.
      expect(await reviews(4)).toMatchObject({ due: 1, onTime: 0, late: 1, outstanding: 1 });
      expect((await reviews(4)).definition).toMatch(/stay outstanding in every later quarter/);
    });
  });

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
