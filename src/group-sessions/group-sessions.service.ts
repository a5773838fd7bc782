import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService } from '../access/access.service';
import { participantNotFound } from '../access/access.errors';
import { includesScope } from '../access/scope';
import { offsetOf, pageOf } from '../common/http/pagination';
import { ContactsService } from '../contacts/contacts.service';
import { DatabaseContext } from '../database/database-context.service';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from '../privacy/audit.service';
import { StaffService } from '../staff/staff.service';
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
import { GroupSessionsRepository } from './group-sessions.repository';

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
    private readonly sessions: GroupSessionsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly staff: StaffService,
    private readonly participants: ParticipantsService,
    private readonly contacts: ContactsService,
  ) {}

  async create(dto: CreateGroupSessionDto) {
    const actor = this.db.actor;
    const facilitatorId = dto.facilitatorId ?? actor.staffId;
    const [facilitator] = await this.staff.findByIds([facilitatorId], { active: true });
    if (!facilitator || !facilitator.roles.some((r) => r === 'expertise' || r === 'coach'))
      throw facilitatorInvalid();
    const at = new Date(dto.at);
    if (at.getTime() > this.db.now.getTime() + PLAN_AHEAD_MS) throw sessionTooFarAhead();
    const session = await this.sessions.create({
      partnershipId: actor.partnershipId,
      theme: dto.theme,
      tag: dto.tag,
      at,
      durationMinutes: dto.durationMinutes,
      location: dto.location,
      facilitatorId,
      createdBy: actor.staffId,
    });
    return toGroupSessionResponse(session);
  }

  /** Sessions are a partnership-wide offer: anyone with the permission sees the calendar. */
  async list(query: GroupSessionQuery) {
    const [rows, total] = await this.sessions.page(
      {
        tag: query.tag,
        facilitatorId: query.facilitatorId,
        from: query.from ? new Date(query.from) : undefined,
      },
      offsetOf(query),
      query.limit,
    );
    return pageOf(rows, total, query, toGroupSessionResponse);
  }

  /** A session with the attendance the caller may see (any grant on the participant). */
  async get(id: string) {
    const session = await this.load(id);
    const attendance = await this.sessions.attendanceOf(id);
    const people = await this.participants.namesByIds(attendance.map((a) => a.participantId));
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
    let row = await this.sessions.findAttendance(id, dto.participantId);
    const isFacilitator = session.facilitatorId === actor.staffId;
    if (!includesScope(scope, 'case') && !(row && isFacilitator)) throw participantNotFound();
    if (row?.contactId && !dto.attended) throw attendanceAlreadyCounted();

    if (!row) {
      if (session.at.getTime() > this.db.now.getTime() + PLAN_AHEAD_MS) throw sessionOutOfWindow();
      const trajectoryId = await this.currentTrajectory(dto.participantId);
      row = await this.sessions.insertAttendance({
        id: randomUUID(),
        partnershipId: actor.partnershipId,
        groupSessionId: id,
        participantId: dto.participantId,
        trajectoryId,
        attended: dto.attended,
        contactId: null,
        registeredBy: actor.staffId,
      });
      await this.grantFacilitator(session, row);
    } else if (row.attended !== dto.attended) {
      await this.sessions.updateAttendance(row.id, { attended: dto.attended });
      row.attended = dto.attended;
    }
    if (row.attended && !row.contactId) {
      row.contactId = await this.recordContact(session, row);
      await this.sessions.updateAttendance(row.id, { contactId: row.contactId });
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
    return this.sessions.upcomingFacilitatedBy(staffId, this.db.now);
  }

  private async load(id: string) {
    const session = await this.sessions.findById(id);
    if (!session) throw groupSessionNotFound();
    return session;
  }

  private async currentTrajectory(participantId: string): Promise<string> {
    const p = await this.participants.currentTrajectoryOf(participantId);
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

  /** The facilitator's contact moment with the participant; they may record it without case access. */
  private recordContact(session: GroupSessionEntity, row: GroupSessionAttendanceEntity): Promise<string> {
    const actor = this.db.actor;
    return this.contacts.recordDerived({
      id: randomUUID(),
      partnershipId: actor.partnershipId,
      trajectoryId: row.trajectoryId,
      participantId: row.participantId,
      at: session.at,
      kind: 'group_session',
      durationMinutes: session.durationMinutes,
      staffId: session.facilitatorId,
      authorId: actor.staffId,
      authorOrganisationId: actor.organisationId,
      summary: session.theme,
      sourceType: 'group_session',
      sourceId: session.id,
    });
  }
}
