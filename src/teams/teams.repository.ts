import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { findById } from '../common/persistence/find-by-id';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { TeamEntity } from './team.entity';

const ID = F.teamId;

/** The partnership's local teams (partnership data, RLS by tenant). */
@Injectable()
export class TeamsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(TeamEntity);
  }

  @GenerateSql({ params: [0, 20] })
  findPage(offset: number, limit: number): Promise<[TeamEntity[], number]> {
    return this.repo.findAndCount({ order: { name: 'ASC', id: 'ASC' }, skip: offset, take: limit });
  }

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<TeamEntity | null> {
    return findById(this.db.manager, TeamEntity, id);
  }

  @GenerateSql({ params: [ID] })
  findOrFail(id: string): Promise<TeamEntity> {
    return findOrFail(this.db.manager, TeamEntity, id, 'Team');
  }

  @GenerateSql({ params: [[ID]] })
  findByIds(ids: readonly string[]): Promise<TeamEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  @GenerateSql({ params: ['Gent Noord', ID] })
  existsByName(name: string, exceptId?: string): Promise<boolean> {
    const qb = this.repo.createQueryBuilder('t').where('lower(t.name) = lower(:name)', { name });
    if (exceptId) qb.andWhere('t.id <> :exceptId', { exceptId });
    return qb.getExists();
  }

  @GenerateSql({ params: ['Dampoort'] })
  existsWithWijk(wijk: string): Promise<boolean> {
    return this.repo.createQueryBuilder('t').where(':wijk = any(t.wijken)', { wijk }).getExists();
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        name: 'Gent Noord',
        location: 'Gent',
        wijken: ['Dampoort'],
        active: true,
        version: 1,
      },
    ],
  })
  create(values: Partial<TeamEntity>): Promise<TeamEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [ID, 1, { name: 'Gent Noord' }] })
  updateVersioned(id: string, version: number, patch: Partial<TeamEntity>): Promise<TeamEntity> {
    return updateVersioned(this.db.manager, TeamEntity, id, version, patch, 'Team');
  }
}
