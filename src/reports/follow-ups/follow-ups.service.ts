import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../../database/database-context.service';
import { localDate } from '../../common/validation/dates';
import { futureDate } from '../../participants/participants.errors';
import { AuditService } from '../../privacy/audit.service';
import { TrajectoriesService } from '../../trajectories/trajectories.service';
import { FollowUpsDueQuery } from '../dto/report-query.dto';
import { EsfReportService } from '../esf-report.service';
import { FOLLOW_UP_WINDOWS, FollowUpWindow } from '../esf-indicators';
import { followUpBeforeExit, followUpDateBeforeExit } from '../reports.errors';
import { CreateFollowUpDto, toFollowUpResponse } from './follow-up.dto';
import { FollowUpEntity } from './follow-up.entity';

/** How far ahead the due list looks: a window opening within two weeks is listed as upcoming. */
const LOOK_AHEAD_DAYS = 14;
const TODAY = `(app_now() at time zone 'Europe/Brussels')::date`;
const window = (w: FollowUpWindow) => {
  const d = FOLLOW_UP_WINDOWS[w];
  const anchor = `(l.exit_date + interval '${d.monthsAfterExit} months')::date`;
  return `select l.*, '${w}' as window, ${anchor} + (${d.fromDays}) as opens, ${anchor} + (${d.toDays}) as closes,
                 ${anchor} + ${w === 'upon_leaving' ? d.toDays : 0} as due from leavers l`;
};

/**
 * Leavers whose last trajectory closed recently enough that a follow-up window is still open or
 * about to open, without a follow-up in it yet. Driven by the closed_at index, not by all participants.
 */
const DUE_SQL = `
  with leavers as (
    select t.participant_id, t.id as trajectory_id, t.case_manager_id, (t.closed_at at time zone 'Europe/Brussels')::date as exit_date
      from trajectories t
     where t.partnership_id = app_tenant() and t.closed_at >= app_now() - interval '7 months 1 day'
       and not exists (select 1 from trajectories n where n.participant_id = t.participant_id and n.id <> t.id
                         and (n.closed_at is null or n.closed_at > t.closed_at or (n.closed_at = t.closed_at and n.id > t.id)))
  ), windows as (${window('upon_leaving')} union all ${window('six_months')})
  select w.participant_id, w.trajectory_id, w.window, w.exit_date::text as exit_date, w.opens::text as opens,
         w.closes::text as closes, w.due::text as due, w.opens <= ${TODAY} as open, w.case_manager_id, s.name as case_manager_name,
         count(*) over ()::int as total
    from windows w left join staff s on s.id = w.case_manager_id
   where w.closes >= ${TODAY} and w.opens <= ${TODAY} + ${LOOK_AHEAD_DAYS}
     and not exists (select 1 from follow_ups fu where fu.participant_id = w.participant_id and fu.at between w.opens and w.closes)
   order by w.due, w.participant_id, w.window
   limit $1 offset $2`;

interface DueRow {
  participant_id: string;
  trajectory_id: string;
  window: FollowUpWindow;
  exit_date: string;
  opens: string;
  closes: string;
  due: string;
  open: boolean;
  case_manager_id: string | null;
  case_manager_name: string | null;
  total: number;
}

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
    private readonly esf: EsfReportService,
  ) {}

  async create(trajectoryId: string, dto: CreateFollowUpDto) {
    const { trajectory } = await this.trajectories.load(trajectoryId, 'case');
    if (!trajectory.closedAt) throw followUpBeforeExit();
    const exitDate = localDate(trajectory.closedAt);
    if (dto.at < exitDate) throw followUpDateBeforeExit(exitDate);
    if (dto.at > localDate(this.db.now)) throw futureDate('at');
    const repo = this.db.manager.getRepository(FollowUpEntity);
    const saved = await repo.save(
      repo.create({
        partnershipId: trajectory.partnershipId,
        trajectoryId,
        participantId: trajectory.participantId,
        at: dto.at,
        situation: dto.situation,
        improvedSituation: dto.improvedSituation ?? null,
        note: dto.note ?? null,
        recordedBy: this.db.actor.staffId,
      }),
    );
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
    const rows = await this.db.asTenantReader<DueRow[]>((m) =>
      m.query(DUE_SQL, [q.limit, (q.page - 1) * q.limit]),
    );
    const named = await this.esf.withNames(
      rows.map((r) => ({ participantId: r.participant_id, pseudonymised: false })),
    );
    const names = new Map(named.filter((n) => n.firstName !== undefined).map((n) => [n.participantId, n]));
    await this.audit.record(
      { action: 'read', resourceType: 'report.follow_ups_due', details: { page: q.page, limit: q.limit } },
      ...[...names.keys()].map((id) => ({
        action: 'list' as const,
        resourceType: 'participant',
        resourceId: id,
        participantId: id,
      })),
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
