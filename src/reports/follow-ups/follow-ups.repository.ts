import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../../common/persistence/generate-sql';
import { DatabaseContext } from '../../database/database-context.service';
import { FOLLOW_UP_WINDOWS, FollowUpWindow } from '../esf-indicators';
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

export interface DueRow {
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

export type NewFollowUp = Omit<FollowUpEntity, 'id' | 'createdAt'>;

/**
 * Queries on follow_ups, and the due list. The due list is a report: it reads trajectories and staff
 * by table name in raw SQL (no other module's entity is imported), partnership-wide as the tenant reader.
 */
@Injectable()
export class FollowUpsRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        at: '2025-06-07',
        situation: 'job_searching',
        improvedSituation: null,
        note: null,
        recordedBy: F.coachId,
      },
    ],
  })
  insert(values: NewFollowUp): Promise<FollowUpEntity> {
    const repo = this.db.manager.getRepository(FollowUpEntity);
    return repo.save(repo.create(values));
  }

  /** One page of the due list (the window total on every row). */
  @GenerateSql({ params: [50, 0] })
  due(limit: number, offset: number): Promise<DueRow[]> {
    return this.db.asTenantReader<DueRow[]>((m) => m.query(DUE_SQL, [limit, offset]));
  }
}
