import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { hasRole } from '../access/actor';
import { offsetOf, Page, PageQuery } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { InstrumentsService } from '../empowerment/instruments.service';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from '../privacy/audit.service';
import { AssessmentReportsRepository, OverdueFilter } from './assessment-reports.repository';
import { ALWAYS_DUE } from './assessment-schedule.service';
import { OverdueQuery } from './dto/assessment.dto';
import { toOverdueItem } from './dto/schedule.response';

type OverdueItem = ReturnType<typeof toOverdueItem>;

/**
 * What is late. Coordinators see the whole partnership (read as jobteam_tenant_reader), but get
 * names only of participants they hold a grant on; anyone else sees their own caseload. Other
 * features (the agenda) use forStaff().
 */
@Injectable()
export class OverdueAssessmentsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly reports: AssessmentReportsRepository,
    private readonly instruments: InstrumentsService,
    private readonly participants: ParticipantsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(query: OverdueQuery): Promise<Page<OverdueItem>> {
    const actor = this.db.actor;
    const partnershipWide = hasRole(actor, 'coordinator');
    const filter: OverdueFilter = { teamId: query.teamId, caseManagerId: query.caseManagerId };
    if (!partnershipWide) {
      if (query.caseManagerId && query.caseManagerId !== actor.staffId) {
        return this.audited({ items: [], total: 0, page: query.page, limit: query.limit }, filter);
      }
      filter.caseManagerId = actor.staffId;
    }
    const page = await this.find(filter, query, partnershipWide);
    return this.audited(page, filter);
  }

  /** The overdue assessments of one case manager's caseload, read with the caller's own access (for /me/agenda). */
  async forStaff(staffId: string, limit = 200): Promise<OverdueItem[]> {
    const page = await this.find({ caseManagerId: staffId }, { page: 1, limit }, false);
    await this.audited(page, { caseManagerId: staffId });
    return page.items;
  }

  private async find(
    filter: OverdueFilter,
    paging: PageQuery,
    partnershipWide: boolean,
  ): Promise<Page<OverdueItem>> {
    const schedules = await this.instruments.latestSchedules();
    const rows = await this.reports.overdue(
      schedules,
      ALWAYS_DUE,
      filter,
      paging.limit,
      offsetOf(paging),
      partnershipWide,
    );
    const names = await this.namesVisibleToCaller(rows.map((r) => r.participant_id));
    const now = this.db.now;
    return {
      items: rows.map((r) => toOverdueItem(r, now, names.get(r.participant_id))),
      total: rows[0]?.total ?? 0,
      page: paging.page,
      limit: paging.limit,
    };
  }

  private async namesVisibleToCaller(ids: string[]) {
    const scopes = await this.access.scopesFor([...new Set(ids)]);
    const visible = [...scopes.keys()];
    return visible.length
      ? this.participants.namesOf(visible)
      : new Map<string, { firstName: string; lastName: string }>();
  }

  /** One event per listed trajectory (its ids are personal data), or one for an empty answer. */
  private async audited(page: Page<OverdueItem>, filter: OverdueFilter): Promise<Page<OverdueItem>> {
    const details = { teamId: filter.teamId ?? null, caseManagerId: filter.caseManagerId ?? null };
    await this.audit.record(
      ...(page.items.length
        ? page.items.map((i) => ({
            action: 'list' as const,
            resourceType: 'assessment.overdue',
            resourceId: i.trajectoryId,
            participantId: i.participantId,
            details: { ...details, nameShown: 'participant' in i },
          }))
        : [{ action: 'list' as const, resourceType: 'assessment.overdue', details }]),
    );
    return page;
  }
}
