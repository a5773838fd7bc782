import { Injectable } from '@nestjs/common';
import { badRequest } from '../common/errors/domain-error';
import { offsetOf, Page } from '../common/http/pagination';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditEventQuery, toAuditEventResponse } from './dto/audit-event.dto';

type AuditEventResponse = ReturnType<typeof toAuditEventResponse>;

/** The DPO's search over the append-only log. RLS lets only the dpo role read the whole tenant's log. */
@Injectable()
export class AuditEventsService {
  constructor(
    private readonly events: AuditRepository,
    private readonly audit: AuditService,
  ) {}

  async search(query: AuditEventQuery): Promise<Page<AuditEventResponse>> {
    if (query.from && query.to && new Date(query.from) >= new Date(query.to)) {
      throw badRequest('PERIOD_INVALID', '`from` must be before `to`.', [
        { field: 'from', message: 'after to' },
      ]);
    }
    // Chain what has been committed so far, so every event the DPO sees carries its hash.
    await this.events.sealTenant();
    const { rows, total } = await this.events.search(query, query.limit, offsetOf(query));
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
