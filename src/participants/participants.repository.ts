import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findById } from '../common/persistence/find-by-id';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { ParticipantEntity } from './participant.entity';

const ID = F.participantId;
const ORGANISATION = F.organisationId;
const TRAJECTORY = F.trajectoryId;
/** A participant the create example writes. */
const NEW_ID = '00000000-0000-4000-8000-00000000f001';

export interface ParticipantFilter {
  /** A LIKE pattern on the normalised name, already escaped (`%jansen%`). */
  searchLike?: string;
  status?: string;
  caseManagerId?: string;
  teamId?: string;
  wijk?: string;
  offset: number;
  limit: number;
}

export interface DuplicateRow {
  id: string;
  match: 'insz' | 'name';
  /** Null when the owning organisation has professional secrecy: it is never named. */
  organisation_name: string | null;
}

/** The current trajectory's columns the participant row carries for fast filtering. */
export interface CurrentTrajectory {
  currentTrajectoryId: string;
  currentStatus: string;
  caseManagerId: string | null;
  teamId: string | null;
}

export interface VdabCheck {
  vdabTrajectoryStatus: 'none' | 'active' | 'closed';
  vdabCheckedAt: Date;
  vdabCheckedBy: string;
}

/** Participants (participant data: RLS shows only those the caller holds a live grant on). */
@Injectable()
export class ParticipantsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(ParticipantEntity);
  }

  /** A new id before the row exists: the owner grant is written first, as the row is visible only through it. */
  @GenerateSql()
  async newId(): Promise<string> {
    const rows: { id: string }[] = await this.db.manager.query('select gen_random_uuid() as id');
    return rows[0].id;
  }

  @GenerateSql({
    params: [
      {
        id: NEW_ID,
        partnershipId: F.partnershipId,
        ownerOrganisationId: F.organisationId,
        firstName: 'Sam',
        lastName: 'Jansen',
        searchName: 'sam jansen',
        nameKey: 'jansen|sam',
        birthDate: '1990-01-01',
        gender: 'female',
        entryDate: '2026-01-05',
        referralChannel: 'self',
        createdBy: F.coachId,
        version: 1,
      },
    ],
    // As ParticipantsService.create: the owner grant first, as the new row is only RETURNING-readable through it.
    before: (m) =>
      m.query(`select app_grant($1, $2, null, 'full', 'owner', $1, $3, null)`, [
        NEW_ID,
        ORGANISATION,
        new Date('2026-01-05T09:00:00Z'),
      ]),
  })
  create(values: Partial<ParticipantEntity>): Promise<ParticipantEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<ParticipantEntity | null> {
    return findById(this.db.manager, ParticipantEntity, id);
  }

  @GenerateSql({ params: [[ID]] })
  findByIds(ids: readonly string[]): Promise<ParticipantEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  @GenerateSql({ params: [[ID]] })
  namesOf(ids: readonly string[]): Promise<Pick<ParticipantEntity, 'id' | 'firstName' | 'lastName'>[]> {
    return this.repo.find({
      where: { id: In([...ids]) },
      select: { id: true, firstName: true, lastName: true },
    });
  }

  @GenerateSql({ params: [[ID]] })
  namesAndPhonesOf(
    ids: readonly string[],
  ): Promise<Pick<ParticipantEntity, 'id' | 'firstName' | 'lastName' | 'phone'>[]> {
    return this.repo.find({
      where: { id: In([...ids]) },
      select: { id: true, firstName: true, lastName: true, phone: true },
    });
  }

  @GenerateSql({ params: [ID] })
  currentTrajectoryOf(
    id: string,
  ): Promise<Pick<ParticipantEntity, 'id' | 'currentTrajectoryId' | 'currentStatus'> | null> {
    return this.repo.findOne({
      where: { id },
      select: { id: true, currentTrajectoryId: true, currentStatus: true },
    });
  }

  /** Whether the participant exists in the tenant at all, as the tenant reader (past the grants' RLS). */
  @GenerateSql({ params: [ID] })
  async existsInTenant(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.asTenantReader((m) =>
      m.query('select 1 from participants where id = $1', [id]),
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [ID] })
  async ownerOf(id: string): Promise<string | null> {
    const rows: { owner: string }[] = await this.db.manager.query(
      'select p.owner_organisation_id as owner from participants p where p.id = $1',
      [id],
    );
    return rows[0]?.owner ?? null;
  }

  /** Whether a participant RLS shows is named in a normalised text: first and last name in either order. */
  @GenerateSql({ params: [' sam jansen '] })
  async isNamedIn(search: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from participants p where p.pseudonymised_at is null
         and (position(' ' || split_part(p.name_key, '|', 1) || ' ' || split_part(p.name_key, '|', 2) || ' ' in $1) > 0
           or position(' ' || split_part(p.name_key, '|', 2) || ' ' || split_part(p.name_key, '|', 1) || ' ' in $1) > 0)
       limit 1`,
      [search],
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [ID] })
  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query('select 1 from participants where id = $1', [id]);
    return rows.length > 0;
  }

  @GenerateSql(
    { name: 'all', params: [{ offset: 0, limit: 20 }] },
    {
      name: 'filtered',
      params: [
        {
          searchLike: '%jansen%',
          status: 'begeleiding',
          caseManagerId: F.coachId,
          teamId: F.teamId,
          wijk: 'Dampoort',
          offset: 0,
          limit: 20,
        },
      ],
    },
  )
  search(f: ParticipantFilter): Promise<[ParticipantEntity[], number]> {
    const qb = this.repo.createQueryBuilder('p');
    // Through the index (see migration ParticipantSearch); RLS still filters the outer query.
    if (f.searchLike !== undefined)
      qb.andWhere(`p.id in (select app_search_participants(:q))`, { q: f.searchLike });
    if (f.status) qb.andWhere('p.current_status = :status', { status: f.status });
    if (f.caseManagerId) qb.andWhere('p.case_manager_id = :cm', { cm: f.caseManagerId });
    if (f.teamId) qb.andWhere('p.team_id = :team', { team: f.teamId });
    if (f.wijk) qb.andWhere('p.wijk = :wijk', { wijk: f.wijk });
    qb.orderBy('p.last_name', 'ASC').addOrderBy('p.first_name', 'ASC').addOrderBy('p.id', 'ASC');
    return qb.skip(f.offset).take(f.limit).getManyAndCount();
  }

  /** Across the partnership, through app_find_participant_duplicates(): the caller may not see the matches. */
  @GenerateSql({ params: ['0'.repeat(64), 'jansen|sam', '1990-01-01', ID] })
  findDuplicates(
    inszHash: string | null,
    nameKey: string,
    birthDate: string,
    exceptId: string | null,
  ): Promise<DuplicateRow[]> {
    return this.db.manager.query('select * from app_find_participant_duplicates($1, $2, $3, $4)', [
      inszHash,
      nameKey,
      birthDate,
      exceptId,
    ]);
  }

  @GenerateSql({ params: [ID, 1, { phone: '0470000000' }] })
  updateVersioned(
    id: string,
    version: number,
    patch: Partial<ParticipantEntity>,
  ): Promise<ParticipantEntity> {
    return updateVersioned(this.db.manager, ParticipantEntity, id, version, patch, 'Participant');
  }

  /** Not a versioned edit: these columns follow the trajectory, so no coach's If-Match is invalidated. */
  @GenerateSql({
    params: [
      ID,
      {
        currentTrajectoryId: TRAJECTORY,
        currentStatus: 'intake',
        caseManagerId: F.coachId,
        teamId: F.teamId,
      },
    ],
  })
  async setCurrentTrajectory(id: string, current: CurrentTrajectory): Promise<void> {
    await this.repo.update({ id }, current);
  }

  @GenerateSql({ params: [ID, ORGANISATION] })
  async setOwner(id: string, ownerOrganisationId: string): Promise<void> {
    await this.repo.update({ id }, { ownerOrganisationId });
  }

  /** Not a versioned edit either: the columns belong to the VDAB check alone. False when the row is not visible. */
  @GenerateSql({
    params: [
      ID,
      {
        vdabTrajectoryStatus: 'none',
        vdabCheckedAt: new Date('2026-01-05T09:00:00Z'),
        vdabCheckedBy: F.coachId,
      },
    ],
  })
  async setVdabCheck(id: string, check: VdabCheck): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(ParticipantEntity)
      .set(check)
      .where('id = :id', { id })
      .execute();
    return !!result.affected;
  }
}
