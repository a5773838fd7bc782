import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { LifeDomain } from '../life-domains/life-domain';
import { GoalStatus } from './goal-steps';
import { GoalEntity } from './goal.entity';

const ID = F.trajectoryId;
const ID2 = F.goalId;

export interface GoalFilter {
  status?: GoalStatus;
  lifeDomain?: LifeDomain;
}

@Injectable()
export class GoalsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        lifeDomain: 'work',
        title: 'x',
        targetDate: null,
        status: 'open',
        statusChangedAt: new Date('2026-01-15T10:00:00Z'),
        steps: [],
        createdBy: F.coachId,
        version: 1,
      },
    ],
  })
  create(values: Partial<GoalEntity>): Promise<GoalEntity> {
    const repo = this.m.getRepository(GoalEntity);
    return repo.save(repo.create(values));
  }

  /** A page of a trajectory's goals in the order they were set, and how many match. */
  @GenerateSql({ params: [ID, { status: 'open', lifeDomain: 'work' }, 0, 50] })
  page(trajectoryId: string, filter: GoalFilter, offset: number, limit: number) {
    return this.m.getRepository(GoalEntity).findAndCount({
      where: {
        trajectoryId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.lifeDomain ? { lifeDomain: filter.lifeDomain } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  @GenerateSql({ params: [ID, ID2] })
  findInTrajectory(trajectoryId: string, goalId: string): Promise<GoalEntity | null> {
    return this.m.getRepository(GoalEntity).findOneBy({ id: goalId, trajectoryId });
  }

  @GenerateSql({ params: [ID2, 1, { title: 'x' }] })
  update(goalId: string, version: number, patch: Partial<GoalEntity>): Promise<GoalEntity> {
    return updateVersioned(this.m, GoalEntity, goalId, version, patch, 'Goal');
  }
}
