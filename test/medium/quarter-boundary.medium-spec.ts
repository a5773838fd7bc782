import { ParticipantsService } from '../../src/participants/participants.service';
import { CreateParticipantDto } from '../../src/participants/dto/participant-input.dto';
import { QuarterlyReportService } from '../../src/reports/quarterly-report.service';
import { TrajectoriesService } from '../../src/trajectories/trajectories.service';
import { participantBody } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createMediumContext, MediumContext } from '../harness/medium-context';

/**
 * Quarters begin and end at midnight in Brussels, not in UTC: on 31 March 2025 (summer time, UTC+2) 22:30 UTC is
 * already 1 April. A sign-up either side of that midnight must land in exactly one quarter.
 */
describe('the quarter a trajectory counts in (services on the database, no HTTP)', () => {
  let m: MediumContext;
  let a: TestPartnership;
  let participants: ParticipantsService;
  let trajectories: TrajectoriesService;
  let reports: QuarterlyReportService;

  beforeAll(async () => {
    m = await createMediumContext();
    a = await createPartnership(m);
    participants = m.get(ParticipantsService);
    trajectories = m.get(TrajectoriesService);
    reports = m.get(QuarterlyReportService);
  });
  afterAll(() => m.close());

  const startAt = (startedAt: string, referralChannel: string) =>
    m.as(a.staff.coach, async () => {
      const person = await participants.create(
        participantBody({ referralChannel }) as unknown as CreateParticipantDto,
      );
      return trajectories.create(person.id, { startedAt });
    });
  const started = (year: number, quarter: number) =>
    m.as(a.staff.coordinator, async () => (await reports.figures({ year, quarter })).inflow);

  it('counts a sign-up at 23:30 in Brussels on 31 March in Q1 and one at 00:30 on 1 April in Q2', async () => {
    await startAt('2025-03-31T21:30:00Z', 'vdab');
    await startAt('2025-03-31T22:30:00Z', 'ocmw');

    const q1 = await started(2025, 1);
    const q2 = await started(2025, 2);
    expect(q1.trajectoriesStarted).toBe(1);
    expect(q2.trajectoriesStarted).toBe(1);
    expect(q1.byReferralChannel).toMatchObject({ vdab: 1, ocmw: 0 });
    expect(q2.byReferralChannel).toMatchObject({ vdab: 0, ocmw: 1 });
  });

  it('counts a sign-up at the first Brussels moment of a winter quarter in that quarter, not the one before', async () => {
    // 1 January 2025 00:00 in Brussels (UTC+1) is 31 December 2024 23:00 UTC.
    await startAt('2024-12-31T23:00:00Z', 'outreach');
    expect((await started(2025, 1)).byReferralChannel).toMatchObject({ outreach: 1 });
    expect((await started(2024, 4)).trajectoriesStarted).toBe(0);
  });
});
