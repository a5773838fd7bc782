import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { EmployerKind } from './employer-kinds';
import { EmployerEntity } from './employer.entity';

const ID = F.employerId;

export interface EmployerSearch {
  /** Lower-cased, LIKE-escaped pattern on the name (`%…%`). */
  nameLike?: string;
  /** A KBO prefix pattern (`0508%`): searched too when set. */
  kboLike?: string;
  kind?: EmployerKind;
  inclusive?: boolean;
  offset: number;
  limit: number;
}

/** The partnership's register of employers and work floors (partnership data, RLS by tenant). */
@Injectable()
export class EmployersRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(EmployerEntity);
  }

  @GenerateSql(
    { name: 'by name or KBO', params: [{ nameLike: '%0508%', kboLike: '0508%', offset: 0, limit: 20 }] },
    { name: 'by kind', params: [{ kind: 'employer', inclusive: true, offset: 0, limit: 20 }] },
  )
  search(q: EmployerSearch): Promise<[EmployerEntity[], number]> {
    const qb = this.repo.createQueryBuilder('e');
    if (q.nameLike !== undefined)
      qb.andWhere(
        q.kboLike !== undefined
          ? '(lower(e.name) like :like or e.kbo_number like :kbo)'
          : 'lower(e.name) like :like',
        { like: q.nameLike, kbo: q.kboLike },
      );
    if (q.kind) qb.andWhere('e.kind = :kind', { kind: q.kind });
    if (q.inclusive !== undefined) qb.andWhere('e.inclusive = :inclusive', { inclusive: q.inclusive });
    return qb
      .orderBy('lower(e.name)', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<EmployerEntity | null> {
    return this.repo.findOneBy({ id });
  }

  @GenerateSql({ params: [[ID]] })
  async namesOf(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    return this.repo
      .createQueryBuilder('e')
      .select(['e.id', 'e.name'])
      .where('e.id = any(:ids)', { ids })
      .getMany();
  }

  /** Another employer with this KBO number, if any. */
  @GenerateSql({ params: ['0508774601', ID] })
  findOtherWithKbo(kboNumber: string, exceptId?: string): Promise<EmployerEntity | null> {
    const qb = this.repo.createQueryBuilder('e').where('e.kbo_number = :kboNumber', { kboNumber });
    if (exceptId) qb.andWhere('e.id <> :exceptId', { exceptId });
    return qb.getOne();
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        name: 'Bakkerij Noord',
        kboNumber: null,
        sector: null,
        kind: 'employer',
        inclusive: false,
        contactName: null,
        contactPhone: null,
        contactEmail: null,
        createdBy: F.coachId,
        version: 1,
      },
    ],
  })
  create(values: Partial<EmployerEntity>): Promise<EmployerEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [ID, 1, { name: 'Bakkerij Noord' }] })
  updateVersioned(id: string, version: number, patch: Partial<EmployerEntity>): Promise<EmployerEntity> {
    return updateVersioned(this.db.manager, EmployerEntity, id, version, patch, 'Employer');
  }
}
