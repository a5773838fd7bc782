import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { Scope } from '../access/scope';
import { staleVersion } from '../common/http/if-match.decorator';
import { DatabaseContext } from '../database/database-context.service';
import { futureDate } from '../common/validation/past-or-now';
import { personaUnknown } from '../learning/learning.errors';
import { PersonaChecks } from '../learning/persona-checks';
import { ParticipantsService } from '../participants/participants.service';
import { PlacementExitsService } from '../placements/placement-exits.service';
import { AuditService } from '../privacy/audit.service';
import { StaffService } from '../staff/staff.service';
import { CaseManagerDto, CoCoachDto, CreateTrajectoryDto, TransitionDto } from './dto/trajectory.dto';
import { toTrajectoryResponse } from './dto/trajectory.response';
import { allowedNext, canTransition, checkOutcome, isOpen, TrajectoryState } from './trajectory-state';
import { TrajectoryEntity, TrajectoryTransitionEntity } from './trajectory.entity';
import { TrajectoriesRepository } from './trajectories.repository';
import { TrajectoryStaffRepository } from './trajectory-staff.repository';
import {
  coCoachExists,
  coCoachIsCaseManager,
  effectiveBeforeStart,
  handOverBeforeCurrent,
  invalidTransition,
  notAnActiveCoach,
  outcomeProblem,
  trajectoryAlreadyOpen,
  trajectoryClosed,
  trajectoryNotFound,
  transitionBeforePrevious,
} from './trajectories.errors';
import { loadByIds } from '../common/persistence/load-by-ids';

/** A trajectory as other modules read it (through this service, never the table). */
export type Trajectory = TrajectoryEntity;

/** A staff member as the case manager rules read it. */
interface Coach {
  id: string;
  organisationId: string;
  teamId: string | null;
}

const STATE_COLUMN: Partial<Record<TrajectoryState, keyof TrajectoryEntity>> = {
  intake: 'intakeAt',
  begeleiding: 'guidanceStartedAt',
  nazorg: 'aftercareAt',
  afgesloten: 'closedAt',
};

