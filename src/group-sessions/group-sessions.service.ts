import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { participantNotFound } from '../access/access.errors';
import { includesScope } from '../access/scope';
import { offsetOf, pageOf } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { ParticipantEntity } from '../participants/participant.entity';
import { AuditService } from '../privacy/audit.service';
import { StaffEntity } from '../staff/staff.entity';
import { isOpen, TrajectoryState } from '../trajectories/trajectory-state';
import { AttendanceDto, CreateGroupSessionDto, GroupSessionQuery } from './dto/group-session.dto';
import { toAttendanceResponse, toGroupSessionResponse } from './dto/group-session.response';
import { GroupSessionAttendanceEntity, GroupSessionEntity } from './group-session.entity';
import {
  attendanceAlreadyCounted,
  facilitatorInvalid,
  groupSessionNotFound,
  noOpenTrajectory,
  sessionOutOfWindow,
  sessionTooFarAhead,
} from './group-sessions.errors';

const DAY_MS = 86400_000;
/** The facilitator keeps the names of the registered people for the follow-up, then loses them. */
const FACILITATOR_ACCESS_AFTER_MS = 30 * DAY_MS;
/** ... and sees them at most this long before the session. */
const FACILITATOR_ACCESS_BEFORE_MS = 7 * DAY_MS;
/** How far ahead a session may be planned (the database checks the same when it grants). */
const PLAN_AHEAD_MS = 90 * DAY_MS;

