import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { hasRole } from '../access/actor';
import { offsetOf, Page, PageQuery } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { baselineDueSql, reviewDueSql } from '../empowerment/schedule.sql';
import { AuditService } from '../privacy/audit.service';
import { ALWAYS_DUE } from './assessment-schedule.service';
import { OverdueQuery } from './dto/assessment.dto';
import { OverdueRow, toOverdueItem } from './dto/schedule.response';

type OverdueItem = ReturnType<typeof toOverdueItem>;

interface Filter {
  teamId?: string;
  caseManagerId?: string;
}

/**
 * The same rule as nextDue(), in SQL so a partnership's whole caseload is one query: per open
 * trajectory and instrument on its calendar, no exit yet; without a baseline it is due
 * baseline_due_weeks after guidance started, otherwise review_interval_months after the latest
 * baseline or review (schedule.sql.ts: calendar months in UTC, as in addMonths).
 * Late means app_now() is past the due moment.
 */
const OVERDUE_SQL = `
  with spec as (
    select * from unnest($1::text[], $2::int[], $3::int[]) as s(key, baseline_weeks, review_months)
  ),
  state as (
    select tr.id, tr.participant_id, tr.case_manager_id, tr.team_id, tr.guidance_started_at,
           s.key, s.baseline_weeks, s.review_months,
           max(a.taken_at) filter (where a.kind in ('baseline', 'review')) as last_periodic,
           coalesce(bool_or(a.kind = 'baseline'), false) as has_baseline,
           coalesce(bool_or(a.kind = 'exit'), false) as has_exit,
           count(a.id) as used
      from trajectories tr
      cross join spec s
      left join assessments a on a.trajectory_id = tr.id and a.instrument_key = s.key
     where tr.partnership_id = app_tenant() and tr.status <> 'afgesloten'
       and ($4::uuid is null or tr.team_id = $4::uuid)
       and ($5::uuid is null or tr.case_manager_id = $5::uuid)
     group by tr.id, s.key, s.baseline_weeks, s.review_months
  ),
  due as (
    select state.*,
           case when has_baseline then 'review' else 'baseline' end as kind,
           case when has_baseline
                then ${reviewDueSql('last_periodic', 'review_months')}
                else ${baselineDueSql('guidance_started_at', 'baseline_weeks')} end as due_at
      from state
     where not has_exit and (key = any($6::text[]) or used > 0)
  )
  select id as trajectory_id, participant_id, case_manager_id, team_id, key as instrument, kind, due_at,
         (count(*) over ())::int as total
    from due
   where due_at < app_now()
   order by due_at, id, key
   limit $7 offset $8`;

/**
 * What is late. Coordinators see the whole partnership (read as jobteam_tenant_reader), but get
 * names only of participants they hold a grant on; anyone else sees their own caseload. Other
 * features (the agenda) use forStaff().
 */
@Injectable()
export class OverdueAssessmentsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(query: OverdueQuery): Promise<Page<OverdueItem>> {
    const actor = this.db.actor;
    const partnershipWide = hasRole(actor, 'coordinator');
    const filter: Filter = { teamId: query.teamId, caseManagerId: query.caseManagerId };
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
    filter: Filter,
    paging: PageQuery,
    partnershipWide: boolean,
  ): Promise<Page<OverdueItem>> {
    const specs: { key: string; baseline_due_weeks: number; review_interval_months: number }[] =
      await this.db.manager.query(
        `select distinct on (key) key, baseline_due_weeks, review_interval_months
           from instruments order by key, version desc, partnership_id nulls last`,
      );
    const params = [
      specs.map((s) => s.key),
      specs.map((s) => s.baseline_due_weeks),
      specs.map((s) => s.review_interval_months),
      filter.teamId ?? null,
      filter.caseManagerId ?? null,
      [...ALWAYS_DUE],
      paging.limit,
      offsetOf(paging),
    ];
    const run = (m: EntityManager): Promise<(OverdueRow & { total: number })[]> =>
      m.query(OVERDUE_SQL, params);
    const rows = partnershipWide ? await this.db.asTenantReader(run) : await run(this.db.manager);
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
    const rows: { id: string; first_name: string; last_name: string }[] = visible.length
      ? await this.db.manager.query(
          `select id, first_name, last_name from participants where id = any($1::uuid[])`,
          [visible],
        )
      : [];
    return new Map(rows.map((r) => [r.id, { firstName: r.first_name, lastName: r.last_name }]));
  }

  /** One event per listed trajectory (its ids are personal data), or one for an empty answer. */
  private async audited(page: Page<OverdueItem>, filter: Filter): Promise<Page<OverdueItem>> {
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
