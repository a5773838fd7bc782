import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../../database/database-context.service';
import { localDate } from '../../common/validation/dates';
import { futureDate } from '../../participants/participants.errors';
import { AuditService } from '../../privacy/audit.service';
import { TrajectoriesService } from '../../trajectories/trajectories.service';
import { FollowUpsDueQuery } from '../dto/report-query.dto';
import { FOLLOW_UP_WINDOWS } from '../esf-indicators';
import { ParticipantNamesService } from '../participant-names.service';
import { followUpBeforeExit, followUpDateBeforeExit } from '../reports.errors';
import { CreateFollowUpDto, toFollowUpResponse } from './follow-up.dto';
import { FollowUpsRepository } from './follow-ups.repository';

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
    private readonly names: ParticipantNamesService,
    private readonly followUps: FollowUpsRepository,
  ) {}

  async create(trajectoryId: string, dto: CreateFollowUpDto) {
    const { trajectory } = await this.trajectories.load(trajectoryId, 'case');
    if (!trajectory.closedAt) throw followUpBeforeExit();
    const exitDate = localDate(trajectory.closedAt);
    if (dto.at < exitDate) throw followUpDateBeforeExit(exitDate);
    if (dto.at > localDate(this.db.now)) throw futureDate('at');
    const saved = await this.followUps.insert({
      partnershipId: trajectory.partnershipId,
      trajectoryId,
      participantId: trajectory.participantId,
      at: dto.at,
      situation: dto.situation,
      improvedSituation: dto.improvedSituation ?? null,
      note: dto.note ?? null,
      recordedBy: this.db.actor.staffId,
    });
    await this.audit.record({
      action: 'create',
      resourceType: 'follow_up',
      resourceId: saved.id,
      participantId: trajectory.participantId,
      scope: 'case',
    });
    return toFollowUpResponse(saved);
  }

  /** Who to contact, and when: the four-week and six-month windows that are open or open within two weeks. */
  async due(q: FollowUpsDueQuery) {
    const rows = await this.followUps.due(q.limit, (q.page - 1) * q.limit);
    const names = await this.names.namedAndAudited(
      rows.map((r) => r.participant_id),
      { action: 'read', resourceType: 'report.follow_ups_due', details: { page: q.page, limit: q.limit } },
    );
    return {
      items: rows.map((r) => {
        const n = names.get(r.participant_id);
        return {
          participantId: r.participant_id,
          ...(n ? { firstName: n.firstName, lastName: n.lastName } : {}),
          trajectoryId: r.trajectory_id,
          window: r.window,
          label: FOLLOW_UP_WINDOWS[r.window].label,
          exitDate: r.exit_date,
          contactFrom: r.opens,
          contactBy: r.closes,
          dueDate: r.due,
          status: r.open ? 'open' : 'upcoming',
          caseManager: r.case_manager_id ? { id: r.case_manager_id, name: r.case_manager_name } : null,
        };
      }),
      total: rows[0]?.total ?? 0,
      page: q.page,
      limit: q.limit,
    };
  }
}
