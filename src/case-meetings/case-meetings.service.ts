import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { offsetOf, pageOf } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { AuditService } from '../privacy/audit.service';
import { ConsentChecks } from '../privacy/consent-checks';
import { ReferralEntity } from '../referrals/referral.entity';
import { ReferralsService } from '../referrals/referrals.service';
import { StaffEntity } from '../staff/staff.entity';
import { TeamEntity } from '../teams/team.entity';
import { isOpen } from '../trajectories/trajectory-state';
import { TrajectoryEntity } from '../trajectories/trajectory.entity';
import { CaseMeetingAgenda } from './agenda-format';
import {
  CaseMeetingActionEntity,
  CaseMeetingAttendeeEntity,
  CaseMeetingEntity,
  CaseMeetingItemEntity,
} from './case-meeting.entity';
import {
  actionAlreadyCompleted,
  actionNotFound,
  caseMeetingConsentRequired,
  caseMeetingNotFound,
  meetingCancelled,
  meetingDateOutOfRange,
  meetingOutOfWindow,
  organiserOnly,
  ownerOnly,
  presenceBeforeMeeting,
  staffUnknown,
  teamUnknown,
  trajectoryClosed,
  trajectoryNotFound,
} from './case-meetings.errors';
import { CaseMeetingItemDto, CaseMeetingQuery, CreateCaseMeetingDto } from './dto/case-meeting.dto';
import { toActionResponse, toCaseMeetingResponse, toItemResponse } from './dto/case-meeting.response';

const DAY_MS = 86400_000;
/** Attendees may see what an item needs to prepare the meeting and for its follow-up: from 7 days before until 14 after. */
const GRANT_BEFORE_MEETING_MS = 7 * DAY_MS;
const GRANT_AFTER_MEETING_MS = 14 * DAY_MS;
/** How far ahead a meeting may be planned, and how late it may still be recorded. */
const PLAN_AHEAD_MS = 90 * DAY_MS;
const RECORD_AFTER_MS = 30 * DAY_MS;
/** A case meeting does not record per-item duration; each item counts as this much contact time. */
const ITEM_CONTACT_MINUTES = 15;

