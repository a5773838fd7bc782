import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { participantNotFound } from '../access/access.errors';
import { Actor } from '../access/actor';
import { offsetOf } from '../common/http/pagination';
import { inszMatchesBirthDate, parseInsz } from '../common/validation/insz';
import { pastOrNow } from '../common/validation/past-or-now';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { CreateParticipantDto } from '../participants/dto/participant-input.dto';
import { InszProtector } from '../participants/insz-protector';
import { ParticipantEntity } from '../participants/participant.entity';
import { inszBirthDateMismatch, inszInvalid } from '../participants/participants.errors';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from '../privacy/audit.service';
import { ConsentChecks, ConsentScope } from '../privacy/consent-checks';
import { StaffEntity } from '../staff/staff.entity';
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
  OPEN_REFERRAL_STATES,
  REFERRAL_STATES,
  ReferralSide,
  ReferralState,
} from './referral-state';
import { ReferralEntity, ReferralTransitionEntity } from './referral.entity';
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
import { addWorkingDays } from './working-days';

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
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly consents: ConsentChecks,
    private readonly participants: ParticipantsService,
    private readonly trajectories: TrajectoriesService,
    private readonly insz: InszProtector,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

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

    const repo = this.m.getRepository(ReferralEntity);
    const referral = await repo.save(
      repo.create({
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
      }),
    );
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
  private async assertInboundBasis(
    participantId: string,
    sender: OrganisationEntity,
    target: OrganisationEntity,
  ) {
    const live: unknown[] = await this.m.query(
      `select 1 from access_grants g
        where g.participant_id = $1 and g.partnership_id = app_tenant()
          and (g.organisation_id = app_org() or g.staff_id = app_user())
          and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())
          and not (g.reason = 'referral' and g.valid_until is not null)
        limit 1`,
      [participantId],
    );
    if (live.length === 0) throw participantNotFound();
    const [facts] = await this.db.asTenantReader((m) =>
      m.query(
        `select p.owner_organisation_id as owner,
                array(select distinct c.scope from consents c
                       where c.participant_id = p.id and c.withdrawn_at is null and c.given_at <= app_now()) as scopes
           from participants p where p.id = $1`,
        [participantId],
      ),
    );
    if (!facts) throw participantNotFound();
    const needed: ConsentScope[] = [EXCHANGE_CONSENT[sender.kind as 'vdab' | 'ocmw']];
    // VDAB (or OCMW) and the owner exchange on the exchange consent; anyone else is a third partner.
    if (facts.owner !== target.id && facts.owner !== sender.id) needed.push('partnership_sharing');
    const missing = needed.find((scope) => !(facts.scopes as string[]).includes(scope));
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
    const base = this.m.getRepository(ReferralEntity).createQueryBuilder('r');
    if (query.inbox === 'mine') base.andWhere('r.assigned_spoc_id = :me', { me: actor.staffId });
    if (query.inbox === 'team')
      base.andWhere('r.assigned_spoc_id in (select s.id from staff s where s.team_id = :team)', {
        team: actor.teamId,
      });
    if (query.inbox === 'organisation')
      base.andWhere('(r.sender_organisation_id = :org or r.target_organisation_id = :org)', {
        org: actor.organisationId,
      });
    if (query.direction) base.andWhere('r.direction = :direction', { direction: query.direction });
    if (query.participantId) base.andWhere('r.participant_id = :pid', { pid: query.participantId });
    if (query.spocId) base.andWhere('r.assigned_spoc_id = :spoc', { spoc: query.spocId });

    // Counts cover the whole inbox, whatever state or overdue filter the list itself applies.
    const counts: { state: ReferralState; n: number; overdue: number }[] = await base
      .clone()
      .select('r.state', 'state')
      .addSelect('count(*)::int', 'n')
      .addSelect(`count(*) filter (where r.state in (:...open) and r.due_at < app_now())::int`, 'overdue')
      .setParameter('open', OPEN_REFERRAL_STATES)
      .groupBy('r.state')
      .getRawMany();

    const listQb = base.clone();
    if (query.state) listQb.andWhere('r.state = :state', { state: query.state });
    if (query.overdue === true)
      listQb.andWhere('r.state in (:...open) and r.due_at < app_now()', { open: OPEN_REFERRAL_STATES });
    if (query.overdue === false)
      listQb.andWhere('not (r.state in (:...open) and r.due_at < app_now())', { open: OPEN_REFERRAL_STATES });
    // What still needs doing comes first, soonest due first; closed referrals follow, most recent first,
    // so the first page of an inbox is today's work and not last year's history.
    const openList = OPEN_REFERRAL_STATES.map((state) => `'${state}'`).join(', ');
    listQb
      .addSelect(`case when r.state in (${openList}) then 0 else 1 end`, 'closed_rank')
      .addSelect(`case when r.state in (${openList}) then r.due_at end`, 'open_due')
      .orderBy('closed_rank', 'ASC')
      .addOrderBy('open_due', 'ASC')
      .addOrderBy('r.due_at', 'DESC')
      .addOrderBy('r.id', 'ASC');
    const [rows, total] = await listQb.skip(offsetOf(query)).take(query.limit).getManyAndCount();
    const names = await this.namesOf(rows.map((r) => r.participantId).filter((p): p is string => !!p));
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
    return this.m.getRepository(ReferralEntity).find({
      where: { assignedSpocId: staffId, state: In([...OPEN_REFERRAL_STATES]) },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 100,
    });
  }

  /** Loads a referral the caller may see (RLS decides: its two sides, or case-level holders of the participant). */
  async load(id: string): Promise<ReferralEntity> {
    const referral = await this.m.getRepository(ReferralEntity).findOneBy({ id });
    if (!referral) throw referralNotFound();
    return referral;
  }

  private async view(r: ReferralEntity, withTransitions: boolean) {
    const sides = this.sidesOf(r, this.db.actor);
    const transitions = withTransitions
      ? await this.m
          .getRepository(ReferralTransitionEntity)
          .find({ where: { referralId: r.id }, order: { at: 'ASC', id: 'ASC' } })
      : undefined;
    const names = r.participantId ? await this.namesOf([r.participantId]) : new Map();
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

  private async namesOf(ids: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    if (ids.length === 0) return new Map();
    // RLS returns only participants the caller holds a live grant on; names are summary-level.
    const rows = await this.m
      .getRepository(ParticipantEntity)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, firstName: true, lastName: true } });
    return new Map(rows.map((p) => [p.id, { firstName: p.firstName, lastName: p.lastName }]));
  }

  private async organisation(id: string): Promise<OrganisationEntity> {
    return (await this.m.getRepository(OrganisationEntity).findOneBy({ id }))!;
  }

  private async targetOrganisation(target: CreateReferralDto['target'], id?: string) {
    const repo = this.m.getRepository(OrganisationEntity);
    if (target === 'partnership') {
      if (!id)
        throw targetOrganisationInvalid('An inbound referral names the receiving partner organisation.');
      const org = await repo.findOneBy({ id, active: true });
      if (!org || (org.kind !== 'partner' && org.kind !== 'promotor'))
        throw targetOrganisationInvalid(
          'The receiving organisation must be an active partner of the partnership.',
        );
      return org;
    }
    const candidates = await repo.find({ where: { kind: target, active: true }, order: { name: 'ASC' } });
    const org = id ? candidates.find((o) => o.id === id) : candidates[0];
    if (!org || (!id && candidates.length > 1))
      throw targetOrganisationInvalid(
        `Name the ${target} organisation of the partnership that receives this.`,
      );
    return org;
  }

  private async assertSpoc(staffId: string, organisation: OrganisationEntity) {
    const staff = await this.m.getRepository(StaffEntity).findOneBy({ id: staffId, active: true });
    if (!staff || staff.organisationId !== organisation.id || !staff.roles.includes(spocRole(organisation)))
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
      const [row]: { started_at: Date | null }[] = await this.db.asTenantReader((m) =>
        m.query(
          `select max(t.started_at) as started_at from trajectories t where t.participant_id = $1 and t.closed_at is null`,
          [participantId],
        ),
      );
      if (row?.started_at && at < row.started_at) throw effectiveBeforeTrajectory();
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
    await this.m.getRepository(ReferralTransitionEntity).insert({
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
    const result = await this.m
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id and version = :version', { id: r.id, version: r.version })
      .execute();
    // Two people moved the same referral at once: the later one sees the current state and retries.
    if (!result.affected) throw invalidReferralTransition(r.state, patch.state!, []);
    Object.assign(r, patch, { version: r.version + 1 });
  }

  // For case meetings: the referrals RLS lets the caller see among these ids, one query.
  findByIds(ids: string[]): Promise<ReferralEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.m.getRepository(ReferralEntity).findBy({ id: In(ids) });
  }
}

const spocRole = (org: OrganisationEntity) => (org.kind === 'vdab' ? 'spoc_vdab' : 'spoc_ocmw');
