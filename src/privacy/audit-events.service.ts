import { Injectable } from '@nestjs/common';
import { badRequest } from '../common/errors/domain-error';
import { offsetOf, Page } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from './audit.service';
import { AuditEventQuery, AuditEventRow, toAuditEventResponse } from './dto/audit-event.dto';

type AuditEventResponse = ReturnType<typeof toAuditEventResponse>;

/** The DPO's search over the append-only log. RLS lets only the dpo role read the whole tenant's log. */
@Injectable()
export class AuditEventsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
  ) {}

  async search(query: AuditEventQuery): Promise<Page<AuditEventResponse>> {
    if (query.from && query.to && new Date(query.from) >= new Date(query.to)) {
      throw badRequest('PERIOD_INVALID', '`from` must be before `to`.', [
        { field: 'from', message: 'after to' },
      ]);
    }
    // Chain what has been committed so far, so every event the DPO sees carries its hash.
    await this.db.manager.query('select app_audit_seal(app_tenant())');
    const where: string[] = ['e.partnership_id = app_tenant()'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.participantId) add('e.participant_id = ?', query.participantId);
    if (query.actorId) add('e.actor_id = ?', query.actorId);
    if (query.organisationId) add('e.actor_organisation_id = ?', query.organisationId);
    if (query.action) add('e.action = ?', query.action);
    if (query.from) add('e.at >= ?::timestamptz', query.from);
    if (query.to) add('e.at < ?::timestamptz', query.to);
    const filter = where.join(' and ');
    const [{ total }] = await this.db.manager.query(
      `select count(*)::int as total from audit_events e where ${filter}`,
      params,
    );
    const rows: AuditEventRow[] = await this.db.manager.query(
      `select e.id, e.at, e.actor_id, s.name as actor_name, e.actor_roles, e.actor_organisation_id,
              o.name as actor_organisation_name, e.action, e.resource_type, e.resource_id, e.participant_id,
              e.scope, e.request_id, e.chain_seq, e.hash,
              -- A sealed (free-text) reason in clear, or '[erased]' once its participant was pseudonymised.
              case when e.reason like 'sealed:%' then (select r.reason from app_audit_reveal(e.id) r)
                   else e.reason end as reason
         from audit_events e
         left join staff s on s.id = e.actor_id
         left join organisations o on o.id = e.actor_organisation_id
        where ${filter}
        order by e.at desc, e.id desc
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.limit, offsetOf(query)],
    );
    await this.audit.record({
      action: 'read',
      resourceType: 'audit_events',
      // The filter may name any uuid, even one of another tenant: it stays in details only.
      reason: 'dpo_oversight',
      details: { filters: { ...query, page: undefined, limit: undefined } },
    });
    return { items: rows.map(toAuditEventResponse), total, page: query.page, limit: query.limit };
  }
}
