import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { CaseMeetingActionEntity, CaseMeetingEntity, CaseMeetingItemEntity } from './case-meeting.entity';
import { caseMeetingNotFound, itemNotAuthor, itemNotFound, meetingHeld } from './case-meetings.errors';
import { UpdateCaseMeetingItemDto } from './dto/case-meeting.dto';
import { toItemResponse } from './dto/case-meeting.response';

/**
 * Until the meeting, the author of an agenda item may still change what it says or take it off the
 * agenda. Removing it also removes what it derived (its actions and its contact moment) and ends the
 * attendees' case_meeting grants on the participant. RLS holds the same line (migration FieldWork).
 */
@Injectable()
export class CaseMeetingItemsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async update(id: string, itemId: string, dto: UpdateCaseMeetingItemDto) {
    const item = await this.editable(id, itemId);
    const patch: Partial<CaseMeetingItemEntity> = {};
    if (dto.summary !== undefined) patch.summary = dto.summary || null;
    if (dto.decisions !== undefined) patch.decisions = dto.decisions || null;
    const fields = (Object.keys(patch) as (keyof CaseMeetingItemEntity)[]).filter(
      (f) => patch[f] !== item[f],
    );
    if (fields.length > 0) {
      await this.m.getRepository(CaseMeetingItemEntity).update({ id: itemId }, patch);
      Object.assign(item, patch);
      // The contact moment the item derived says what the item says.
      if (patch.summary !== undefined && item.contactId)
        await this.m.query(
          `update contacts set summary = $2, version = version + 1, updated_at = now()
            where id = $1 and source_type = 'case_meeting_item'`,
          [item.contactId, item.summary],
        );
      await this.audit.record({
        action: 'update',
        resourceType: 'case_meeting.item',
        resourceId: itemId,
        participantId: item.participantId,
        details: { caseMeetingId: id, fields },
      });
    }
    const actions = await this.m
      .getRepository(CaseMeetingActionEntity)
      .find({ where: { itemId }, order: { dueAt: 'ASC' } });
    return toItemResponse(item, actions);
  }

  async remove(id: string, itemId: string) {
    const item = await this.editable(id, itemId);
    await this.m.getRepository(CaseMeetingActionEntity).delete({ itemId });
    await this.m.getRepository(CaseMeetingItemEntity).delete({ id: itemId });
    if (item.contactId) {
      await this.m.query(`delete from contact_revisions where contact_id = $1`, [item.contactId]);
      await this.m.query(`delete from contacts where id = $1 and source_type = 'case_meeting_item'`, [
        item.contactId,
      ]);
    }
    const ended = await this.access.end({ reason: 'case_meeting', sourceId: itemId });
    await this.audit.record({
      action: 'delete',
      resourceType: 'case_meeting.item',
      resourceId: itemId,
      participantId: item.participantId,
      details: { caseMeetingId: id, referralId: item.referralId, grantsEnded: ended },
    });
  }

  /** The item as the caller sees it (404 otherwise), before its meeting (409), by its author (403). */
  private async editable(id: string, itemId: string) {
    const meeting = await this.m.getRepository(CaseMeetingEntity).findOneBy({ id });
    if (!meeting) throw caseMeetingNotFound();
    const item = await this.m
      .getRepository(CaseMeetingItemEntity)
      .findOneBy({ id: itemId, caseMeetingId: id });
    if (!item) throw itemNotFound();
    if (item.authorId !== this.db.actor.staffId) throw itemNotAuthor();
    if (meeting.scheduledAt.getTime() <= this.db.now.getTime()) throw meetingHeld();
    return item;
  }
}
