import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { CaseMeetingsService } from '../case-meetings/case-meetings.service';
import { localDate } from '../common/validation/dates';
import { normaliseName } from '../common/validation/names';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { QuarterQuery } from '../reports/dto/report-query.dto';
import { quarterBounds } from '../reports/period';
import {
  toValueQuestionResponse,
  ValueQuestionDto,
  ValueQuestionReportResponse,
  ValueQuestionResponse,
} from './dto/value-question.dto';
import { agendaItemNotFound, valueQuestionEmpty, valueQuestionNotFound } from './learning.errors';
import { redactNames } from './signal-text';
import { ValueQuestionsRepository } from './value-questions.repository';

/**
 * The value question (waardevraag) and the waste (verspilling) of one agenda item of a case meeting.
 * They are participant data: kept in their own table, whose RLS lets a row through exactly when its
 * agenda item is visible (meeting visible and a live case grant), and blanked on pseudonymisation.
 * Separate from CaseMeetingsService on purpose: the item's own rules change there.
 */
@Injectable()
export class ValueQuestionsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly valueQuestions: ValueQuestionsRepository,
    private readonly caseMeetings: CaseMeetingsService,
    private readonly audit: AuditService,
  ) {}

  /** Records or changes the item's value question and waste; a field left out keeps its value. */
  async put(meetingId: string, itemId: string, dto: ValueQuestionDto): Promise<ValueQuestionResponse> {
    if (dto.valueQuestion === undefined && dto.waste === undefined) throw valueQuestionEmpty();
    const actor = this.db.actor;
    const item = await this.item(meetingId, itemId);
    const meeting = (await this.caseMeetings.findMeeting(meetingId))!;
    const existing = await this.valueQuestions.findByItem(itemId);
    const fields = {
      ...(dto.valueQuestion !== undefined ? { valueQuestion: dto.valueQuestion } : {}),
      ...(dto.waste !== undefined ? { waste: dto.waste } : {}),
      recordedBy: actor.staffId,
      recordedByOrganisationId: actor.organisationId,
    };
    if (existing) {
      await this.valueQuestions.update(existing.id, fields);
    } else {
      await this.valueQuestions.insert({
        partnershipId: actor.partnershipId,
        caseMeetingId: meetingId,
        itemId,
        trajectoryId: item.trajectoryId,
        participantId: item.participantId,
        teamId: meeting.teamId,
        meetingAt: meeting.scheduledAt,
        valueQuestion: null,
        waste: null,
        ...fields,
      });
    }
    const saved = (await this.valueQuestions.findByItem(itemId))!;
    await this.audit.record({
      action: existing ? 'update' : 'create',
      resourceType: 'case_meeting.value_question',
      resourceId: saved.id,
      participantId: item.participantId,
      scope: 'case',
      details: { caseMeetingId: meetingId, itemId },
    });
    return toValueQuestionResponse(saved);
  }

  async get(meetingId: string, itemId: string): Promise<ValueQuestionResponse> {
    const item = await this.item(meetingId, itemId);
    const found = await this.valueQuestions.findByItem(itemId);
    if (!found) throw valueQuestionNotFound();
    await this.audit.record({
      action: 'read',
      resourceType: 'case_meeting.value_question',
      resourceId: found.id,
      participantId: item.participantId,
      scope: 'case',
    });
    return toValueQuestionResponse(found);
  }

  /**
   * The quarter's value questions for the quality coach's learning cycle, pseudonymous: no name, no
   * participant, trajectory, item or meeting id (any of them leads back to the person for someone with
   * access). The same participant gets the same reference within one report, so repeated questions can
   * be seen, but a new reference in every report (HMAC with a key drawn per request and then forgotten),
   * so reports cannot be linked to each other. The participant's own first and last name are replaced
   * by [naam] in the texts. Read as the tenant reader: the coordinator sees every organisation's items,
   * and only in this form.
   */
  async report(q: QuarterQuery): Promise<ValueQuestionReportResponse> {
    const { from, to, next } = quarterBounds(q.year, q.quarter);
    const rows = await this.valueQuestions.quarter(from, next);
    const key = randomBytes(32);
    const ref = (id: string) => `p-${createHmac('sha256', key).update(id).digest('hex').slice(0, 8)}`;
    await this.audit.record({
      action: 'read',
      resourceType: 'report.value_questions',
      details: { year: q.year, quarter: q.quarter },
    });
    return {
      year: q.year,
      quarter: q.quarter,
      period: { from, to },
      definition:
        "The participant's question behind the question (waardevraag) and what was waste (verspilling), as recorded on agenda items of case meetings held in the quarter. ref is pseudonymous and holds within this report only.",
      total: rows.length,
      items: rows.map((r) => {
        const f = normaliseName(r.first_name);
        const l = normaliseName(r.last_name);
        const names = [
          { a: f, b: l },
          { a: f, b: '' },
          { a: l, b: '' },
        ];
        const clean = (text: string | null) => (text === null ? null : redactNames(text, names));
        return {
          ref: ref(r.participant_id),
          meetingDate: localDate(new Date(r.meeting_at)),
          team: r.team,
          valueQuestion: clean(r.value_question),
          waste: clean(r.waste),
        };
      }),
    };
  }

  /** The agenda item as the caller may see it (RLS: meeting visible and a live case grant), else 404. */
  private async item(meetingId: string, itemId: string) {
    const item = await this.caseMeetings.findItem(meetingId, itemId);
    if (!item) throw agendaItemNotFound();
    return item;
  }
}