@Injectable()
export class CaseMeetingsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly consents: ConsentChecks,
    private readonly referrals: ReferralsService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async create(dto: CreateCaseMeetingDto) {
    const actor = this.db.actor;
    if (!(await this.m.getRepository(TeamEntity).existsBy({ id: dto.teamId, active: true })))
      throw teamUnknown();
    const scheduledAt = new Date(dto.scheduledAt);
    if (!this.inWindow(scheduledAt)) throw meetingDateOutOfRange();
    const ids = [...new Set([actor.staffId, ...dto.attendeeIds])];
    const staff = await this.activeStaff(ids);
    if (staff.length !== ids.length) throw staffUnknown('attendeeIds');
    const meeting = await this.m.getRepository(CaseMeetingEntity).save(
      this.m.getRepository(CaseMeetingEntity).create({
        partnershipId: actor.partnershipId,
        teamId: dto.teamId,
        scheduledAt,
        location: dto.location,
        organiserId: actor.staffId,
        organiserOrganisationId: actor.organisationId,
      }),
    );
    await this.m.getRepository(CaseMeetingAttendeeEntity).insert(
      staff.map((s) => ({
        partnershipId: actor.partnershipId,
        caseMeetingId: meeting.id,
        staffId: s.id,
        organisationId: s.organisationId,
      })),
    );
    return toCaseMeetingResponse(meeting, ids);
  }

  async list(query: CaseMeetingQuery) {
    const qb = this.m.getRepository(CaseMeetingEntity).createQueryBuilder('m');
    if (query.teamId) qb.andWhere('m.team_id = :team', { team: query.teamId });
    if (query.from) qb.andWhere('m.scheduled_at >= :from', { from: new Date(query.from) });
    qb.orderBy('m.scheduled_at', 'ASC').addOrderBy('m.id', 'ASC');
    const [rows, total] = await qb.skip(offsetOf(query)).take(query.limit).getManyAndCount();
    const attendees = await this.attendeesOf(rows.map((r) => r.id));
    return pageOf(rows, total, query, (m) =>
      toCaseMeetingResponse(
        m,
        attendees.filter((a) => a.caseMeetingId === m.id).map((a) => a.staffId),
      ),
    );
  }

  async get(id: string) {
    const meeting = await this.load(id);
    const { attendees, items, actions } = await this.contents(id);
    await this.auditItems('read', items);
    return {
      ...toCaseMeetingResponse(
        meeting,
        attendees.map((a) => a.staffId),
      ),
      items: items.map((i) =>
        toItemResponse(
          i,
          actions.filter((a) => a.itemId === i.id),
        ),
      ),
    };
  }

  async addItem(id: string, dto: CaseMeetingItemDto) {
    const actor = this.db.actor;
    const meeting = await this.load(id);
    if (meeting.cancelledAt) throw meetingCancelled();
    const trajectory = await this.m.getRepository(TrajectoryEntity).findOneBy({ id: dto.trajectoryId });
    if (!trajectory) throw trajectoryNotFound();
    const participantId = trajectory.participantId;
    const scope = await this.access.requireScope(participantId, 'case').catch((err) => {
      throw (err as { status?: number }).status === 404 ? trajectoryNotFound() : err;
    });
    // Co-coaches and earlier attendees hold case access, but only the owner decides who is discussed.
    if (scope !== 'full') throw ownerOnly();
    if (!isOpen(trajectory.status)) throw trajectoryClosed();
    if (!this.inWindow(meeting.scheduledAt)) throw meetingOutOfWindow();
    const present = dto.participantPresent ?? false;
    const takenPlace = meeting.scheduledAt.getTime() <= this.db.now.getTime();
    if (present && !takenPlace) throw presenceBeforeMeeting();
    if (!present && !(await this.consents.has(participantId, 'case_meeting')))
      throw caseMeetingConsentRequired();
    const owners = [...new Set((dto.actions ?? []).map((a) => a.ownerStaffId))];
    if ((await this.activeStaff(owners)).length !== owners.length) throw staffUnknown('actions.ownerStaffId');

    const referral = dto.createReferral
      ? await this.referrals.createOutbound(participantId, dto.createReferral)
      : null;
    // A meeting is a contact moment with the participant only once it took place with them at the
    // table, dated at the meeting; written without RETURNING, as the reader may differ.
    const itemId = randomUUID();
    const contactId = present ? randomUUID() : null;
    if (contactId)
      await this.m.query(
        `insert into contacts (id, partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id,
                               author_id, author_organisation_id, summary, confidential, source_type, source_id)
         values ($1, $2, $3, $4, $5, 'case_meeting', $6, $7, $7, $8, $9, false, 'case_meeting_item', $10)`,
        [
          contactId,
          actor.partnershipId,
          trajectory.id,
          participantId,
          meeting.scheduledAt,
          ITEM_CONTACT_MINUTES,
          actor.staffId,
          actor.organisationId,
          dto.summary ?? null,
          itemId,
        ],
      );
    const items = this.m.getRepository(CaseMeetingItemEntity);
    const item = await items.save(
      items.create({
        id: itemId,
        partnershipId: actor.partnershipId,
        caseMeetingId: meeting.id,
        trajectoryId: trajectory.id,
        participantId,
        participantPresent: present,
        basis: present ? 'present' : 'consent',
        summary: dto.summary ?? null,
        decisions: dto.decisions ?? null,
        referralId: (referral?.id as string | undefined) ?? null,
        contactId,
        authorId: actor.staffId,
        authorOrganisationId: actor.organisationId,
      }),
    );
    const actionRepo = this.m.getRepository(CaseMeetingActionEntity);
    const actions = await actionRepo.save(
      (dto.actions ?? []).map((a) =>
        actionRepo.create({
          partnershipId: actor.partnershipId,
          caseMeetingId: meeting.id,
          itemId: item.id,
          participantId,
          description: a.description,
          ownerStaffId: a.ownerStaffId,
          dueAt: new Date(a.dueAt),
        }),
      ),
    );
    await this.grantAttendees(meeting, item);
    await this.audit.record({
      action: 'create',
      resourceType: 'case_meeting.item',
      resourceId: item.id,
      participantId,
      details: { caseMeetingId: meeting.id, basis: item.basis, referralId: item.referralId },
    });
    return toItemResponse(item, actions);
  }

  /** The organiser's organisation cancels; every grant the meeting gave ends in this transaction (trigger). */
  async cancel(id: string) {
    const meeting = await this.load(id);
    if (meeting.organiserOrganisationId !== this.db.actor.organisationId) throw organiserOnly();
    if (meeting.cancelledAt) throw meetingCancelled();
    const now = this.db.now;
    const result = await this.m
      .getRepository(CaseMeetingEntity)
      .update({ id, cancelledAt: IsNull() }, { cancelledAt: now });
    if (!result.affected) throw meetingCancelled();
    meeting.cancelledAt = now;
    await this.audit.record({
      action: 'update',
      resourceType: 'case_meeting',
      resourceId: id,
      details: { cancelled: true },
    });
    const attendees = await this.attendeesOf([id]);
    return toCaseMeetingResponse(
      meeting,
      attendees.map((a) => a.staffId),
    );
  }

  /** The owner of an action, or anyone with case access to its participant, marks it done. */
  async completeAction(id: string, actionId: string) {
    const repo = this.m.getRepository(CaseMeetingActionEntity);
    const action = await repo.findOneBy({ id: actionId, caseMeetingId: id });
    if (!action) throw actionNotFound();
    if (action.completedAt) throw actionAlreadyCompleted();
    const result = await repo.update(
      { id: actionId, completedAt: IsNull() },
      { completedAt: this.db.now, completedBy: this.db.actor.staffId },
    );
    if (!result.affected) throw actionAlreadyCompleted();
    await this.audit.record({
      action: 'update',
      resourceType: 'case_meeting.action',
      resourceId: actionId,
      participantId: action.participantId,
      details: { completed: true },
    });
    return toActionResponse((await repo.findOneBy({ id: actionId }))!);
  }

  /** What an attendee may see of each item: items without a live grant are left out by RLS. */
  async agenda(id: string): Promise<CaseMeetingAgenda> {
    const meeting = await this.load(id);
    const team = await this.m.getRepository(TeamEntity).findOneBy({ id: meeting.teamId });
    const { attendees, items, actions } = await this.contents(id);
    const participantIds = items.map((i) => i.participantId);
    // One connection per request: queries run one after the other, never interleaved.
    const staff = await this.m
      .getRepository(StaffEntity)
      .findBy({ id: In([...attendees.map((a) => a.staffId), ...actions.map((a) => a.ownerStaffId)]) });
    const orgs = await this.m
      .getRepository(OrganisationEntity)
      .findBy({ id: In(attendees.map((a) => a.organisationId)) });
    const participants = await this.m.getRepository(ParticipantEntity).findBy({ id: In(participantIds) });
    const trajectories = await this.m
      .getRepository(TrajectoryEntity)
      .findBy({ id: In(items.map((i) => i.trajectoryId)) });
    const referrals = await this.m.getRepository(ReferralEntity).findBy({
      id: In(items.map((i) => i.referralId).filter((r): r is string => !!r)),
    });
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const staffById = byId(staff);
    const orgById = byId(orgs);
    const pById = byId(participants);
    const tById = byId(trajectories);
    const rById = byId(referrals);
    const visible = items.filter((i) => pById.has(i.participantId));
    await this.auditItems('read', visible);
    return {
      meeting: {
        id: meeting.id,
        teamId: meeting.teamId,
        teamName: team?.name ?? '',
        scheduledAt: meeting.scheduledAt.toISOString(),
        location: meeting.location,
      },
      attendees: attendees.map((a) => ({
        staffId: a.staffId,
        name: staffById.get(a.staffId)?.name ?? '',
        organisationName: orgById.get(a.organisationId)?.name ?? '',
      })),
      items: visible.map((i) => {
        const p = pById.get(i.participantId)!;
        const r = i.referralId ? rById.get(i.referralId) : undefined;
        return {
          itemId: i.id,
          participant: { id: p.id, firstName: p.firstName, lastName: p.lastName },
          trajectoryId: i.trajectoryId,
          trajectoryStatus: tById.get(i.trajectoryId)?.status ?? null,
          participantPresent: i.participantPresent,
          basis: i.basis,
          summary: i.summary,
          decisions: i.decisions,
          referral: r ? { id: r.id, target: r.target, kind: r.kind, state: r.state } : null,
          actions: actions
            .filter((a) => a.itemId === i.id)
            .map((a) => ({
              id: a.id,
              description: a.description,
              ownerStaffId: a.ownerStaffId,
              ownerName: staffById.get(a.ownerStaffId)?.name ?? null,
              dueAt: a.dueAt.toISOString(),
              completedAt: a.completedAt?.toISOString() ?? null,
            })),
        };
      }),
    };
  }

  /** Upcoming meetings the caller attends, for the agenda. */
  upcomingFor(staffId: string) {
    return this.m
      .getRepository(CaseMeetingEntity)
      .createQueryBuilder('m')
      .where('m.scheduled_at >= :now and m.cancelled_at is null', { now: this.db.now })
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

  /** Open actions the caller owns, for the agenda. */
  openActionsOf(staffId: string) {
    return this.m.getRepository(CaseMeetingActionEntity).find({
      where: { ownerStaffId: staffId, completedAt: IsNull() },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 100,
    });
  }

  /** Attendees, and the items and actions RLS lets the caller see. */
  private async contents(id: string) {
    const attendees = await this.attendeesOf([id]);
    const items = await this.m
      .getRepository(CaseMeetingItemEntity)
      .find({ where: { caseMeetingId: id }, order: { createdAt: 'ASC' } });
    const actions = await this.m
      .getRepository(CaseMeetingActionEntity)
      .find({ where: { caseMeetingId: id }, order: { dueAt: 'ASC' } });
    return { attendees, items, actions };
  }

  private async load(id: string): Promise<CaseMeetingEntity> {
    const meeting = await this.m.getRepository(CaseMeetingEntity).findOneBy({ id });
    if (!meeting) throw caseMeetingNotFound();
    return meeting;
  }

  private attendeesOf(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as CaseMeetingAttendeeEntity[]);
    return this.m.getRepository(CaseMeetingAttendeeEntity).find({ where: { caseMeetingId: In(ids) } });
  }

  private activeStaff(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as StaffEntity[]);
    return this.m.getRepository(StaffEntity).findBy({ id: In(ids), active: true });
  }

  /** A meeting between 30 days ago and 90 days ahead (the database checks the same). */
  private inWindow(at: Date): boolean {
    const now = this.db.now.getTime();
    return at.getTime() <= now + PLAN_AHEAD_MS && at.getTime() >= now - RECORD_AFTER_MS;
  }

  /**
   * Each attendee personally, at case scope, from 7 days before the meeting (or now, if later) until
   * 14 days after it. An item recorded after that window gives no access at all.
   */
  private async grantAttendees(meeting: CaseMeetingEntity, item: CaseMeetingItemEntity) {
    // Only active staff receive access; a deactivated attendee gets none.
    const attendees = await this.activeStaff((await this.attendeesOf([meeting.id])).map((a) => a.staffId));
    const at = meeting.scheduledAt.getTime();
    const validFrom = new Date(Math.max(this.db.now.getTime(), at - GRANT_BEFORE_MEETING_MS));
    const validUntil = new Date(at + GRANT_AFTER_MEETING_MS);
    if (validUntil <= validFrom) return;
    for (const a of attendees)
      await this.access.grant({
        participantId: item.participantId,
        staffId: a.id,
        scope: 'case',
        reason: 'case_meeting',
        sourceId: item.id,
        validFrom,
        validUntil,
      });
    await this.audit.record({
      action: 'grant',
      resourceType: 'case_meeting.item',
      resourceId: item.id,
      participantId: item.participantId,
      scope: 'case',
      reason: 'case_meeting',
      details: {
        staffIds: attendees.map((a) => a.id),
        validFrom: validFrom.toISOString(),
        validUntil: validUntil.toISOString(),
      },
    });
  }

  private async auditItems(action: 'read', items: CaseMeetingItemEntity[]) {
    await this.audit.record(
      ...items.map((i) => ({
        action,
        resourceType: 'case_meeting.item',
        resourceId: i.id,
        participantId: i.participantId,
      })),
    );
  }

  // For learning: the agenda item as the caller may see it (RLS: meeting visible and a live case grant), or null.
  async findItem(meetingId: string, itemId: string): Promise<CaseMeetingItemEntity | null> {
    return this.m.getRepository(CaseMeetingItemEntity).findOneBy({ id: itemId, caseMeetingId: meetingId });
  }

  // For learning: the meeting as the caller may see it, or null (a value question copies its team and date).
  async findMeeting(id: string): Promise<CaseMeetingEntity | null> {
    return this.m.getRepository(CaseMeetingEntity).findOneBy({ id });
  }
}
