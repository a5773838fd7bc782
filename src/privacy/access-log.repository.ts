import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';

export interface AccessLogRow {
  at: Date;
  actor_roles: string[];
  organisation: string | null;
  action: string;
  resource_type: string;
  scope: string | null;
  why: string | null;
}

const PARTICIPANT_ID = F.participantId;

/** A participant's audit events, as their access log shows them (GDPR art. 15). */
@Injectable()
export class AccessLogRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Runs as the app role: RLS lets the DPO, and an organisation with full scope, read these events.
   * A null limit reads them all. "Why" is the event's own reason, else the grant that allowed it.
   */
  @GenerateSql(
    { name: 'page', params: [PARTICIPANT_ID, 20, 0] },
    { name: 'all', params: [PARTICIPANT_ID, null, 0] },
  )
  async page(
    participantId: string,
    limit: number | null,
    offset: number,
  ): Promise<{ rows: AccessLogRow[]; total: number }> {
    const [{ total }]: { total: number }[] = await this.db.manager.query(
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
      [participantId, limit, offset],
    );
    return { rows, total };
  }
}
