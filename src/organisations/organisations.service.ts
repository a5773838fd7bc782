import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { offsetOf, Page, PageQuery, pageOf } from '../common/http/pagination';
import {
  CreateOrganisationDto,
  OrganisationResponse,
  toOrganisationResponse,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationKind } from './organisation.constants';
import { OrganisationEntity } from './organisation.entity';
import { organisationConflict } from './organisations.errors';
import { OrganisationsRepository } from './organisations.repository';
import { loadByIds } from '../common/persistence/load-by-ids';

/** An organisation as other modules read it (through this service, never the table). */
export type Organisation = OrganisationEntity;

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async list(query: PageQuery): Promise<Page<OrganisationResponse>> {
    const [rows, total] = await this.organisations.findPage(offsetOf(query), query.limit);
    return pageOf(rows, total, query, toOrganisationResponse);
  }

  async get(id: string): Promise<OrganisationResponse> {
    return toOrganisationResponse(await this.organisations.findOrFail(id));
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    await this.assertUnique(dto);
    const saved = await this.organisations.create({
      partnershipId: this.db.actor.partnershipId,
      name: dto.name,
      kboNumber: dto.kboNumber ?? null,
      kind: dto.kind,
      professionalSecrecy: dto.professionalSecrecy ?? false,
      active: true,
      version: 1,
    });
    return toOrganisationResponse(saved);
  }

  async update(id: string, version: number, dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    await this.assertUnique(dto, id);
    return toOrganisationResponse(await this.organisations.updateVersioned(id, version, dto));
  }

  async deactivate(id: string): Promise<OrganisationResponse> {
    const org = await this.organisations.findOrFail(id);
    return toOrganisationResponse(
      await this.organisations.updateVersioned(id, org.version, { active: false }),
    );
  }

  /** For other modules: an organisation of the caller's partnership, or null (RLS hides other tenants'). */
  find(id: string): Promise<Organisation | null> {
    return this.organisations.find(id);
  }

  /** For other modules: the organisations among `ids` in the caller's partnership, in no particular order. */
  async findByIds(ids: readonly string[]): Promise<Organisation[]> {
    return loadByIds(ids, (unique) => this.organisations.findByIds(unique));
  }

  /** For other modules: the active organisations of a kind (e.g. the partnership's VDAB), by name. */
  findActiveByKind(kind: OrganisationKind): Promise<Organisation[]> {
    return this.organisations.findActiveByKind(kind);
  }

  private async assertUnique(
    dto: { name?: string; kboNumber?: string | null },
    exceptId?: string,
  ): Promise<void> {
    if (await this.organisations.existsByNameOrKbo(dto.name ?? '', dto.kboNumber ?? '', exceptId))
      throw organisationConflict();
  }

  // For privacy: every organisation of the partnership, for the grants a partnership_sharing consent creates.
  ids(): Promise<string[]> {
    return this.organisations.ids();
  }
}
