import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { CaseMeetingAttendeeEntity, CaseMeetingEntity } from './case-meeting.entity';

const ID = F.caseMeetingId;
const AT = new Date('2026-01-15T10:00:00Z');

export interface CaseMeetingFilter {
  teamId?: string;
  from?: Date;
}

/** Case meetings and who attends them. */
@Injectable()
export class CaseMeetingsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        teamId: F.teamId,
        scheduledAt: AT,
        location: 'x',
        organiserId: F.coachId,
        organiserOrganisationId: F.organisationId,
      },
    ],
  })
  create(values: Partial<CaseMeetingEntity>): Promise<CaseMeetingEntity> {
    const repo = this.m.getRepository(CaseMeetingEntity);
    return repo.save(repo.create(values));
  }

  @GenerateSql({
    params: [
      [
        {
          partnershipId: F.partnershipId,
          caseMeetingId: F.caseMeetingId,
          staffId: F.coachId,
          organisationId: F.organisationId,
        },
      ],
    ],
  })
  async insertAttendees(rows: Omit<CaseMeetingAttendeeEntity, 'id'>[]): Promise<void> {
    await this.m.getRepository(CaseMeetingAttendeeEntity).insert(rows);
  }

  /** A page of the meetings RLS lets the caller see, in time order, and how many match. */
  @GenerateSql({ params: [{ teamId: F.teamId, from: AT }, 0, 50] })
  page(filter: CaseMeetingFilter, offset: number, limit: number) {
    const qb = this.m.getRepository(CaseMeetingEntity).createQueryBuilder('m');
    if (filter.teamId) qb.andWhere('m.team_id = :team', { team: filter.teamId });
    if (filter.from) qb.andWhere('m.scheduled_at >= :from', { from: filter.from });
    qb.orderBy('m.scheduled_at', 'ASC').addOrderBy('m.id', 'ASC');
    return qb.skip(offset).take(limit).getManyAndCount();
  }

  @GenerateSql({ params: [ID] })
  findById(id: string): Promise<CaseMeetingEntity | null> {
    return this.m.getRepository(CaseMeetingEntity).findOneBy({ id });
  }

  @GenerateSql({ params: [[ID, '00000000-0000-4000-8000-000000000002']] })
  attendeesOf(caseMeetingIds: string[]): Promise<CaseMeetingAttendeeEntity[]> {
    if (caseMeetingIds.length === 0) return Promise.resolve([]);
    return this.m
      .getRepository(CaseMeetingAttendeeEntity)
      .find({ where: { caseMeetingId: In(caseMeetingIds) } });
  }

  /** Cancels a meeting not cancelled yet; false if another request did first. */
  @GenerateSql({ params: [ID, AT] })
  async cancel(id: string, at: Date): Promise<boolean> {
    const result = await this.m
      .getRepository(CaseMeetingEntity)
      .update({ id, cancelledAt: IsNull() }, { cancelledAt: at });
    return !!result.affected;
  }

  /** Upcoming meetings a staff member attends, not cancelled, the next 50. */
  @GenerateSql({ params: [F.coachId, AT] })
  upcomingFor(staffId: string, now: Date): Promise<CaseMeetingEntity[]> {
    return this.m
      .getRepository(CaseMeetingEntity)
      .createQueryBuilder('m')
      .where('m.scheduled_at >= :now and m.cancelled_at is null', { now })
      .andWhere(
        'exists (select 1 from case_meeting_attendees a where a.case_meeting_id = m.id and a.staff_id = :me)',
        {
          me: staffId,
        },
      )
      .orderBy('m.scheduled_at', 'ASC')
      .limit(50)
      .getMany();
  }
}
