import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { offsetOf, Page, pageOf } from '../common/http/pagination';
import { hashPassword } from '../auth/password';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TeamEntity } from '../teams/team.entity';
import { CreateStaffDto, StaffQuery, StaffResponse, toStaffResponse, UpdateStaffDto } from './dto/staff.dto';
import { StaffEntity } from './staff.entity';
import { staffEmailTaken, unknownOrganisation, unknownTeam } from './staff.errors';

@Injectable()
export class StaffService {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(StaffEntity);
  }

  async list(query: StaffQuery): Promise<Page<StaffResponse>> {
    const qb = this.repo.createQueryBuilder('s').orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC');
    if (query.organisationId) qb.andWhere('s.organisation_id = :org', { org: query.organisationId });
    if (query.teamId) qb.andWhere('s.team_id = :team', { team: query.teamId });
    if (query.role) qb.andWhere(':role = any(s.roles)', { role: query.role });
    if (query.active !== undefined) qb.andWhere('s.active = :active', { active: query.active });
    const [rows, total] = await qb.skip(offsetOf(query)).take(query.limit).getManyAndCount();
    return pageOf(rows, total, query, toStaffResponse);
  }

  async get(id: string): Promise<StaffResponse> {
    return toStaffResponse(await findOrFail(this.db.manager, StaffEntity, id, 'Staff member'));
  }

  async create(dto: CreateStaffDto): Promise<StaffResponse> {
    await this.assertReferences(dto);
    await this.assertEmailFree(dto.email);
    const staff = this.repo.create({
      partnershipId: this.db.actor.partnershipId,
      organisationId: dto.organisationId,
      teamId: dto.teamId ?? null,
      email: dto.email,
      name: dto.name,
      roles: dto.roles,
      fte: dto.fte ?? 1,
      active: dto.active ?? true,
      passwordHash: await hashPassword(dto.password),
      version: 1,
    });
    const saved = await this.repo.save(staff);
    return toStaffResponse(saved);
  }

  async update(id: string, version: number, dto: UpdateStaffDto): Promise<StaffResponse> {
    await this.assertReferences(dto);
    if (dto.email) await this.assertEmailFree(dto.email, id);
    const { password, ...rest } = dto;
    const patch: Partial<StaffEntity> = { ...rest };
    if (password) patch.passwordHash = await hashPassword(password);
    return toStaffResponse(
      await updateVersioned(this.db.manager, StaffEntity, id, version, patch, 'Staff member'),
    );
  }

  async deactivate(id: string): Promise<StaffResponse> {
    const staff = await findOrFail(this.db.manager, StaffEntity, id, 'Staff member');
    return toStaffResponse(
      await updateVersioned(
        this.db.manager,
        StaffEntity,
        id,
        staff.version,
        { active: false },
        'Staff member',
      ),
    );
  }

  private async assertReferences(dto: { organisationId?: string; teamId?: string | null }): Promise<void> {
    const m = this.db.manager;
    if (
      dto.organisationId &&
      !(await m.getRepository(OrganisationEntity).existsBy({ id: dto.organisationId }))
    ) {
      throw unknownOrganisation();
    }
    if (dto.teamId && !(await m.getRepository(TeamEntity).existsBy({ id: dto.teamId }))) throw unknownTeam();
  }

  /** Emails are unique across every partnership, because login happens before a tenant is known. */
  private async assertEmailFree(email: string, exceptId?: string): Promise<void> {
    const rows: { id: string }[] = await this.db.manager.query('select id from app_login_lookup($1)', [
      email,
    ]);
    if (rows.some((r) => r.id !== exceptId)) throw staffEmailTaken();
  }
}
