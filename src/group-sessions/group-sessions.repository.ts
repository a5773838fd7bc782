import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { GroupSessionAttendanceEntity, GroupSessionEntity, GroupSessionTag } from './group-session.entity';

const ID = F.groupSessionId;
const AT = new Date('2026-01-15T10:00:00Z');

export interface GroupSessionFilter {
  tag?: GroupSessionTag;
  facilitatorId?: string;
  from?: Date;
}

@Injectable()
export class GroupSessionsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        theme: 'x',
        tag: 'language',
        at: AT,
        durationMinutes: 60,
        location: 'x',
        facilitatorId: F.coachId,
        createdBy: F.coachId,
      },
    ],
  })
  create(values: Partial<GroupSessionEntity>): Promise<GroupSessionEntity> {
    const repo = this.m.getRepository(GroupSessionEntity);
    return repo.save(repo.create(values));
  }

  /** A page of the calendar in time order, and how many sessions match. */
  @GenerateSql({ params: [{ tag: 'language', facilitatorId: F.coachId, from: AT }, 0, 50] })
  page(filter: GroupSessionFilter, offset: number, limit: number) {
    const qb = this.m.getRepository(GroupSessionEntity).createQueryBuilder('s');
    if (filter.tag) qb.andWhere('s.tag = :tag', { tag: filter.tag });
    if (filter.facilitatorId) qb.andWhere('s.facilitator_id = :f', { f: filter.facilitatorId });
    if (filter.from) qb.andWhere('s.at >= :from', { from: filter.from });
    qb.orderBy('s.at', 'ASC').addOrderBy('s.id', 'ASC');
    return qb.skip(offset).take(limit).getManyAndCount();
  }

  @GenerateSql({ params: [ID] })
  findById(id: string): Promise<GroupSessionEntity | null> {
    return this.m.getRepository(GroupSessionEntity).findOneBy({ id });
  }

  /** Upcoming sessions a staff member facilitates, the next 50. */
  @GenerateSql({ params: [F.coachId, AT] })
  upcomingFacilitatedBy(staffId: string, now: Date): Promise<GroupSessionEntity[]> {
    return this.m
      .getRepository(GroupSessionEntity)
      .createQueryBuilder('s')
      .where('s.facilitator_id = :me and s.at >= :now', { me: staffId, now })
      .orderBy('s.at', 'ASC')
      .limit(50)
      .getMany();
  }

  /** The attendance rows RLS lets the caller see, in the order people were registered. */
  @GenerateSql({ params: [ID] })
  attendanceOf(groupSessionId: string): Promise<GroupSessionAttendanceEntity[]> {
    return this.m
      .getRepository(GroupSessionAttendanceEntity)
      .find({ where: { groupSessionId }, order: { createdAt: 'ASC' } });
  }

  @GenerateSql({ params: [ID, F.participantId] })
  findAttendance(
    groupSessionId: string,
    participantId: string,
  ): Promise<GroupSessionAttendanceEntity | null> {
    return this.m.getRepository(GroupSessionAttendanceEntity).findOneBy({ groupSessionId, participantId });
  }

  /** Inserted without RETURNING; the row as written is the answer. */
  @GenerateSql({
    params: [
      {
        id: '00000000-0000-4000-8000-00000000f001',
        partnershipId: F.partnershipId,
        groupSessionId: F.groupSessionId,
        participantId: F.participantId,
        trajectoryId: F.trajectoryId,
        attended: false,
        contactId: null,
        registeredBy: F.coachId,
      },
    ],
  })
  async insertAttendance(
    values: Partial<GroupSessionAttendanceEntity>,
  ): Promise<GroupSessionAttendanceEntity> {
    const repo = this.m.getRepository(GroupSessionAttendanceEntity);
    const row = repo.create(values);
    await repo.insert(row);
    return row;
  }

  @GenerateSql({ params: [ID, { attended: true }] })
  async updateAttendance(
    id: string,
    patch: Partial<Pick<GroupSessionAttendanceEntity, 'attended' | 'contactId'>>,
  ): Promise<void> {
    await this.m.getRepository(GroupSessionAttendanceEntity).update({ id }, patch);
  }
}
