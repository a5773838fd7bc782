import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { ContactsService } from '../contacts/contacts.service';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { CaseMeetingItemEntity } from './case-meeting.entity';
import { CaseMeetingItemsRepository } from './case-meeting-items.repository';
import { CaseMeetingsRepository } from './case-meetings.repository';
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
    private readonly meetings: CaseMeetingsRepository,
    private readonly items: CaseMeetingItemsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly contacts: ContactsService,
  ) {}

  async update(id: string, itemId: string, dto: UpdateCaseMeetingItemDto) {
    const item = await this.editable(id, itemId);
    const patch: Partial<CaseMeetingItemEntity> = {};
    if (dto.summary !== undefined) patch.summary = dto.summary || null;
    if (dto.decisions !== undefined) patch.decisions = dto.decisions || null;
    const fields = (Object.keys(patch) as (keyof CaseMeetingItemEntity)[]).filter(
      (f) => patch[f] !== item[f],
    );
    if (fields.length > 0) {
      await this.items.updateItem(itemId, patch);
      Object.assign(item, patch);
      // The contact moment the item derived says what the item says.
      if (patch.summary !== undefined && item.contactId)
        await this.contacts.updateDerivedSummary(item.contactId, 'case_meeting_item', item.summary);
      await this.audit.record({
        action: 'update',
        resourceType: 'case_meeting.item',
        resourceId: itemId,
        participantId: item.participantId,
        details: { caseMeetingId: id, fields },
      });
    }
    const actions = await this.items.actionsOfItem(itemId);
    return toItemResponse(item, actions);
  }

  async remove(id: string, itemId: string) {
    const item = await this.editable(id, itemId);
    await this.items.deleteItem(itemId);
    if (item.contactId) await this.contacts.removeDerived(item.contactId, 'case_meeting_item');
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
    const meeting = await this.meetings.findById(id);
    if (!meeting) throw caseMeetingNotFound();
    const item = await this.items.findItem(id, itemId);
    if (!item) throw itemNotFound();
    if (item.authorId !== this.db.actor.staffId) throw itemNotAuthor();
    if (meeting.scheduledAt.getTime() <= this.db.now.getTime()) throw meetingHeld();
    return item;
  }
}
