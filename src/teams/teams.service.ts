import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DatabaseContext } from '../database/database-context.service';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { offsetOf, Page, PageQuery, pageOf } from '../common/http/pagination';
import { CreateTeamDto, TeamResponse, toTeamResponse, UpdateTeamDto } from './dto/team.dto';
import { TeamEntity } from './team.entity';
import { teamConflict } from './teams.errors';

@Injectable()
export class TeamsService {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(TeamEntity);
  }

  async list(query: PageQuery): Promise<Page<TeamResponse>> {
    const [rows, total] = await this.repo.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return pageOf(rows, total, query, toTeamResponse);
  }

  async get(id: string): Promise<TeamResponse> {
    return toTeamResponse(await findOrFail(this.db.manager, TeamEntity, id, 'Team'));
  }

  async create(dto: CreateTeamDto): Promise<TeamResponse> {
    await this.assertUnique(dto.name);
    const team = this.repo.create({
      ...dto,
      partnershipId: this.db.actor.partnershipId,
      active: true,
      version: 1,
    });
    return toTeamResponse(await this.repo.save(team));
  }

  async update(id: string, version: number, dto: UpdateTeamDto): Promise<TeamResponse> {
    if (dto.name) await this.assertUnique(dto.name, id);
    return toTeamResponse(await updateVersioned(this.db.manager, TeamEntity, id, version, dto, 'Team'));
  }

  async deactivate(id: string): Promise<TeamResponse> {
    const team = await findOrFail(this.db.manager, TeamEntity, id, 'Team');
    return toTeamResponse(
      await updateVersioned(this.db.manager, TeamEntity, id, team.version, { active: false }, 'Team'),
    );
  }

  private async assertUnique(name: string, exceptId?: string): Promise<void> {
    const qb = this.repo.createQueryBuilder('t').where('lower(t.name) = lower(:name)', { name });
    if (exceptId) qb.andWhere('t.id <> :exceptId', { exceptId });
    if (await qb.getExists()) throw teamConflict();
  }
  // For case meetings: teams by id, one query.
  findByIds(ids: string[]): Promise<TeamEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.findBy({ id: In(ids) });
  }
}
