import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { OverdueAssessmentsService } from '../assessments/overdue-assessments.service';
import { CaseMeetingsService } from '../case-meetings/case-meetings.service';
import { toActionResponse } from '../case-meetings/dto/case-meeting.response';
import { DatabaseContext } from '../database/database-context.service';
import { GroupSessionsService } from '../group-sessions/group-sessions.service';
import { ReferralsService } from '../referrals/referrals.service';

/**
 * One call for "what needs doing today". Each section reads through the same RLS as its own
 * feature, so the agenda never shows more than the features themselves would.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly referrals: ReferralsService,
    private readonly meetings: CaseMeetingsService,
    private readonly sessions: GroupSessionsService,
    private readonly overdue: OverdueAssessmentsService,
  ) {}

  async mine() {
    const me = this.db.actor.staffId;
    const now = this.db.now;
    const referrals = await this.referrals.openAssignedTo(me);
    const actions = await this.meetings.openActionsOf(me);
    const meetings = await this.meetings.upcomingFor(me);
    const sessions = await this.sessions.upcomingFacilitatedBy(me);
    const assessments = await this.overdue.forStaff(me);
    // Participant-linked text and ids only while a grant holds: an action's owner keeps the task,
    // not the person, once consent is withdrawn or the meeting's access has lapsed.
    const ids = [...actions.map((a) => a.participantId), ...referrals.map((r) => r.participantId)];
    const visible = await this.access.scopesFor(ids.filter((id): id is string => !!id));
    const seen = (id: string | null) => (id && visible.has(id) ? id : null);
    return {
      at: now.toISOString(),
      referrals: referrals.map((r) => ({
        id: r.id,
        direction: r.direction,
        target: r.target,
        kind: r.kind,
        state: r.state,
        participantId: seen(r.participantId),
        dueAt: r.dueAt.toISOString(),
        overdue: r.dueAt.getTime() < now.getTime(),
      })),
      caseMeetingActions: actions.map((a) => ({
        ...toActionResponse(a),
        ...(seen(a.participantId) ? {} : { participantId: null, itemId: null, description: null }),
        overdue: a.dueAt.getTime() < now.getTime(),
      })),
      caseMeetings: meetings.map((m) => ({
        id: m.id,
        teamId: m.teamId,
        scheduledAt: m.scheduledAt.toISOString(),
        location: m.location,
      })),
      groupSessions: sessions,
      overdueAssessments: assessments,
    };
  }
}
