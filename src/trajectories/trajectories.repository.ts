import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findById } from '../common/persistence/find-by-id';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { TrajectoryEntity, TrajectoryTransitionEntity } from './trajectory.entity';

const ID = F.trajectoryId;
const PARTICIPANT = F.participantId;
const ORGANISATION = F.organisationId;
const AT = new Date('2026-01-05T09:00:00Z');

/** Trajectories and their state transitions (participant data: RLS by the grants on the participant). */
@Injectable()
export class TrajectoriesRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(TrajectoryEntity);
  }

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<TrajectoryEntity | null> {
    return findById(this.db.manager, TrajectoryEntity, id);
  }

  @GenerateSql({ params: [[ID]] })
  findByIds(ids: readonly string[]): Promise<TrajectoryEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  /** The participant's most recently started trajectory. */
  @GenerateSql({ params: [PARTICIPANT] })
  findLatestOfParticipant(participantId: string): Promise<TrajectoryEntity | null> {
    return this.repo.findOne({ where: { participantId }, order: { startedAt: 'DESC' } });
  }

  @GenerateSql({ params: [PARTICIPANT] })
  findByParticipant(participantId: string): Promise<TrajectoryEntity[]> {
    return this.repo.find({ where: { participantId }, order: { startedAt: 'ASC', id: 'ASC' } });
  }

  /** When the participant's latest open trajectory started; null when none is open. */
  @GenerateSql({ params: [PARTICIPANT] })
  async latestOpenStartOf(participantId: string): Promise<Date | null> {
    const [row]: { started_at: Date | null }[] = await this.db.manager.query(
      `select max(t.started_at) as started_at from trajectories t where t.participant_id = $1 and t.closed_at is null`,
      [participantId],
    );
    return row?.started_at ?? null;
  }

  /** The version of the trajectory's life-domain set (owned by life domains, kept on this row). */
  @GenerateSql({ params: [ID] })
  async lifeDomainsVersion(id: string): Promise<number> {
    const [row]: { v: number }[] = await this.db.manager.query(
      `select life_domains_version as v from trajectories where id = $1`,
      [id],
    );
    return row.v;
  }

  /** Bumps the life-domain set's version if it is still `expected`; null if not. */
  @GenerateSql({ params: [ID, 1] })
  async claimLifeDomainsVersion(id: string, expected: number): Promise<number | null> {
    const rows: { v: number }[] = await this.db.manager.query(
      `with u as (update trajectories set life_domains_version = life_domains_version + 1
                   where id = $1 and life_domains_version = $2 returning life_domains_version)
       select life_domains_version as v from u`,
      [id, expected],
    );
    return rows.length === 0 ? null : rows[0].v;
  }

  @GenerateSql({ params: [PARTICIPANT] })
  async closedIdsOfParticipant(participantId: string): Promise<string[]> {
    const rows = await this.repo.find({
      where: { participantId, status: 'afgesloten' },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        participantId: F.secondParticipantId,
        previousTrajectoryId: null,
        status: 'aanmelding',
        referralChannel: 'self',
        referrer: null,
        ownerOrganisationId: F.organisationId,
        caseManagerId: F.coachId,
        teamId: null,
        startedAt: AT,
        personaId: null,
        version: 1,
      },
    ],
  })
  create(values: Partial<TrajectoryEntity>): Promise<TrajectoryEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [ID, 1, { status: 'intake', intakeAt: AT }] })
  updateVersioned(id: string, version: number, patch: Partial<TrajectoryEntity>): Promise<TrajectoryEntity> {
    return updateVersioned(this.db.manager, TrajectoryEntity, id, version, patch, 'Trajectory');
  }

  /** Not a versioned edit: ownership follows the case manager, whose change already bumped the version. */
  @GenerateSql({ params: [ID, ORGANISATION] })
  async setOwner(id: string, ownerOrganisationId: string): Promise<void> {
    await this.repo.update({ id }, { ownerOrganisationId });
  }

  @GenerateSql({ params: [ID] })
  lastTransition(trajectoryId: string): Promise<TrajectoryTransitionEntity | null> {
    return this.db.manager
      .getRepository(TrajectoryTransitionEntity)
      .findOne({ where: { trajectoryId }, order: { at: 'DESC' } });
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        fromStatus: 'aanmelding',
        toStatus: 'intake',
        at: AT,
        note: null,
        outcome: null,
        actorId: F.coachId,
      },
    ],
  })
  async insertTransition(values: Omit<TrajectoryTransitionEntity, 'id'>): Promise<void> {
    await this.db.manager.getRepository(TrajectoryTransitionEntity).insert(values);
  }
}
