import { Injectable } from '@nestjs/common';
import { PageQuery } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';

interface AccessLogRow {
  at: Date;
  actor_roles: string[];
  organisation: string | null;
  action: string;
  resource_type: string;
  scope: string | null;
  why: string | null;
}

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
  constructor(private readonly db: DatabaseContext) {}

  /** Runs as the app role: RLS lets the DPO, and an organisation with full scope, read these events. */
  async page(participantId: string, page?: PageQuery): Promise<{ items: AccessLogEntry[]; total: number }> {
    const [{ total }] = await this.db.manager.query(
      'select count(*)::int as total from audit_events where participant_id = $1',
      [participantId],
    );
    const rows: AccessLogRow[] = await this.db.manager.query(
      `select e.at, e.actor_roles, o.name as organisation, e.action, e.resource_type, e.scope,
              -- A sealed free-text reason is not a code the log can explain: the grant's reason stands in.
              coalesce(case when e.reason not like 'sealed:%' then e.reason end, g.reason) as why
         from audit_events e
         left join organisations o on o.id = e.actor_organisation_id
         left join lateral (
           select g.reason from access_grants g
            where g.participant_id = e.participant_id and g.scope = e.scope
              and (g.organisation_id = e.actor_organisation_id or g.staff_id = e.actor_id)
              and g.valid_from <= e.at and (g.valid_until is null or g.valid_until > e.at)
              and (g.ended_at is null or g.ended_at >= e.at)
            order by g.valid_from desc limit 1) g on true
        where e.participant_id = $1
        order by e.at desc, e.id desc
        limit $2 offset $3`,
      [participantId, page?.limit ?? null, page ? (page.page - 1) * page.limit : 0],
    );
    return { items: rows.map(toAccessLogEntry), total };
  }
}
