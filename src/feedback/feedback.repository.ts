import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { FeedbackEntity } from './feedback.entity';

const ID = F.trajectoryId;

@Injectable()
export class FeedbackRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(FeedbackEntity);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        givenAt: new Date('2026-01-15T10:00:00Z'),
        satisfaction: 4,
        comment: null,
        atClosing: false,
        recordedBy: F.coachId,
      },
    ],
  })
  create(values: Partial<FeedbackEntity>): Promise<FeedbackEntity> {
    return this.repo.save(this.repo.create(values));
  }

  /** A page of a trajectory's feedback in the order it was given, and how much there is. */
  @GenerateSql({ params: [ID, 0, 50] })
  page(trajectoryId: string, offset: number, limit: number) {
    return this.repo.findAndCount({
      where: { trajectoryId },
      order: { givenAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }
}
