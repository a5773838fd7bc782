import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { useQuarterlyWorld } from './quarterly-world';

describe('quarterly follow-up and data quality', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  const { quarterly } = useQuarterlyWorld((world) => ({ t, a, b } = world));

  describe('GET /reports/quarterly', () => {
    it('reports inflow, reach, active trajectories, exits and durations as worked out by hand', async () => {
      const res = await quarterly({ year: 2025, quarter: 1 }).expect(200);
      expect(res.body.period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
      expect(res.body.inflow).toEqual({
        byReferralChannel: { vdab: 1, ocmw: 1, outreach: 0, self: 1, participant: 0, partner: 0, other: 0 },
        trajectoriesStarted: 3,
      });
      // ESF entrants: q1's intake on 15 January; q3's intake (with its guidance) was in 2024.
      expect(res.body.reach).toMatchObject({ reached: 3, intensive: 1, esfEntrants: 1 });
      // q1, q5 (started 23:30 local on 31 March), q7 and the 16 others; q6 started in April.
      expect(res.body.activeTrajectoriesAtQuarterEnd).toBe(19);
      expect(res.body.exits).toMatchObject({
        byOutcome: {
          work: 1,
          regular_activation: 1,
          education: 0,
          volunteering_or_supported_work: 0,
          no_result: 1,
          moved_or_unreachable: 0,
        },
        total: 3,
        // Rule 1: judged on the reached, 1 to work (q2) of 3 reached (q1 q2 q5); of exits it is 1 of 3 too.
        toWork: {
          exits: 1,
          reached: 3,
          shareOfReached: 0.3333,
          shareOfExits: 0.3333,
          target: { min: 0.1, max: 0.15 },
          status: 'above',
        },
      });
      expect(res.body.exits.definition).toMatch(/as they happened/);
      // Durations 28, 61, 180 days: median 61; p90 = 61 + 0.8 × (180 − 61) = 156.2.
      expect(res.body.duration).toMatchObject({ closedTrajectories: 3, medianDays: 61, p90Days: 156.2 });
    });

    it('counts contact intensity per active trajectory by kind, confidential contacts included as numbers', async () => {
      const res = await quarterly({ year: 2025, quarter: 1 }).expect(200);
      // Active at some time in the quarter: q1 q2 q3 q4 q5 q7 and the 16 others = 22.
      expect(res.body.contactIntensity.activeTrajectoriesDuringQuarter).toBe(22);
      expect(res.body.contactIntensity.byKind).toMatchObject({
        office: { contacts: 1, minutes: 60, contactsPerTrajectory: 0.0455, minutesPerTrajectory: 2.7 },
        phone: { contacts: 1, minutes: 15, minutesPerTrajectory: 0.7 },
        home_visit: { contacts: 1, minutes: 90, minutesPerTrajectory: 4.1 },
        digital: { contacts: 0, minutes: 0, contactsPerTrajectory: 0 },
      });
    });

    it('gives the caseload per FTE per coach and per organisation, flagging coaches above 30', async () => {
      const { caseload } = (await quarterly({ year: 2025, quarter: 1 }).expect(200)).body;
      const coach = (key: 'coach' | 'coach2' | 'coachCaw' | 'coachIntro') =>
        caseload.perCoach.find((c: { staffId: string }) => c.staffId === a.staff[key].id);
      expect(coach('coach')).toMatchObject({
        fte: 0.5,
        activeTrajectories: 1,
        perFte: 2,
        overNorm: false,
        flagged: false,
      });
      expect(coach('coach2')).toMatchObject({
        fte: 0.5,
        activeTrajectories: 17,
        perFte: 34,
        overNorm: true,
        flagged: true,
      });
      expect(coach('coachCaw')).toMatchObject({ fte: 1, activeTrajectories: 1, perFte: 1, flagged: false });
      expect(coach('coachIntro')).toMatchObject({ activeTrajectories: 0, perFte: 0 });
      expect(caseload.perOrganisation).toEqual(
        expect.arrayContaining([
          { organisationId: a.orgs.compaan.id, name: 'Compaan', fte: 1, activeTrajectories: 18, perFte: 18 },
          {
            organisationId: a.orgs.caw.id,
            name: 'CAW Oost-Vlaanderen',
            fte: 1,
            activeTrajectories: 1,
            perFte: 1,
          },
        ]),
      );
      expect(caseload).toMatchObject({ normPerFte: 25, flagAbovePerFte: 30 });
    });

    it('counts a trajectory for the coach who held it at the quarter end: a later hand-over leaves the quarter alone', async () => {
      const active = (
        body: { caseload: { perCoach: { staffId: string; activeTrajectories: number }[] } },
        key: 'coach2' | 'coachIntro',
      ) => body.caseload.perCoach.find((c) => c.staffId === a.staff[key].id)!.activeTrajectories;
      const [{ id: moved }] = await t.sql<{ id: string }>(
        `select id from trajectories where partnership_id = $1 and case_manager_id = $2 and closed_at is null
          and started_at < '2025-03-01' order by started_at limit 1`,
        [a.id, a.staff.coach2.id],
      );
      const q1Before = (await quarterly({ year: 2025, quarter: 1 }).expect(200)).body;
      const q2Before = (await quarterly({ year: 2025, quarter: 2 }).expect(200)).body;
      // Handed over on 1 May 2025, as PUT case-manager writes it: the old assignment ends, a new one starts.
      await t.sql(
        `update case_manager_assignments set to_at = '2025-05-01T08:00:00Z' where trajectory_id = $1`,
        [moved],
      );
      await t.sql(
        `insert into case_manager_assignments (partnership_id, trajectory_id, participant_id, staff_id, organisation_id, from_at, assigned_by)
         select partnership_id, id, participant_id, $2, $3, '2025-05-01T08:00:00Z', $2 from trajectories where id = $1`,
        [moved, a.staff.coachIntro.id, a.staff.coachIntro.organisationId],
      );
      await t.sql(`update trajectories set case_manager_id = $2 where id = $1`, [
        moved,
        a.staff.coachIntro.id,
      ]);
      try {
        const q1After = (await quarterly({ year: 2025, quarter: 1 }).expect(200)).body;
        const q2After = (await quarterly({ year: 2025, quarter: 2 }).expect(200)).body;
        expect([active(q1After, 'coach2'), active(q1After, 'coachIntro')]).toEqual([
          active(q1Before, 'coach2'),
          active(q1Before, 'coachIntro'),
        ]);
        expect([active(q2After, 'coach2'), active(q2After, 'coachIntro')]).toEqual([
          active(q2Before, 'coach2') - 1,
          active(q2Before, 'coachIntro') + 1,
        ]);
      } finally {
        await t.sql(`delete from case_manager_assignments where trajectory_id = $1 and staff_id = $2`, [
          moved,
          a.staff.coachIntro.id,
        ]);
        await t.sql(`update case_manager_assignments set to_at = null where trajectory_id = $1`, [moved]);
        await t.sql(`update trajectories set case_manager_id = $2 where id = $1`, [moved, a.staff.coach2.id]);
      }
    });

    it('counts empowerment coverage without assessments as none, not as missing figures', async () => {
      const { empowermentCoverage: e } = (await quarterly({ year: 2025, quarter: 1 }).expect(200)).body;
      // In guidance at some time in Q1: q1, q3 and q7; none has a baseline and no review was due.
      expect(e).toMatchObject({
        instrument: { key: 'empowerment', version: 1 },
        activeTrajectories: 22,
        baseline: { trajectories: 3, withBaseline: 0, share: 0 },
        reviews: { intervalMonths: 3, due: 0, onTime: 0, share: null },
        distanceTravelled: { trajectories: 0 },
      });
      expect(e.distanceTravelled.byComponent.competentie).toEqual({ n: 0, meanChange: null });
    });

    it('shows another partnership only its own figures', async () => {
      const res = await quarterly({ year: 2025, quarter: 1 }, 'coordinator', b).expect(200);
      expect(res.body.inflow.trajectoriesStarted).toBe(1);
      expect(res.body.exits.total).toBe(1);
      expect(res.body.activeTrajectoriesAtQuarterEnd).toBe(0);
    });

    it('rejects a bad quarter with 400, no token with 401 and a coach with 403', async () => {
      await quarterly({ year: 2025, quarter: 5 }).expect(400);
      await quarterly({ year: 'x', quarter: 1 }).expect(400);
      await t.http().get('/reports/quarterly').query({ year: 2025, quarter: 1 }).expect(401);
      await quarterly({ year: 2025, quarter: 1 }, 'coach').expect(403);
    });
  });
});
