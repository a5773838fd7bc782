import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { offsetOf, Page, PageQuery, pageOf } from '../common/http/pagination';
import { CreateTeamDto, TeamResponse, toTeamResponse, UpdateTeamDto } from './dto/team.dto';
import { TeamEntity } from './team.entity';
import { teamConflict } from './teams.errors';
import { TeamsRepository } from './teams.repository';
import { loadByIds } from '../common/persistence/load-by-ids';

/** A team as other modules read it (through this service, never the table). */
export type Team = TeamEntity;

@Injectable()
export class TeamsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly teams: TeamsRepository,
  ) {}

  async list(query: PageQuery): Promise<Page<TeamResponse>> {
    const [rows, total] = await this.teams.findPage(offsetOf(query), query.limit);
    return pageOf(rows, total, query, toTeamResponse);
  }

  async get(id: string): Promise<TeamResponse> {
    return toTeamResponse(await this.teams.findOrFail(id));
  }

  async create(dto: CreateTeamDto): Promise<TeamResponse> {
    await this.assertUnique(dto.name);
    return toTeamResponse(
      await this.teams.create({
        ...dto,
        partnershipId: this.db.actor.partnershipId,
        active: true,
        version: 1,
      }),
    );
  }

  async update(id: string, version: number, dto: UpdateTeamDto): Promise<TeamResponse> {
    if (dto.name) await this.assertUnique(dto.name, id);
    return toTeamResponse(await this.teams.updateVersioned(id, version, dto));
  }

  async deactivate(id: string): Promise<TeamResponse> {
    const team = await this.teams.findOrFail(id);
    return toTeamResponse(await this.teams.updateVersioned(id, team.version, { active: false }));
  }

  /** For other modules: a team of the caller's partnership (active or not), or null. */
  find(id: string): Promise<Team | null> {
    return this.teams.find(id);
  }

  /** For other modules: the teams among `ids` in the caller's partnership, in no particular order. */
  async findByIds(ids: readonly string[]): Promise<Team[]> {
    return loadByIds(ids, (unique) => this.teams.findByIds(unique));
  }

  /** For other modules: whether any team of the partnership covers the wijk (neighbourhood). */
  isKnownWijk(wijk: string): Promise<boolean> {
    return this.teams.existsWithWijk(wijk);
  }

  private async assertUnique(name: string, exceptId?: string): Promise<void> {
    if (await this.teams.existsByName(name, exceptId)) throw teamConflict();
  }
}
