import { Injectable } from '@nestjs/common';
import { PageQuery } from '../common/http/pagination';
import { AccessLogRepository, AccessLogRow } from './access-log.repository';

/** Plain-language reasons for the codes a participant may find in their log. */
const WHY: Record<string, string> = {
  owner: 'Case management by the organisation that holds the file',
  co_coach: 'Duo coaching by a co-coach',
  consent_partnership: 'Sharing within the partnership, based on your consent',
  referral: 'A referral to this organisation',
  case_meeting: 'A case meeting about your trajectory',
  group_session: 'A group session',
  consent: 'Recording your consent',
  legal_obligation: 'Recording a legal obligation',
  public_task: 'Recording a public task',
  consent_withdrawn: 'Withdrawing your consent',
  data_subject_request: 'Your request to see or receive your data',
  dpo_oversight: 'Supervision by the data protection officer',
  retention_period: 'The retention period had ended',
};

export type AccessLogEntry = ReturnType<typeof toAccessLogEntry>;

/**
 * Who, when, what and why, for handing to the participant (GDPR art. 15). Staff are shown by role
 * and organisation, never by name. "Why" is the event's own reason, else the grant that allowed it.
 */
function toAccessLogEntry(r: AccessLogRow) {
  return {
    at: r.at.toISOString(),
    who: { roles: r.actor_roles.length ? r.actor_roles : ['system'], organisation: r.organisation },
    what: { action: r.action, resource: r.resource_type, scope: r.scope },
    why: r.why ? { code: r.why, text: WHY[r.why] ?? r.why } : null,
  };
}

@Injectable()
export class AccessLogService {
  constructor(private readonly log: AccessLogRepository) {}

  /** Runs as the app role: RLS lets the DPO, and an organisation with full scope, read these events. */
  async page(participantId: string, page?: PageQuery): Promise<{ items: AccessLogEntry[]; total: number }> {
    const { rows, total } = await this.log.page(
      participantId,
      page?.limit ?? null,
      page ? (page.page - 1) * page.limit : 0,
    );
    return { items: rows.map(toAccessLogEntry), total };
  }
}