@Injectable()
export class GroupSessionsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async create(dto: CreateGroupSessionDto) {
    const actor = this.db.actor;
    const facilitatorId = dto.facilitatorId ?? actor.staffId;
    const facilitator = await this.m
      .getRepository(StaffEntity)
      .findOneBy({ id: facilitatorId, active: true });
    if (!facilitator || !facilitator.roles.some((r) => r === 'expertise' || r === 'coach'))
      throw facilitatorInvalid();
    const at = new Date(dto.at);
    if (at.getTime() > this.db.now.getTime() + PLAN_AHEAD_MS) throw sessionTooFarAhead();
    const repo = this.m.getRepository(GroupSessionEntity);
    const session = await repo.save(
      repo.create({
        partnershipId: actor.partnershipId,
        theme: dto.theme,
        tag: dto.tag,
        at,
        durationMinutes: dto.durationMinutes,
        location: dto.location,
        facilitatorId,
        createdBy: actor.staffId,
      }),
    );
    return toGroupSessionResponse(session);
  }

  /** Sessions are a partnership-wide offer: anyone with the permission sees the calendar. */
  async list(query: GroupSessionQuery) {
    const qb = this.m.getRepository(GroupSessionEntity).createQueryBuilder('s');
    if (query.tag) qb.andWhere('s.tag = :tag', { tag: query.tag });
    if (query.facilitatorId) qb.andWhere('s.facilitator_id = :f', { f: query.facilitatorId });
    if (query.from) qb.andWhere('s.at >= :from', { from: new Date(query.from) });
    qb.orderBy('s.at', 'ASC').addOrderBy('s.id', 'ASC');
    const [rows, total] = await qb.skip(offsetOf(query)).take(query.limit).getManyAndCount();
    return pageOf(rows, total, query, toGroupSessionResponse);
  }

  /** A session with the attendance the caller may see (any grant on the participant). */
  async get(id: string) {
    const session = await this.load(id);
    const attendance = await this.m
      .getRepository(GroupSessionAttendanceEntity)
      .find({ where: { groupSessionId: id }, order: { createdAt: 'ASC' } });
    const people = attendance.length
      ? await this.m.getRepository(ParticipantEntity).find({
          where: { id: In(attendance.map((a) => a.participantId)) },
          select: { id: true, firstName: true, lastName: true, phone: true },
        })
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const shown = attendance.filter((a) => byId.has(a.participantId));
    await this.audit.record(
      ...shown.map((a) => ({
        action: 'read' as const,
        resourceType: 'group_session.attendance',
        resourceId: a.id,
        participantId: a.participantId,
      })),
    );
    return {
      ...toGroupSessionResponse(session),
      attendance: shown.map((a) => {
        const p = byId.get(a.participantId)!;
        return toAttendanceResponse(a, { firstName: p.firstName, lastName: p.lastName, phone: p.phone });
      }),
    };
  }

  /**
   * Registers a participant (their coach, at case scope) or records whether they came (the coach, or
   * the facilitator of a registered person). Coming counts as a group_session contact moment.
   */
  async attendance(id: string, dto: AttendanceDto) {
    const actor = this.db.actor;
    const session = await this.load(id);
    const scope = (await this.access.scopesFor([dto.participantId])).get(dto.participantId);
    if (!scope) throw participantNotFound();
    const repo = this.m.getRepository(GroupSessionAttendanceEntity);
    let row = await repo.findOneBy({ groupSessionId: id, participantId: dto.participantId });
    const isFacilitator = session.facilitatorId === actor.staffId;
    if (!includesScope(scope, 'case') && !(row && isFacilitator)) throw participantNotFound();
    if (row?.contactId && !dto.attended) throw attendanceAlreadyCounted();

    if (!row) {
      if (session.at.getTime() > this.db.now.getTime() + PLAN_AHEAD_MS) throw sessionOutOfWindow();
      const trajectoryId = await this.currentTrajectory(dto.participantId);
      row = repo.create({
        id: randomUUID(),
        partnershipId: actor.partnershipId,
        groupSessionId: id,
        participantId: dto.participantId,
        trajectoryId,
        attended: dto.attended,
        contactId: null,
        registeredBy: actor.staffId,
      });
      await repo.insert(row);
      await this.grantFacilitator(session, row);
    } else if (row.attended !== dto.attended) {
      await repo.update({ id: row.id }, { attended: dto.attended });
      row.attended = dto.attended;
    }
    if (row.attended && !row.contactId) {
      row.contactId = await this.recordContact(session, row);
      await repo.update({ id: row.id }, { contactId: row.contactId });
    }
    await this.audit.record({
      action: 'update',
      resourceType: 'group_session.attendance',
      resourceId: row.id,
      participantId: row.participantId,
      scope,
      details: { groupSessionId: id, attended: row.attended },
    });
    return toAttendanceResponse(row);
  }

  /** Upcoming sessions the staff member facilitates, for the agenda. */
  upcomingFacilitatedBy(staffId: string) {
    return this.m
      .getRepository(GroupSessionEntity)
      .createQueryBuilder('s')
      .where('s.facilitator_id = :me and s.at >= :now', { me: staffId, now: this.db.now })
      .orderBy('s.at', 'ASC')
      .limit(50)
      .getMany();
  }

  private async load(id: string) {
    const session = await this.m.getRepository(GroupSessionEntity).findOneBy({ id });
    if (!session) throw groupSessionNotFound();
    return session;
  }

  private async currentTrajectory(participantId: string): Promise<string> {
    const p = await this.m.getRepository(ParticipantEntity).findOne({
      where: { id: participantId },
      select: { id: true, currentTrajectoryId: true, currentStatus: true },
    });
    if (!p?.currentTrajectoryId || !p.currentStatus || !isOpen(p.currentStatus as TrajectoryState))
      throw noOpenTrajectory();
    return p.currentTrajectoryId;
  }

  private async grantFacilitator(session: GroupSessionEntity, row: GroupSessionAttendanceEntity) {
    const validFrom = new Date(
      Math.max(this.db.now.getTime(), session.at.getTime() - FACILITATOR_ACCESS_BEFORE_MS),
    );
    const validUntil = new Date(
      session.at.getTime() + session.durationMinutes * 60_000 + FACILITATOR_ACCESS_AFTER_MS,
    );
    // Registered after the follow-up ended: the facilitator gets nothing.
    if (validUntil <= validFrom) return;
    await this.access.grant({
      participantId: row.participantId,
      staffId: session.facilitatorId,
      scope: 'summary',
      reason: 'group_session',
      sourceId: row.id,
      validFrom,
      validUntil,
    });
    await this.audit.record({
      action: 'grant',
      resourceType: 'group_session.attendance',
      resourceId: row.id,
      participantId: row.participantId,
      scope: 'summary',
      reason: 'group_session',
      details: {
        staffId: session.facilitatorId,
        validFrom: validFrom.toISOString(),
        validUntil: validUntil.toISOString(),
      },
    });
  }

  /** Written without RETURNING: the facilitator may record it without case access to read it back. */
  private async recordContact(
    session: GroupSessionEntity,
    row: GroupSessionAttendanceEntity,
  ): Promise<string> {
    const actor = this.db.actor;
    const id = randomUUID();
    await this.m.query(
      `insert into contacts (id, partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id,
                             author_id, author_organisation_id, summary, confidential, source_type, source_id)
       values ($1, $2, $3, $4, $5, 'group_session', $6, $7, $8, $9, $10, false, 'group_session', $11)`,
      [
        id,
        actor.partnershipId,
        row.trajectoryId,
        row.participantId,
        session.at,
        session.durationMinutes,
        session.facilitatorId,
        actor.staffId,
        actor.organisationId,
        session.theme,
        session.id,
      ],
    );
    return id;
  }
}
