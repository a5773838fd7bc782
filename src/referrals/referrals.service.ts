import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { participantNotFound } from '../access/access.errors';
import { Actor } from '../access/actor';
import { DomainError } from '../common/errors/domain-error';
import { offsetOf } from '../common/http/pagination';
import { inszMatchesBirthDate, parseInsz } from '../common/validation/insz';
import { pastOrNow } from '../common/validation/past-or-now';
import { DatabaseContext } from '../database/database-context.service';
import { Organisation, OrganisationsService } from '../organisations/organisations.service';
import { CreateParticipantDto } from '../participants/dto/participant-input.dto';
import { InszProtector } from '../participants/insz-protector';
import { inszBirthDateMismatch, inszInvalid } from '../participants/participants.errors';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from '../privacy/audit.service';
import { ConsentChecks, ConsentScope } from '../privacy/consent-checks';
import { StaffService } from '../staff/staff.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import {
  CreateReferralDto,
  OutboundReferralDto,
  ReassignReferralDto,
  ReferralQuery,
  ReferralTransitionDto,
} from './dto/referral.dto';
import { toReferralResponse } from './dto/referral.response';
import {
  allowedReferralNext,
  checkReferralTransition,
  isOpenReferral,
  REFERRAL_STATES,
  ReferralSide,
  ReferralState,
} from './referral-state';
import { ReferralEntity } from './referral.entity';
import {
  consentRequired,
  directionTargetMismatch,
  dueInPast,
  effectiveBeforeTrajectory,
  inboundSenderNotAllowed,
  invalidReferralTransition,
  notTheHandlingSpoc,
  referralClosed,
  referralNotFound,
  referralWrongSide,
  rejectionReasonRequired,
  spocInvalid,
  subjectRequired,
  targetOrganisationInvalid,
} from './referrals.errors';
import { ReferralsRepository } from './referrals.repository';
import { addWorkingDays } from './working-days';
import { loadByIds } from '../common/persistence/load-by-ids';

/** How long the other side keeps referral-level access after a referral closes, for the follow-up. */
const GRANT_AFTER_CLOSE_MS = 30 * 86400_000;
const DEFAULT_DUE_WORKING_DAYS = 10;
const EXCHANGE_CONSENT: Record<'vdab' | 'ocmw', ConsentScope> = {
  vdab: 'vdab_exchange',
  ocmw: 'ocmw_exchange',
};

