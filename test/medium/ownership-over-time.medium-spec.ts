import { ParticipantsService } from '../../src/participants/participants.service';
import { CreateParticipantDto } from '../../src/participants/dto/participant-input.dto';
import { TrajectoriesService } from '../../src/trajectories/trajectories.service';
import { participantBody } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createMediumContext, MediumContext } from '../harness/medium-context';
import { DAY } from '../support/time';

const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe('who holds a case file over time (services on the database, no HTTP)', () => {
  let m: MediumContext;
  let a: TestPartnership;
  let participants: ParticipantsService;
  let trajectories: TrajectoriesService;

  beforeAll(async () => {
    m = await createMediumContext();
    a = await createPartnership(m);
    participants = m.get(ParticipantsService);
    trajectories = m.get(TrajectoriesService);
  });
  afterAll(() => m.close());

  /** A participant of the coach's organisation (Compaan) with a trajectory started `startedDaysAgo` days ago. */
  async function caseOfCoach(startedDaysAgo: number) {
    return m.as(a.staff.coach, async () => {
      const person = await participants.create(participantBody() as unknown as CreateParticipantDto);
      const trajectory = await trajectories.create(person.id, { startedAt: daysAgo(startedDaysAgo) });
      return {
        participantId: person.id,
        trajectoryId: trajectory.id as string,
        version: trajectory.version as number,
      };
    });
  }

  const grantsOf = (participantId: string, reason: string) =>
    m.sql<{ organisation_id: string; scope: string; ended: boolean }>(
      `select organisation_id, scope, ended_at is not null as ended from access_grants
        where participant_id = $1 and reason = $2 order by ended_at nulls first`,
      [participantId, reason],
    );

  describe('a warm hand-over to a coach of another organisation', () => {
    it('moves the file to the new organisation and leaves the previous owner without access from then on', async () => {
      const c = await caseOfCoach(20);
      const effectiveAt = daysAgo(2);
      const handed = await m.as(a.staff.coach, () =>
        trajectories.setCaseManager(c.trajectoryId, c.version, {
          staffId: a.staff.coachCaw.id,
          note: 'Warme overdracht: woonproblematiek',
          effectiveAt,
        }),
      );
      expect(handed).toMatchObject({
        caseManagerId: a.staff.coachCaw.id,
        ownerOrganisationId: a.orgs.caw.id,
      });

      // The previous owner's next request finds nothing: the file is not merely read-only, it is gone for them.
      await expect(m.as(a.staff.coach, () => participants.get(c.participantId))).rejects.toMatchObject({
        status: 404,
      });
      await expect(m.as(a.staff.coach, () => trajectories.get(c.trajectoryId))).rejects.toMatchObject({
        status: 404,
      });
      const owner = await m.as(a.staff.coachCaw, () => participants.get(c.participantId));
      expect(owner).toMatchObject({ scope: 'full', ownerOrganisationId: a.orgs.caw.id });

      expect(await grantsOf(c.participantId, 'owner')).toEqual([
        { organisation_id: a.orgs.caw.id, scope: 'full', ended: false },
        { organisation_id: a.orgs.compaan.id, scope: 'full', ended: true },
      ]);
      const history = await m.sql<{ organisation_id: string; from_at: Date; to_at: Date | null }>(
        `select organisation_id, from_at, to_at from case_manager_assignments
          where trajectory_id = $1 order by from_at`,
        [c.trajectoryId],
      );
      // The history shows the date the hand-over took effect, not the moment it was registered.
      expect(
        history.map((h) => [h.organisation_id, h.from_at.toISOString(), h.to_at?.toISOString() ?? null]),
      ).toEqual([
        [a.orgs.compaan.id, expect.any(String), effectiveAt],
        [a.orgs.caw.id, effectiveAt, null],
      ]);
    });

    it('refuses a hand-over on a stale version and changes nothing', async () => {
      const c = await caseOfCoach(10);
      await expect(
        m.as(a.staff.coach, () =>
          trajectories.setCaseManager(c.trajectoryId, c.version + 1, {
            staffId: a.staff.coachCaw.id,
            note: 'x',
          }),
        ),
      ).rejects.toMatchObject({ status: 412 });
      const still = await m.as(a.staff.coach, () => participants.get(c.participantId));
      expect(still).toMatchObject({ scope: 'full', ownerOrganisationId: a.orgs.compaan.id });
    });
  });

  describe('a reopening at another organisation', () => {
    it('keeps the earlier organisation case-level read access to its own closed trajectory, and nothing more', async () => {
      const c = await caseOfCoach(40);
      await m.as(a.staff.coach, async () => {
        await trajectories.transition(c.trajectoryId, { to: 'intake', at: daysAgo(30) });
        await trajectories.transition(c.trajectoryId, {
          to: 'afgesloten',
          at: daysAgo(10),
          outcome: 'no_result',
        });
      });
      const reopened = await m.as(a.staff.coach, () =>
        trajectories.create(c.participantId, { caseManagerId: a.staff.coachCaw.id }),
      );
      expect(reopened).toMatchObject({
        status: 'aanmelding',
        previousTrajectoryId: c.trajectoryId,
        ownerOrganisationId: a.orgs.caw.id,
      });

      expect(await grantsOf(c.participantId, 'previous_owner')).toEqual([
        { organisation_id: a.orgs.compaan.id, scope: 'case', ended: false },
      ]);
      const old = await m.as(a.staff.coach, () => trajectories.get(c.trajectoryId));
      expect(old).toMatchObject({ id: c.trajectoryId, status: 'afgesloten', outcome: 'no_result' });
      const seen = await m.as(a.staff.coach, () => participants.get(c.participantId));
      expect(seen.scope).toBe('case');
      expect(seen).not.toHaveProperty('insz');
      // A third organisation gained nothing.
      await expect(m.as(a.staff.coachIntro, () => trajectories.get(c.trajectoryId))).rejects.toMatchObject({
        status: 404,
      });
    });

    it('refuses a second open trajectory for the same participant', async () => {
      const c = await caseOfCoach(5);
      await expect(m.as(a.staff.coach, () => trajectories.create(c.participantId, {}))).rejects.toMatchObject(
        {
          status: 409,
        },
      );
    });
  });
});
