import { scores } from '../assessments/helpers';

import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { day, insertAssessment, insertParticipant, insertTrajectory, TrajectoryRow } from './report-fixtures';
import { useReportRulesApp } from './report-rules-world';
import { DAY } from '../support/time';

/**
 * Issue 13, "Wrong or missing rules" 1, 2, 3, 4, 5, 7 and 8: each rule with a small cohort whose
 * answer is worked out by hand below. Every partnership holds one cohort, so the figures of one rule
 * never leak into another's.
 */
interface Shares {
  reached: number;
  toWork: number;
  shareOfReached: number | null;
  projectYear: { reached: number; toWork: number; shareOfReached: number | null };
}

describe('reporting rules (issue 13)', () => {
  let t: TestApp;
  const { getAs, esf, quarterly, value, person } = useReportRulesApp((app) => (t = app));

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
});