@Injectable()
export class TrajectoriesService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly trajectories: TrajectoriesRepository,
    private readonly trajectoryStaff: TrajectoryStaffRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly placementExits: PlacementExitsService,
    private readonly participants: ParticipantsService,
    private readonly staff: StaffService,
    private readonly personas: PersonaChecks,
  ) {}

  /** Loads a trajectory and the caller's scope on its participant: 404 when invisible, 403 when too narrow. */
  async load(id: string, needed: Scope): Promise<{ trajectory: TrajectoryEntity; scope: Scope }> {
    const trajectory = await this.trajectories.find(id);
    if (!trajectory) throw trajectoryNotFound();
    const scope = await this.access.requireScope(trajectory.participantId, needed).catch((err) => {
      throw (err as { status?: number }).status === 404 ? trajectoryNotFound() : err;
    });
    return { trajectory, scope };
  }

  async create(participantId: string, dto: CreateTrajectoryDto) {
    const actor = this.db.actor;
    await this.access.requireScope(participantId, 'full');
    const participant = (await this.participants.find(participantId))!;
    const open = await this.trajectories.findLatestOfParticipant(participantId);
    if (open && isOpen(open.status)) throw trajectoryAlreadyOpen(open.id);
    const startedAt = this.pastOrNow(dto.startedAt, 'startedAt');
    const caseManager = await this.caseManagerFor(dto.caseManagerId);
    if (dto.personaId && !(await this.personas.isActive(dto.personaId))) throw personaUnknown();

    const trajectory = await this.trajectories.create({
      partnershipId: actor.partnershipId,
      participantId,
      previousTrajectoryId: open?.id ?? null,
      status: 'aanmelding',
      referralChannel: dto.referralChannel ?? participant.referralChannel,
      referrer: dto.referrer ?? participant.referrer,
      ownerOrganisationId: participant.ownerOrganisationId,
      caseManagerId: caseManager?.id ?? null,
      teamId: caseManager?.teamId ?? null,
      startedAt,
      personaId: dto.personaId ?? null,
      version: 1,
    });
    await this.recordTransition(trajectory, null, 'aanmelding', startedAt);
    if (caseManager) await this.assign(trajectory, caseManager, startedAt, 'Case manager at sign-up');
    await this.syncParticipant(trajectory);
    await this.audit.record({
      action: 'create',
      resourceType: 'trajectory',
      resourceId: trajectory.id,
      participantId,
      scope: 'full',
    });
    if (caseManager && caseManager.organisationId !== participant.ownerOrganisationId) {
      await this.moveOwnership(trajectory, participant.ownerOrganisationId, caseManager.organisationId);
    }
    return toTrajectoryResponse(trajectory, 'full', await this.details(trajectory.id));
  }

  async get(id: string) {
    const { trajectory, scope } = await this.load(id, 'summary');
    await this.audit.record({
      action: 'read',
      resourceType: 'trajectory',
      resourceId: id,
      participantId: trajectory.participantId,
      scope,
    });
    return toTrajectoryResponse(
      trajectory,
      scope,
      scope === 'summary' || scope === 'referral' ? {} : await this.details(id),
    );
  }

  async listForParticipant(participantId: string) {
    const scope = await this.access.requireScope(participantId, 'summary');
    const rows = await this.trajectories.findByParticipant(participantId);
    await this.audit.record({ action: 'list', resourceType: 'trajectory', participantId, scope });
    return { items: rows.map((t) => toTrajectoryResponse(t, scope)), total: rows.length };
  }

  async transition(id: string, dto: TransitionDto) {
    const { trajectory, scope } = await this.load(id, 'case');
    const from = trajectory.status;
    if (!canTransition(from, dto.to)) throw invalidTransition(from, dto.to, allowedNext(from));
    const problem = checkOutcome(dto.to, dto.outcome, dto.outcomeKind);
    if (problem) throw outcomeProblem(problem);
    const at = this.pastOrNow(dto.at, 'at');
    const last = await this.trajectories.lastTransition(id);
    if (last && at < last.at) throw transitionBeforePrevious();
    // An exit to work names its placement (see PlacementExitsService for how strict, and why).
    await this.placementExits.linkExit(
      trajectory,
      { outcome: dto.outcome, placementId: dto.placementId, at },
      scope,
    );

    const patch: Partial<TrajectoryEntity> = { status: dto.to, [STATE_COLUMN[dto.to]!]: at };
    if (dto.to === 'afgesloten')
      Object.assign(patch, { outcome: dto.outcome, outcomeKind: dto.outcomeKind ?? null });
    await this.bump(trajectory, patch);
    await this.recordTransition(trajectory, from, dto.to, at, dto.note, dto.outcome);
    await this.syncParticipant(trajectory);
    await this.audit.record({
      action: 'transition',
      resourceType: 'trajectory',
      resourceId: id,
      participantId: trajectory.participantId,
      scope,
      details: { from, to: dto.to, at: at.toISOString(), outcome: dto.outcome ?? null },
    });
    return toTrajectoryResponse(trajectory, scope, await this.details(id));
  }

  /** A warm hand-over. The owning organisation follows the case manager, and the move is logged. */
  async setCaseManager(id: string, version: number, dto: CaseManagerDto) {
    const { trajectory } = await this.load(id, 'full');
    if (!isOpen(trajectory.status)) throw trajectoryClosed();
    if (trajectory.version !== version) throw staleVersion();
    const staff = await this.caseManagerFor(dto.staffId);
    if (!staff) throw notAnActiveCoach();
    // Registered on Friday for Monday's warm hand-over: the history shows when it took effect.
    const effectiveAt = this.pastOrNow(dto.effectiveAt, 'effectiveAt');
    if (effectiveAt < trajectory.startedAt) throw effectiveBeforeStart();
    const current = await this.trajectoryStaff.currentAssignment(id);
    if (current && effectiveAt < current.fromAt) throw handOverBeforeCurrent();
    await this.trajectoryStaff.endCurrentAssignments(id, effectiveAt);
    await this.assign(trajectory, staff, effectiveAt, dto.note);
    const previousOwner = trajectory.ownerOrganisationId;
    await this.bump(trajectory, { caseManagerId: staff.id, teamId: staff.teamId ?? trajectory.teamId });
    await this.syncParticipant(trajectory);
    await this.audit.record({
      action: 'update',
      resourceType: 'trajectory.case_manager',
      resourceId: id,
      participantId: trajectory.participantId,
      scope: 'full',
      details: { to: staff.id, organisationId: staff.organisationId, effectiveAt: effectiveAt.toISOString() },
    });
    const details = await this.details(id);
    if (staff.organisationId !== previousOwner)
      await this.moveOwnership(trajectory, previousOwner, staff.organisationId);
    return toTrajectoryResponse(trajectory, 'full', details);
  }

  async addCoCoach(id: string, dto: CoCoachDto) {
    const { trajectory } = await this.load(id, 'full');
    if (!isOpen(trajectory.status)) throw trajectoryClosed();
    const staff = await this.caseManagerFor(dto.staffId);
    if (!staff) throw notAnActiveCoach();
    if (staff.id === trajectory.caseManagerId) throw coCoachIsCaseManager();
    if (await this.trajectoryStaff.isActiveCoCoach(id, staff.id)) throw coCoachExists();
    const coCoach = await this.trajectoryStaff.createCoCoach({
      partnershipId: trajectory.partnershipId,
      trajectoryId: id,
      participantId: trajectory.participantId,
      staffId: staff.id,
      organisationId: staff.organisationId,
      addedAt: this.db.now,
      addedBy: this.db.actor.staffId,
    });
    await this.access.grant({
      participantId: trajectory.participantId,
      organisationId: staff.organisationId,
      scope: 'case',
      reason: 'co_coach',
      sourceId: coCoach.id,
    });
    await this.audit.record({
      action: 'grant',
      resourceType: 'trajectory.co_coach',
      resourceId: id,
      participantId: trajectory.participantId,
      scope: 'case',
      reason: 'co_coach',
      details: { staffId: staff.id, organisationId: staff.organisationId },
    });
    return toTrajectoryResponse(trajectory, 'full', await this.details(id));
  }

  async removeCoCoach(id: string, staffId: string) {
    const { trajectory } = await this.load(id, 'full');
    const coCoach = await this.trajectoryStaff.findActiveCoCoach(id, staffId);
    if (!coCoach) throw trajectoryNotFound();
    await this.trajectoryStaff.removeCoCoach(coCoach.id, this.db.now);
    await this.access.end({ reason: 'co_coach', sourceId: coCoach.id });
    await this.audit.record({
      action: 'revoke',
      resourceType: 'trajectory.co_coach',
      resourceId: id,
      participantId: trajectory.participantId,
      scope: 'full',
      reason: 'co_coach',
      details: { staffId, organisationId: coCoach.organisationId },
    });
    return toTrajectoryResponse(trajectory, 'full', await this.details(id));
  }

  private async details(id: string) {
    const [coCoaches, caseManagers] = await Promise.all([
      this.trajectoryStaff.activeCoCoaches(id),
      this.trajectoryStaff.assignmentsOf(id),
    ]);
    return { coCoaches, caseManagers };
  }

  private async caseManagerFor(staffId: string | undefined): Promise<Coach | null> {
    const actor = this.db.actor;
    if (!staffId) return actor.roles.includes('coach') ? this.staff.find(actor.staffId) : null;
    const staff = await this.staff.find(staffId);
    if (!staff || !staff.active || !staff.roles.includes('coach')) throw notAnActiveCoach('caseManagerId');
    return staff;
  }

  private async assign(t: TrajectoryEntity, staff: Coach, at: Date, note: string | null) {
    await this.trajectoryStaff.insertAssignment({
      partnershipId: t.partnershipId,
      trajectoryId: t.id,
      participantId: t.participantId,
      staffId: staff.id,
      organisationId: staff.organisationId,
      fromAt: at,
      recordedAt: this.db.now,
      note,
      assignedBy: this.db.actor.staffId,
    });
  }

  private async recordTransition(
    t: TrajectoryEntity,
    from: TrajectoryState | null,
    to: TrajectoryState,
    at: Date,
    note?: string,
    outcome?: string,
  ) {
    await this.trajectories.insertTransition({
      partnershipId: t.partnershipId,
      trajectoryId: t.id,
      participantId: t.participantId,
      fromStatus: from,
      toStatus: to,
      at,
      note: note ?? null,
      outcome: (outcome as TrajectoryTransitionEntity['outcome']) ?? null,
      actorId: this.db.actor.staffId,
    });
  }

  /** Applies a change with optimistic locking and keeps the in-memory entity in step. */
  private async bump(t: TrajectoryEntity, patch: Partial<TrajectoryEntity>) {
    Object.assign(t, await this.trajectories.updateVersioned(t.id, t.version, patch));
  }

  /** The participant row carries the current trajectory's status, case manager and team for fast filtering. */
  private async syncParticipant(t: TrajectoryEntity) {
    await this.participants.syncCurrentTrajectory(t.participantId, {
      currentTrajectoryId: t.id,
      currentStatus: t.status,
      caseManagerId: t.caseManagerId,
      teamId: t.teamId,
    });
  }

  /**
   * Ownership moves with the case manager: the new organisation gets the owner grant, the old one loses it. Last, because it may hide the row from the caller.
   * Only this trajectory moves: an earlier, closed trajectory keeps its organisation in every report (issue 13, rule 5).
   */
  private async moveOwnership(t: TrajectoryEntity, from: string, to: string) {
    await this.participants.setOwnerOrganisation(t.participantId, to);
    await this.trajectories.setOwner(t.id, to);
    t.ownerOrganisationId = to;
    await this.access.grant({
      participantId: t.participantId,
      organisationId: to,
      scope: 'full',
      reason: 'owner',
      sourceId: t.participantId,
    });
    const kept = await this.keepClosedTrajectories(t, from);
    await this.access.end({ reason: 'owner', participantId: t.participantId, organisationId: from });
    await this.audit.record({
      action: 'grant',
      resourceType: 'participant.ownership',
      resourceId: t.participantId,
      participantId: t.participantId,
      scope: 'full',
      reason: 'owner',
      details: {
        fromOrganisationId: from,
        toOrganisationId: to,
        trajectoryId: t.id,
        keptTrajectoryIds: kept,
      },
    });
  }

  /**
   * A new trajectory never takes an earlier one away: the organisation that guided a closed
   * trajectory keeps case-level read access to it (previous_owner, until retention pseudonymises).
   * Its organisation is that of the trajectory's last case manager, whatever the owner column says now.
   */
  private async keepClosedTrajectories(t: TrajectoryEntity, from: string): Promise<string[]> {
    const closed = await this.trajectories.closedIdsOfParticipant(t.participantId);
    const kept: string[] = [];
    for (const id of closed) {
      if (id === t.id) continue;
      const last = await this.trajectoryStaff.lastAssignment(id);
      if (last?.organisationId !== from) continue;
      await this.access.grant({
        participantId: t.participantId,
        organisationId: from,
        scope: 'case',
        reason: 'previous_owner',
        sourceId: id,
      });
      kept.push(id);
    }
    return kept;
  }

  /** For other modules: a trajectory the caller's RLS shows, or null. No service-wall check: see load(). */
  find(id: string): Promise<Trajectory | null> {
    return this.trajectories.find(id);
  }

  /** For other modules: the trajectories among `ids` that RLS shows, in no particular order. */
  async findByIds(ids: readonly string[]): Promise<Trajectory[]> {
    return loadByIds(ids, (unique) => this.trajectories.findByIds(unique));
  }

  /**
   * For referrals: when the participant's open trajectory started (null when none is open). Only a date
   * comes back, so a caller may ask it as the partnership-wide reader (DatabaseContext.asTenantReader).
   */
  openTrajectoryStart(participantId: string): Promise<Date | null> {
    return this.trajectories.latestOpenStartOf(participantId);
  }

  /** For life domains: the version of a trajectory's life-domain set, kept on the trajectory row. */
  lifeDomainsVersion(id: string): Promise<number> {
    return this.trajectories.lifeDomainsVersion(id);
  }

  /**
   * For life domains: bumps the set's version if it is still the one the client read (null if not); the
   * row lock makes a second writer wait, then fail.
   */
  claimLifeDomainsVersion(id: string, expected: number): Promise<number | null> {
    return this.trajectories.claimLifeDomainsVersion(id, expected);
  }

  /**
   * For learning (personas): sets the persona a trajectory carries, with optimistic locking. The caller
   * checks access (load) and that the persona is active.
   */
  setPersona(id: string, version: number, personaId: string | null): Promise<Trajectory> {
    return this.trajectories.updateVersioned(id, version, { personaId });
  }

  private pastOrNow(value: string | undefined, field: string): Date {
    if (!value) return this.db.now;
    const at = new Date(value);
    // A minute of slack for phone clocks that run a little ahead.
    if (at.getTime() > this.db.now.getTime() + 60_000) throw futureDate(field);
    return at;
  }
}
