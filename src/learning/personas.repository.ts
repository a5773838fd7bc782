import { Injectable } from '@nestjs/common';
import { offsetOf, PageQuery } from '../common/http/pagination';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { PersonaEntity } from './learning.entity';

const PERSONA_ID = F.personaId;

/** The partnership's personas (RLS by tenant). */
@Injectable()
export class PersonasRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(PersonaEntity);
  }

  @GenerateSql({ params: [{ page: 1, limit: 20 }] })
  list(query: PageQuery): Promise<[PersonaEntity[], number]> {
    return this.repo.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        name: 'Jongere zonder diploma',
        description: 'Synthetic persona',
        active: true,
        version: 1,
      },
    ],
  })
  insert(values: Partial<PersonaEntity>): Promise<PersonaEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [PERSONA_ID] })
  getOrFail(id: string): Promise<PersonaEntity> {
    return findOrFail(this.db.manager, PersonaEntity, id, 'Persona');
  }

  @GenerateSql({ params: [PERSONA_ID, 1, { name: 'Renamed' }] })
  updateVersioned(
    id: string,
    expectedVersion: number,
    patch: Partial<PersonaEntity>,
  ): Promise<PersonaEntity> {
    return updateVersioned(this.db.manager, PersonaEntity, id, expectedVersion, patch, 'Persona');
  }

  @GenerateSql({ params: [PERSONA_ID] })
  isActive(id: string): Promise<boolean> {
    return this.repo.existsBy({ id, active: true });
  }

  /** Whether another persona has this name, case-insensitively. */
  @GenerateSql({ name: 'new', params: ['Starter'] }, { name: 'except', params: ['Starter', PERSONA_ID] })
  nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const qb = this.repo.createQueryBuilder('p').where('lower(p.name) = lower(:name)', { name });
    if (exceptId) qb.andWhere('p.id <> :exceptId', { exceptId });
    return qb.getExists();
  }
}
