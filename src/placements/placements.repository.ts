import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { PlacementKind } from './placement-rules';
import { PlacementEntity } from './placement.entity';

const ID = F.placementId;
const TRAJECTORY = F.trajectoryId;

/** A trajectory's placements (participant data: RLS by the grants on the participant). */
@Injectable()
export class PlacementsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(PlacementEntity);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        kind: 'job',
        employerId: F.employerId,
        startDate: '2026-03-01',
        endDate: null,
        hoursPerWeek: 19,
        contractType: 'fixed_term',
        exit: false,
        createdBy: F.coachId,
        version: 1,
      },
    ],
  })
  create(values: Partial<PlacementEntity>): Promise<PlacementEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [TRAJECTORY, 'job', 0, 20] })
  findPage(
    trajectoryId: string,
    kind: PlacementKind | undefined,
    offset: number,
    limit: number,
  ): Promise<[PlacementEntity[], number]> {
    return this.repo.findAndCount({
      where: { trajectoryId, ...(kind ? { kind } : {}) },
      order: { startDate: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  /** All of a trajectory's placements, earliest start first. */
  @GenerateSql({ params: [TRAJECTORY] })
  findByTrajectory(trajectoryId: string): Promise<PlacementEntity[]> {
    return this.repo.find({ where: { trajectoryId }, order: { startDate: 'ASC' } });
  }

  @GenerateSql({ params: [TRAJECTORY, ID] })
  findInTrajectory(trajectoryId: string, id: string): Promise<PlacementEntity | null> {
    return this.repo.findOneBy({ id, trajectoryId });
  }

  /** The trajectory's exit refers to this placement and to no other. */
  @GenerateSql({ params: [TRAJECTORY, ID] })
  async markExit(trajectoryId: string, id: string): Promise<void> {
    await this.repo.update({ trajectoryId, exit: true }, { exit: false });
    await this.repo.update({ id }, { exit: true });
  }

  @GenerateSql({ params: [ID, 1, { hoursPerWeek: 19 }] })
  updateVersioned(id: string, version: number, patch: Partial<PlacementEntity>): Promise<PlacementEntity> {
    return updateVersioned(this.db.manager, PlacementEntity, id, version, patch, 'Placement');
  }
}
