import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { ReferralDirection } from './referral.constants';
import { OPEN_REFERRAL_STATES, ReferralState } from './referral-state';
import { ReferralEntity, ReferralTransitionEntity } from './referral.entity';

const ID = F.referralId;
const STAFF = F.spocId;
const AT = new Date('2026-01-05T09:00:00Z');

export interface InboxFilter {
  /** Assigned to the caller (inbox=mine). */
  assignedTo?: string;
  /** Assigned to a member of this team (inbox=team; null: the caller has no team, so none). */
  teamId?: string | null;
  /** Sent or received by this organisation. */
  organisationId?: string;
  direction?: ReferralDirection;
  participantId?: string;
  /** Assigned to this SPOC (a filter, with any inbox). */
  spocId?: string;
}

export interface InboxListFilter {
  state?: ReferralState;
  overdue?: boolean;
  offset: number;
  limit: number;
}

export interface InboxCount {
  state: ReferralState;
  n: number;
  overdue: number;
}

/** Referrals and their transitions (RLS: the referral's two sides, or case-level holders of the participant). */
@Injectable()
export class ReferralsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(ReferralEntity);
  }

  private get transitions() {
    return this.db.manager.getRepository(ReferralTransitionEntity);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        direction: 'outbound',
        target: 'vdab',
        kind: 'training',
        state: 'submitted',
        participantId: F.participantId,
        trajectoryId: null,
        person: null,
        personInszEncrypted: null,
        note: null,
        senderOrganisationId: F.organisationId,
        targetOrganisationId: F.otherOrganisationId,
        assignedSpocId: null,
        dueAt: AT,
        submittedAt: AT,
        closedAt: null,
        createdBy: F.coachId,
        version: 1,
      },
    ],
  })
  create(values: Partial<ReferralEntity>): Promise<ReferralEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<ReferralEntity | null> {
    return this.repo.findOneBy({ id });
  }

  @GenerateSql({ params: [[ID]] })
  findByIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  /** Open referrals assigned to the staff member, soonest due first (at most 100). */
  @GenerateSql({ params: [STAFF] })
  openAssignedTo(staffId: string): Promise<ReferralEntity[]> {
    return this.repo.find({
      where: { assignedSpocId: staffId, state: In([...OPEN_REFERRAL_STATES]) },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 100,
    });
  }

  /**
   * An inbox: counts by state over the whole inbox, whatever state or overdue filter the list applies,
   * and one page of the list. What still needs doing comes first, soonest due first; closed referrals
   * follow, most recent first, so the first page of an inbox is today's work and not last year's history.
   */
  @GenerateSql(
    { name: 'organisation', params: [{ organisationId: F.organisationId }, { offset: 0, limit: 20 }] },
    {
      name: 'team, overdue',
      params: [
        { teamId: F.teamId, direction: 'inbound' },
        { state: 'submitted', overdue: true, offset: 0, limit: 20 },
      ],
    },
    {
      name: 'mine, not overdue',
      params: [
        { assignedTo: STAFF, participantId: F.participantId, spocId: STAFF },
        { overdue: false, offset: 0, limit: 20 },
      ],
      as: 'spoc',
    },
  )
  async inbox(
    filter: InboxFilter,
    list: InboxListFilter,
  ): Promise<{ counts: InboxCount[]; rows: ReferralEntity[]; total: number }> {
    const base = this.repo.createQueryBuilder('r');
    if (filter.assignedTo) base.andWhere('r.assigned_spoc_id = :me', { me: filter.assignedTo });
    if (filter.teamId !== undefined)
      // The team's members, read in the same statement (one round trip); RLS applies to staff too.
      base.andWhere('r.assigned_spoc_id in (select s.id from staff s where s.team_id = :team)', {
        team: filter.teamId,
      });
    if (filter.organisationId)
      base.andWhere('(r.sender_organisation_id = :org or r.target_organisation_id = :org)', {
        org: filter.organisationId,
      });
    if (filter.direction) base.andWhere('r.direction = :direction', { direction: filter.direction });
    if (filter.participantId) base.andWhere('r.participant_id = :pid', { pid: filter.participantId });
    if (filter.spocId) base.andWhere('r.assigned_spoc_id = :spoc', { spoc: filter.spocId });

    const counts: InboxCount[] = await base
      .clone()
      .select('r.state', 'state')
      .addSelect('count(*)::int', 'n')
      .addSelect(`count(*) filter (where r.state in (:...open) and r.due_at < app_now())::int`, 'overdue')
      .setParameter('open', OPEN_REFERRAL_STATES)
      .groupBy('r.state')
      .getRawMany();

    const listQb = base.clone();
    if (list.state) listQb.andWhere('r.state = :state', { state: list.state });
    if (list.overdue === true)
      listQb.andWhere('r.state in (:...open) and r.due_at < app_now()', { open: OPEN_REFERRAL_STATES });
    if (list.overdue === false)
      listQb.andWhere('not (r.state in (:...open) and r.due_at < app_now())', { open: OPEN_REFERRAL_STATES });
    const openList = OPEN_REFERRAL_STATES.map((state) => `'${state}'`).join(', ');
    listQb
      .addSelect(`case when r.state in (${openList}) then 0 else 1 end`, 'closed_rank')
      .addSelect(`case when r.state in (${openList}) then r.due_at end`, 'open_due')
      .orderBy('closed_rank', 'ASC')
      .addOrderBy('open_due', 'ASC')
      .addOrderBy('r.due_at', 'DESC')
      .addOrderBy('r.id', 'ASC');
    const [rows, total] = await listQb.skip(list.offset).take(list.limit).getManyAndCount();
    return { counts, rows, total };
  }

  @GenerateSql({ params: [ID, 1, { state: 'accepted', assignedSpocId: STAFF }] })
  updateVersioned(id: string, version: number, patch: Partial<ReferralEntity>): Promise<ReferralEntity> {
    return updateVersioned(this.db.manager, ReferralEntity, id, version, patch, 'Referral');
  }

  @GenerateSql({ params: [ID] })
  transitionsOf(referralId: string): Promise<ReferralTransitionEntity[]> {
    return this.transitions.find({ where: { referralId }, order: { at: 'ASC', id: 'ASC' } });
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        referralId: F.referralId,
        fromState: null,
        toState: 'submitted',
        reason: null,
        note: null,
        actorId: F.coachId,
        actorOrganisationId: F.organisationId,
        at: AT,
      },
    ],
  })
  async insertTransition(values: Omit<ReferralTransitionEntity, 'id'>): Promise<void> {
    await this.transitions.insert(values);
  }
}
