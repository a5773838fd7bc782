import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { offsetOf, Page, PageQuery, pageOf } from '../common/http/pagination';
import {
  CreateOrganisationDto,
  OrganisationResponse,
  toOrganisationResponse,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationEntity } from './organisation.entity';
import { organisationConflict } from './organisations.errors';

@Injectable()
export class OrganisationsService {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(OrganisationEntity);
  }

  async list(query: PageQuery): Promise<Page<OrganisationResponse>> {
    const [rows, total] = await this.repo.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return pageOf(rows, total, query, toOrganisationResponse);
  }

  async get(id: string): Promise<OrganisationResponse> {
    return toOrganisationResponse(await findOrFail(this.db.manager, OrganisationEntity, id, 'Organisation'));
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    await this.assertUnique(dto);
    const saved = await this.repo.save(
      this.repo.create({
        partnershipId: this.db.actor.partnershipId,
        name: dto.name,
        kboNumber: dto.kboNumber ?? null,
        kind: dto.kind,
        professionalSecrecy: dto.professionalSecrecy ?? false,
        active: true,
        version: 1,
      }),
    );
    return toOrganisationResponse(saved);
  }

  async update(id: string, version: number, dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    await this.assertUnique(dto, id);
    return toOrganisationResponse(
      await updateVersioned(this.db.manager, OrganisationEntity, id, version, dto, 'Organisation'),
    );
  }

  async deactivate(id: string): Promise<OrganisationResponse> {
    const org = await findOrFail(this.db.manager, OrganisationEntity, id, 'Organisation');
    return toOrganisationResponse(
      await updateVersioned(
        this.db.manager,
        OrganisationEntity,
        id,
        org.version,
        { active: false },
        'Organisation',
      ),
    );
  }

  private async assertUnique(
    dto: { name?: string; kboNumber?: string | null },
    exceptId?: string,
  ): Promise<void> {
    const qb = this.repo
      .createQueryBuilder('o')
      .where('(lower(o.name) = lower(:name) or o.kbo_number = :kbo)', {
        name: dto.name ?? '',
        kbo: dto.kboNumber ?? '',
      });
    if (exceptId) qb.andWhere('o.id <> :exceptId', { exceptId });
    if (await qb.getExists()) throw organisationConflict();
  }

  // For privacy: every organisation of the partnership, for the grants a partnership_sharing consent creates.
  async ids(): Promise<string[]> {
    const rows = await this.repo.find({ select: { id: true } });
    return rows.map((o) => o.id);
  }
}
