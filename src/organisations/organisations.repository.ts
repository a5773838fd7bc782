import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findById } from '../common/persistence/find-by-id';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationKind } from './organisation.constants';
import { OrganisationEntity } from './organisation.entity';

const ID = F.organisationId;

/** The partnership's organisations (partnership data, RLS by tenant). */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(OrganisationEntity);
  }

  @GenerateSql({ params: [0, 20] })
  findPage(offset: number, limit: number): Promise<[OrganisationEntity[], number]> {
    return this.repo.findAndCount({ order: { name: 'ASC', id: 'ASC' }, skip: offset, take: limit });
  }

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<OrganisationEntity | null> {
    return findById(this.db.manager, OrganisationEntity, id);
  }

  @GenerateSql({ params: [ID] })
  findOrFail(id: string): Promise<OrganisationEntity> {
    return findOrFail(this.db.manager, OrganisationEntity, id, 'Organisation');
  }

  @GenerateSql({ params: [[ID]] })
  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  @GenerateSql({ params: ['vdab'] })
  findActiveByKind(kind: OrganisationKind): Promise<OrganisationEntity[]> {
    return this.repo.find({ where: { kind, active: true }, order: { name: 'ASC' } });
  }

  @GenerateSql({ params: ['Jobteam Gent', '0508774601', ID] })
  existsByNameOrKbo(name: string, kboNumber: string, exceptId?: string): Promise<boolean> {
    const qb = this.repo
      .createQueryBuilder('o')
      .where('(lower(o.name) = lower(:name) or o.kbo_number = :kbo)', { name, kbo: kboNumber });
    if (exceptId) qb.andWhere('o.id <> :exceptId', { exceptId });
    return qb.getExists();
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        name: 'Jobteam Gent',
        kboNumber: null,
        kind: 'partner',
        professionalSecrecy: false,
        active: true,
        version: 1,
      },
    ],
  })
  create(values: Partial<OrganisationEntity>): Promise<OrganisationEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [ID, 1, { name: 'Jobteam Gent' }] })
  updateVersioned(
    id: string,
    version: number,
    patch: Partial<OrganisationEntity>,
  ): Promise<OrganisationEntity> {
    return updateVersioned(this.db.manager, OrganisationEntity, id, version, patch, 'Organisation');
  }

  /** Every organisation id of the caller's partnership. */
  @GenerateSql()
  async ids(): Promise<string[]> {
    const rows = await this.repo.find({ select: { id: true } });
    return rows.map((o) => o.id);
  }
}
