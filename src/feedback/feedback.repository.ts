import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { FeedbackEntity } from './feedback.entity';

const ID = '00000000-0000-4000-8000-000000000001';

@Injectable()
export class FeedbackRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(FeedbackEntity);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: ID,
        trajectoryId: ID,
        participantId: ID,
        givenAt: new Date('2026-01-15T10:00:00Z'),
        satisfaction: 4,
        comment: null,
        atClosing: false,
        recordedBy: ID,
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
