import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { offsetOf } from '../common/http/pagination';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { StaffQuery } from './dto/staff.dto';
import { StaffEntity } from './staff.entity';

const STAFF_ID = F.coachId;
const ORGANISATION_ID = F.organisationId;

/** The staff table, in the request transaction (RLS by tenant). */
@Injectable()
export class StaffRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(StaffEntity);
  }

  @GenerateSql(
    { name: 'all', params: [{ page: 1, limit: 20 }] },
    {
      name: 'filtered',
      params: [
        {
          page: 2,
          limit: 20,
          organisationId: F.organisationId,
          teamId: F.teamId,
          role: 'coach',
          active: true,
        },
      ],
    },
  )
  list(query: StaffQuery): Promise<[StaffEntity[], number]> {
    const qb = this.repo.createQueryBuilder('s').orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC');
    if (query.organisationId) qb.andWhere('s.organisation_id = :org', { org: query.organisationId });
    if (query.teamId) qb.andWhere('s.team_id = :team', { team: query.teamId });
    if (query.role) qb.andWhere(':role = any(s.roles)', { role: query.role });
    if (query.active !== undefined) qb.andWhere('s.active = :active', { active: query.active });
    return qb.skip(offsetOf(query)).take(query.limit).getManyAndCount();
  }

  /** The staff member visible to the current context, or 404. */
  @GenerateSql({ params: [STAFF_ID] })
  getOrFail(id: string): Promise<StaffEntity> {
    return findOrFail(this.db.manager, StaffEntity, id, 'Staff member');
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        organisationId: F.organisationId,
        teamId: null,
        email: 'new.colleague@example.test',
        name: 'New Colleague',
        roles: ['coach'],
        fte: 1,
        active: true,
        passwordHash: null,
        version: 1,
      },
    ],
  })
  insert(values: Partial<StaffEntity>): Promise<StaffEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [STAFF_ID, 1, { name: 'Renamed', active: false }] })
  updateVersioned(id: string, expectedVersion: number, patch: Partial<StaffEntity>): Promise<StaffEntity> {
    return updateVersioned(this.db.manager, StaffEntity, id, expectedVersion, patch, 'Staff member');
  }

  /** A staff member of the caller's partnership (active or not), or null. */
  @GenerateSql({ params: [STAFF_ID] })
  find(id: string): Promise<StaffEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Staff members by id, one query; only the active ones when asked (who may be assigned work). */
  @GenerateSql({ name: 'any', params: [[STAFF_ID], false] }, { name: 'active', params: [[STAFF_ID], true] })
  findByIds(ids: string[], activeOnly: boolean): Promise<StaffEntity[]> {
    return this.repo.findBy({ id: In(ids), ...(activeOnly ? { active: true } : {}) });
  }

  @GenerateSql({ params: [ORGANISATION_ID] })
  hasActiveStaff(organisationId: string): Promise<boolean> {
    return this.repo.existsBy({ organisationId, active: true });
  }

  /** The ids of the accounts with this email in any partnership (login lookup: emails are global). */
  @GenerateSql({ params: ['someone@example.test'] })
  async idsWithEmail(email: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query('select id from app_login_lookup($1)', [
      email,
    ]);
    return rows.map((r) => r.id);
  }

  /** Ends every bearer token of the account. */
  @GenerateSql({ params: [STAFF_ID] })
  async bumpTokenVersion(staffId: string): Promise<void> {
    await this.db.manager.query('update staff set token_version = token_version + 1 where id = $1', [
      staffId,
    ]);
  }

  /** Sets the password and ends the account's bearer tokens. */
  @GenerateSql({ params: [STAFF_ID, '$argon2id$v=19$m=65536,t=3,p=4$synthetic'] })
  async setPassword(staffId: string, passwordHash: string): Promise<void> {
    await this.db.manager.query(
      `update staff set password_hash = $2, token_version = token_version + 1, updated_at = now() where id = $1`,
      [staffId, passwordHash],
    );
  }
}
