import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { CaseMeetingActionEntity, CaseMeetingItemEntity } from './case-meeting.entity';

const ID = F.caseMeetingId;
const AT = new Date('2026-01-15T10:00:00Z');

/** The items discussed at a case meeting and the actions agreed on them; RLS shows what the caller may see. */
@Injectable()
export class CaseMeetingItemsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  @GenerateSql({
    params: [
      {
        id: '00000000-0000-4000-8000-00000000f001',
        partnershipId: F.partnershipId,
        caseMeetingId: F.caseMeetingId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        participantPresent: false,
        basis: 'consent',
        summary: null,
        decisions: null,
        referralId: null,
        contactId: null,
        authorId: F.coachId,
        authorOrganisationId: F.organisationId,
      },
    ],
  })
  createItem(values: Partial<CaseMeetingItemEntity>): Promise<CaseMeetingItemEntity> {
    const repo = this.m.getRepository(CaseMeetingItemEntity);
    return repo.save(repo.create(values));
  }

  @GenerateSql({
    params: [
      [
        {
          partnershipId: F.partnershipId,
          caseMeetingId: F.caseMeetingId,
          itemId: F.caseMeetingItemId,
          participantId: F.participantId,
          description: 'x',
          ownerStaffId: F.coachId,
          dueAt: AT,
        },
      ],
    ],
  })
  createActions(values: Partial<CaseMeetingActionEntity>[]): Promise<CaseMeetingActionEntity[]> {
    const repo = this.m.getRepository(CaseMeetingActionEntity);
    return repo.save(values.map((v) => repo.create(v)));
  }

  /** A meeting's items in the order they were added. */
  @GenerateSql({ params: [ID] })
  itemsOf(caseMeetingId: string): Promise<CaseMeetingItemEntity[]> {
    return this.m
      .getRepository(CaseMeetingItemEntity)
      .find({ where: { caseMeetingId }, order: { createdAt: 'ASC' } });
  }

  @GenerateSql({ params: [ID, F.caseMeetingItemId] })
  findItem(caseMeetingId: string, itemId: string): Promise<CaseMeetingItemEntity | null> {
    return this.m.getRepository(CaseMeetingItemEntity).findOneBy({ id: itemId, caseMeetingId });
  }

  @GenerateSql({ params: [F.caseMeetingItemId, { summary: 'x' }] })
  async updateItem(
    itemId: string,
    patch: Partial<Pick<CaseMeetingItemEntity, 'summary' | 'decisions'>>,
  ): Promise<void> {
    await this.m.getRepository(CaseMeetingItemEntity).update({ id: itemId }, patch);
  }

  /** An item and its actions (they reference it). */
  @GenerateSql({ params: [F.caseMeetingItemId] })
  async deleteItem(itemId: string): Promise<void> {
    await this.m.getRepository(CaseMeetingActionEntity).delete({ itemId });
    await this.m.getRepository(CaseMeetingItemEntity).delete({ id: itemId });
  }

  /** A meeting's actions, soonest due first. */
  @GenerateSql({ params: [ID] })
  actionsOf(caseMeetingId: string): Promise<CaseMeetingActionEntity[]> {
    return this.m
      .getRepository(CaseMeetingActionEntity)
      .find({ where: { caseMeetingId }, order: { dueAt: 'ASC' } });
  }

  /** An item's actions, soonest due first. */
  @GenerateSql({ params: [F.caseMeetingItemId] })
  actionsOfItem(itemId: string): Promise<CaseMeetingActionEntity[]> {
    return this.m.getRepository(CaseMeetingActionEntity).find({ where: { itemId }, order: { dueAt: 'ASC' } });
  }

  @GenerateSql({ params: [ID, F.caseMeetingActionId] })
  findAction(caseMeetingId: string, actionId: string): Promise<CaseMeetingActionEntity | null> {
    return this.m.getRepository(CaseMeetingActionEntity).findOneBy({ id: actionId, caseMeetingId });
  }

  @GenerateSql({ params: [F.caseMeetingActionId] })
  findActionById(actionId: string): Promise<CaseMeetingActionEntity | null> {
    return this.m.getRepository(CaseMeetingActionEntity).findOneBy({ id: actionId });
  }

  /** Marks an open action done; false if another request did first. */
  @GenerateSql({ params: [F.caseMeetingActionId, AT, F.coachId] })
  async completeAction(actionId: string, at: Date, by: string): Promise<boolean> {
    const result = await this.m
      .getRepository(CaseMeetingActionEntity)
      .update({ id: actionId, completedAt: IsNull() }, { completedAt: at, completedBy: by });
    return !!result.affected;
  }

  /** The open actions a staff member owns, soonest due first, at most 100. */
  @GenerateSql({ params: [F.coachId] })
  openActionsOf(staffId: string): Promise<CaseMeetingActionEntity[]> {
    return this.m.getRepository(CaseMeetingActionEntity).find({
      where: { ownerStaffId: staffId, completedAt: IsNull() },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 100,
    });
  }
}