@Injectable()
export class ReferralsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly referrals: ReferralsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly consents: ConsentChecks,
    private readonly participants: ParticipantsService,
    private readonly trajectories: TrajectoriesService,
    private readonly organisations: OrganisationsService,
    private readonly staff: StaffService,
    private readonly insz: InszProtector,
  ) {}

  async create(dto: CreateReferralDto) {
    const actor = this.db.actor;
    if ((dto.direction === 'inbound') !== (dto.target === 'partnership')) throw directionTargetMismatch();
    const sender = await this.organisation(actor.organisationId);
    if (dto.direction === 'inbound' && sender.kind !== 'vdab' && sender.kind !== 'ocmw')
      throw inboundSenderNotAllowed();
    const target = await this.targetOrganisation(dto.target, dto.targetOrganisationId);
    if (target.id === sender.id) throw targetOrganisationInvalid('A referral goes to another organisation.');

    let personInszEncrypted: string | null = null;
    if (dto.direction === 'inbound') {
      if (!dto.participantId === !dto.person)
        throw subjectRequired('An inbound referral names either a participantId or a person, not both.');
      if (dto.participantId) await this.assertInboundBasis(dto.participantId, sender, target);
      if (dto.person?.insz) personInszEncrypted = this.protectInsz(dto.person.insz, dto.person.birthDate);
    } else {
      if (!dto.participantId || dto.person)
        throw subjectRequired('An outbound referral names a participantId and no person.');
      await this.access.requireScope(dto.participantId, 'case');
      const scope = EXCHANGE_CONSENT[dto.target as 'vdab' | 'ocmw'];
      if (!(await this.consents.has(dto.participantId, scope))) throw consentRequired(scope);
    }
    const spocOrganisation = dto.direction === 'outbound' ? target : sender;
    const assignedSpocId =
      dto.assignedSpocId ??
      (dto.direction === 'inbound' && actor.roles.includes(spocRole(sender)) ? actor.staffId : null);
    if (assignedSpocId) await this.assertSpoc(assignedSpocId, spocOrganisation);
    const submittedAt = await this.effectiveAt(dto.effectiveAt, dto.participantId);
    const dueAt = this.dueAt(dto.dueAt, submittedAt);

    const referral = await this.referrals.create({
      partnershipId: actor.partnershipId,
      direction: dto.direction,
      target: dto.target,
      kind: dto.kind,
      state: 'submitted',
      participantId: dto.participantId ?? null,
      trajectoryId: null,
      person: dto.person
        ? {
            firstName: dto.person.firstName,
            lastName: dto.person.lastName,
            birthDate: dto.person.birthDate,
            gender: dto.person.gender,
            phone: dto.person.phone ?? null,
          }
        : null,
      personInszEncrypted,
      note: dto.note ?? null,
      senderOrganisationId: sender.id,
      targetOrganisationId: target.id,
      assignedSpocId,
      dueAt,
      submittedAt,
      closedAt: null,
      createdBy: actor.staffId,
      version: 1,
    });
    await this.recordTransition(referral, null, 'submitted', undefined, undefined, submittedAt);
    await this.audit.record({
      action: 'create',
      resourceType: 'referral',
      resourceId: referral.id,
      participantId: referral.participantId,
      details: {
        direction: referral.direction,
        target: referral.target,
        kind: referral.kind,
        submittedAt: submittedAt.toISOString(),
      },
    });
    // The receiving side sees the participant at referral level while the referral runs.
    if (referral.participantId) await this.grantSide(referral, target.id);
    return this.view(referral, true);
  }

  /**
   * Passing a known participant on from VDAB or OCMW to a partner needs two things. A live grant of
   * the sender whose reason still holds: the follow-up access that lingers after one of its own
   * referrals closed (rejected, completed, cancelled) does not count. And the consent the direction
   * requires: the sender's exchange consent covers the exchange between the sender and the owner
   * only (either way round); a third partner also needs partnership_sharing. The sender cannot read consents (case
   * scope), so the partnership-wide reader answers the yes/no, after the grant check.
   */
  private async assertInboundBasis(participantId: string, sender: Organisation, target: Organisation) {
    if (!(await this.access.hasLiveBasis(participantId))) throw participantNotFound();
    // Both services read through this transaction's manager, so both run as the tenant reader.
    const facts = await this.db.asTenantReader(async () => {
      const owner = await this.participants.ownerOrganisationOf(participantId);
      return owner ? { owner, scopes: await this.consents.liveScopes(participantId) } : null;
    });
    if (!facts) throw participantNotFound();
    const needed: ConsentScope[] = [EXCHANGE_CONSENT[sender.kind as 'vdab' | 'ocmw']];
    // VDAB (or OCMW) and the owner exchange on the exchange consent; anyone else is a third partner.
    if (facts.owner !== target.id && facts.owner !== sender.id) needed.push('partnership_sharing');
    const missing = needed.find((scope) => !facts.scopes.includes(scope));
    if (missing) throw consentRequired(missing);
  }

  /** An outbound referral decided elsewhere (a case-meeting item), with the same rules as POST /referrals. */
  createOutbound(participantId: string, dto: OutboundReferralDto) {
    return this.create({ ...dto, direction: 'outbound', participantId });
  }

  async get(id: string) {
    const referral = await this.load(id);
    if (referral.participantId)
      await this.audit.record({
        action: 'read',
        resourceType: 'referral',
        resourceId: id,
        participantId: referral.participantId,
      });
    return this.view(referral, true);
  }

  async list(query: ReferralQuery) {
    const actor = this.db.actor;
    // Counts cover the whole inbox, whatever state or overdue filter the list itself applies.
    const { counts, rows, total } = await this.referrals.inbox(
      {
        assignedTo: query.inbox === 'mine' ? actor.staffId : undefined,
        teamId: query.inbox === 'team' ? actor.teamId : undefined,
        organisationId: query.inbox === 'organisation' ? actor.organisationId : undefined,
        direction: query.direction,
        participantId: query.participantId,
        spocId: query.spocId,
      },
      { state: query.state, overdue: query.overdue, offset: offsetOf(query), limit: query.limit },
    );
    const names = await this.participants.namesOf(
      rows.map((r) => r.participantId).filter((p): p is string => !!p),
    );
    const withParticipant = rows.filter((r) => r.participantId);
    await this.audit.record(
      ...withParticipant.map((r) => ({
        action: 'list' as const,
        resourceType: 'referral',
        resourceId: r.id,
        participantId: r.participantId,
      })),
    );
    const byState = Object.fromEntries(REFERRAL_STATES.map((s) => [s, 0])) as Record<ReferralState, number>;
    for (const c of counts) byState[c.state] = c.n;
    return {
      items: rows.map((r) =>
        toReferralResponse(r, {
          now: this.db.now,
          sides: this.sidesOf(r, actor),
          participant: r.participantId ? names.get(r.participantId) : undefined,
        }),
      ),
      total,
      page: query.page,
      limit: query.limit,
      counts: byState,
      overdueCount: counts.reduce((sum, c) => sum + c.overdue, 0),
    };
  }

  async transition(id: string, dto: ReferralTransitionDto) {
    const actor = this.db.actor;
    const referral = await this.load(id);
    const from = referral.state;
    const sides = this.sidesOf(referral, actor);
    const check = checkReferralTransition(from, dto.to, sides, dto.reason);
    if (check === 'invalid')
      throw invalidReferralTransition(from, dto.to, allowedReferralNext(from, ['sender', 'target']));
    if (check === 'wrong_side') throw referralWrongSide();
    if (check === 'reason_required') throw rejectionReasonRequired();

    const patch: Partial<ReferralEntity> = { state: dto.to };
    if (!isOpenReferral(dto.to)) patch.closedAt = this.db.now;
    // The SPOC who takes up an unassigned referral becomes its assignee.
    if (dto.to === 'accepted' && !referral.assignedSpocId && this.isSpocOf(actor, referral))
      patch.assignedSpocId = actor.staffId;
    if (dto.to === 'accepted' && referral.direction === 'inbound' && !referral.participantId)
      Object.assign(patch, await this.admitPerson(referral, dto.confirmedNotDuplicate ?? false));
    await this.bump(referral, patch);
    await this.recordTransition(referral, from, dto.to, dto.reason, dto.note);
    if (patch.participantId) await this.grantSide(referral, referral.senderOrganisationId);
    if (patch.closedAt) await this.closeGrants(referral);
    await this.audit.record({
      action: 'transition',
      resourceType: 'referral',
      resourceId: id,
      participantId: referral.participantId,
      reason: dto.reason ?? null,
      details: { from, to: dto.to },
    });
    return this.view(referral, true);
  }

  /**
   * Hands an open referral to another SPOC of the VDAB/OCMW organisation that handles it (the
   * receiving organisation of an outbound referral, the sending one of an inbound). Only that
   * organisation's SPOCs may do so.
   */
  async reassign(id: string, dto: ReassignReferralDto) {
    const actor = this.db.actor;
    const referral = await this.load(id);
    if (!this.isSpocOf(actor, referral)) throw notTheHandlingSpoc();
    if (!isOpenReferral(referral.state)) throw referralClosed();
    const spocOrganisation = await this.organisation(
      referral.direction === 'outbound' ? referral.targetOrganisationId : referral.senderOrganisationId,
    );
    await this.assertSpoc(dto.assignedSpocId, spocOrganisation);
    const from = referral.assignedSpocId;
    if (from !== dto.assignedSpocId) await this.bump(referral, { assignedSpocId: dto.assignedSpocId });
    // Also when nothing changed: the answer shows the referral, so the participant's access log shows it.
    await this.audit.record({
      action: 'update',
      resourceType: 'referral.assignee',
      resourceId: id,
      participantId: referral.participantId,
      details: { from, to: dto.assignedSpocId, changed: from !== dto.assignedSpocId },
    });
    return this.view(referral, true);
  }

  /** Open referrals assigned to the staff member, soonest due first, for the agenda. */
  openAssignedTo(staffId: string) {
    return this.referrals.openAssignedTo(staffId);
  }

  /** Loads a referral the caller may see (RLS decides: its two sides, or case-level holders of the participant). */
  async load(id: string): Promise<ReferralEntity> {
    const referral = await this.referrals.find(id);
    if (!referral) throw referralNotFound();
    return referral;
  }

  private async view(r: ReferralEntity, withTransitions: boolean) {
    const sides = this.sidesOf(r, this.db.actor);
    const transitions = withTransitions ? await this.referrals.transitionsOf(r.id) : undefined;
    const names = r.participantId ? await this.participants.namesOf([r.participantId]) : new Map();
    return toReferralResponse(r, {
      now: this.db.now,
      sides,
      transitions,
      participant: r.participantId ? names.get(r.participantId) : undefined,
      insz: r.personInszEncrypted && sides.length ? this.insz.decrypt(r.personInszEncrypted) : undefined,
    });
  }

  /**
   * Accepting an inbound person: the usual sign-up (duplicate check included) by the accepting
   * organisation, which owns the new participant and its trajectory in aanmelding.
   */
  private async admitPerson(r: ReferralEntity, confirmedNotDuplicate: boolean) {
    const sender = await this.organisation(r.senderOrganisationId);
    const person = r.person!;
    const created = await this.participants.create({
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
      gender: person.gender,
      insz: this.insz.decrypt(r.personInszEncrypted) ?? undefined,
      phone: person.phone ?? undefined,
      referralChannel: sender.kind === 'vdab' ? 'vdab' : 'ocmw',
      referrer: sender.name,
      confirmedNotDuplicate,
    } as CreateParticipantDto);
    const trajectory = await this.trajectories.create(created.id, {
      referralChannel: sender.kind === 'vdab' ? 'vdab' : 'ocmw',
      referrer: sender.name,
    });
    // The participant now holds the person; the referral keeps no second copy.
    return {
      participantId: created.id,
      trajectoryId: trajectory.id as string,
      person: null,
      personInszEncrypted: null,
    };
  }

  private sidesOf(r: ReferralEntity, actor: Actor): ReferralSide[] {
    const sides: ReferralSide[] = [];
    if (r.senderOrganisationId === actor.organisationId) sides.push('sender');
    if (r.targetOrganisationId === actor.organisationId) sides.push('target');
    return sides;
  }

  private isSpocOf(actor: Actor, r: ReferralEntity): boolean {
    const spocOrg = r.direction === 'outbound' ? r.targetOrganisationId : r.senderOrganisationId;
    return (
      actor.organisationId === spocOrg && actor.roles.some((x) => x === 'spoc_vdab' || x === 'spoc_ocmw')
    );
  }

  private async grantSide(r: ReferralEntity, organisationId: string) {
    await this.access.grant({
      participantId: r.participantId!,
      organisationId,
      scope: 'referral',
      reason: 'referral',
      sourceId: r.id,
    });
    await this.audit.record({
      action: 'grant',
      resourceType: 'referral',
      resourceId: r.id,
      participantId: r.participantId,
      scope: 'referral',
      reason: 'referral',
      details: { organisationId },
    });
  }

  /** Closing does not end access at once: the other side keeps it for the follow-up, then it lapses. */
  private async closeGrants(r: ReferralEntity) {
    await this.access.closeReferralGrants(r.id, new Date(this.db.now.getTime() + GRANT_AFTER_CLOSE_MS));
  }

  private async organisation(id: string): Promise<Organisation> {
    return (await this.organisations.find(id))!;
  }

  private async targetOrganisation(target: CreateReferralDto['target'], id?: string) {
    if (target === 'partnership') {
      if (!id)
        throw targetOrganisationInvalid('An inbound referral names the receiving partner organisation.');
      const org = await this.organisations.find(id);
      if (!org || !org.active || (org.kind !== 'partner' && org.kind !== 'promotor'))
        throw targetOrganisationInvalid(
          'The receiving organisation must be an active partner of the partnership.',
        );
      return org;
    }
    const candidates = await this.organisations.findActiveByKind(target);
    const org = id ? candidates.find((o) => o.id === id) : candidates[0];
    if (!org || (!id && candidates.length > 1))
      throw targetOrganisationInvalid(
        `Name the ${target} organisation of the partnership that receives this.`,
      );
    return org;
  }

  private async assertSpoc(staffId: string, organisation: Organisation) {
    const staff = await this.staff.find(staffId);
    if (
      !staff ||
      !staff.active ||
      staff.organisationId !== organisation.id ||
      !staff.roles.includes(spocRole(organisation))
    )
      throw spocInvalid();
  }

  /** The default due date counts from when the referral was really sent, even if that makes it overdue. */
  private dueAt(given: string | undefined, submittedAt: Date): Date {
    if (!given) return addWorkingDays(submittedAt, DEFAULT_DUE_WORKING_DAYS);
    const at = new Date(given);
    if (at.getTime() < this.db.now.getTime()) throw dueInPast();
    return at;
  }

  /**
   * When the referral was sent: not in the future, and not before the participant's open trajectory
   * started. A person not yet known has no trajectory to bound it. Asked of the partnership-wide
   * reader: an inbound sender holds no grant on the trajectory, and only a date comes back.
   */
  private async effectiveAt(given: string | undefined, participantId: string | undefined): Promise<Date> {
    if (!given) return this.db.now;
    const at = pastOrNow(given, this.db.now, 'effectiveAt');
    if (participantId) {
      const startedAt = await this.db.asTenantReader(() =>
        this.trajectories.openTrajectoryStart(participantId),
      );
      if (startedAt && at < startedAt) throw effectiveBeforeTrajectory();
    }
    return at;
  }

  private protectInsz(raw: string, birthDate: string): string {
    const info = parseInsz(raw);
    if (!info) throw inszInvalid();
    if (!inszMatchesBirthDate(info, birthDate)) throw inszBirthDateMismatch();
    return this.insz.encrypt(info.normalised);
  }

  private async recordTransition(
    r: ReferralEntity,
    from: ReferralState | null,
    to: ReferralState,
    reason?: string,
    note?: string,
    at: Date = this.db.now,
  ) {
    const actor = this.db.actor;
    await this.referrals.insertTransition({
      partnershipId: r.partnershipId,
      referralId: r.id,
      fromState: from,
      toState: to,
      reason: reason ?? null,
      note: note ?? null,
      actorId: actor.staffId,
      actorOrganisationId: actor.organisationId,
      at,
    });
  }

  private async bump(r: ReferralEntity, patch: Partial<ReferralEntity>) {
    try {
      Object.assign(r, await this.referrals.updateVersioned(r.id, r.version, patch));
    } catch (err) {
      // Two people moved the same referral at once: the later one sees the current state and retries.
      if (err instanceof DomainError && (err.status === 412 || err.status === 404))
        throw invalidReferralTransition(r.state, patch.state!, []);
      throw err;
    }
  }

  /** For case meetings: the referrals among `ids` the caller may see (RLS), in no particular order. */
  async findByIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    return loadByIds(ids, (unique) => this.referrals.findByIds(unique));
  }
}

const spocRole = (org: Organisation) => (org.kind === 'vdab' ? 'spoc_vdab' : 'spoc_ocmw');
