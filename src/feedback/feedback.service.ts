import { Injectable } from '@nestjs/common';
import { offsetOf, pageOf } from '../common/http/pagination';
import { pastOrNow } from '../common/validation/past-or-now';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { CreateFeedbackDto, FeedbackQuery } from './dto/feedback.dto';
import { toFeedbackResponse } from './dto/feedback.response';
import { feedbackBeforeStart } from './feedback.errors';
import { FeedbackRepository } from './feedback.repository';

/** The participant's feedback on a trajectory: case scope, as the rest of the case file. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly feedback: FeedbackRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
  ) {}

  /** At closing or at any time in between; a closed trajectory takes feedback too. */
  async create(trajectoryId: string, dto: CreateFeedbackDto) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const givenAt = dto.givenAt === undefined ? this.db.now : pastOrNow(dto.givenAt, this.db.now, 'givenAt');
    if (givenAt < trajectory.startedAt) throw feedbackBeforeStart();
    const saved = await this.feedback.create({
      partnershipId: trajectory.partnershipId,
      trajectoryId,
      participantId: trajectory.participantId,
      givenAt,
      satisfaction: dto.satisfaction,
      comment: dto.comment || null,
      atClosing: dto.atClosing ?? false,
      recordedBy: this.db.actor.staffId,
    });
    await this.audit.record({
      action: 'create',
      resourceType: 'participant_feedback',
      resourceId: saved.id,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId, satisfaction: dto.satisfaction, atClosing: saved.atClosing },
    });
    return toFeedbackResponse(saved);
  }

  async list(trajectoryId: string, query: FeedbackQuery) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const [rows, total] = await this.feedback.page(trajectoryId, offsetOf(query), query.limit);
    await this.audit.record({
      action: 'list',
      resourceType: 'participant_feedback',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { count: rows.length },
    });
    return pageOf(rows, total, query, toFeedbackResponse);
  }
}
