import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageQuery, pageOf } from '../common/http/pagination';
import { findOrFail, updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { TrajectoryEntity } from '../trajectories/trajectory.entity';
import {
  CreatePersonaDto,
  PersonaResponse,
  toPersonaResponse,
  TrajectoryPersonaDto,
  TrajectoryPersonaResponse,
  UpdatePersonaDto,
} from './dto/persona.dto';
import { PersonaEntity } from './learning.entity';
import { personaExists, personaUnknown } from './learning.errors';

/** The partnership's personas (partnership data, RLS by tenant), and the persona a trajectory carries. */
@Injectable()
export class PersonasService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.db.manager.getRepository(PersonaEntity);
  }

  async list(query: PageQuery): Promise<Page<PersonaResponse>> {
    const [rows, total] = await this.repo.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return pageOf(rows, total, query, toPersonaResponse);
  }

  async create(dto: CreatePersonaDto): Promise<PersonaResponse> {
    await this.assertUnique(dto.name);
    const persona = this.repo.create({
      ...dto,
      partnershipId: this.db.actor.partnershipId,
      active: true,
      version: 1,
    });
    return toPersonaResponse(await this.repo.save(persona));
  }

  async update(id: string, version: number, dto: UpdatePersonaDto): Promise<PersonaResponse> {
    await findOrFail(this.db.manager, PersonaEntity, id, 'Persona');
    if (dto.name) await this.assertUnique(dto.name, id);
    return toPersonaResponse(
      await updateVersioned(this.db.manager, PersonaEntity, id, version, dto, 'Persona'),
    );
  }

  /** Sets (or, with null, removes) a trajectory's persona: case access to the participant, and an active persona. */
  async setOnTrajectory(
    trajectoryId: string,
    version: number,
    dto: TrajectoryPersonaDto,
  ): Promise<TrajectoryPersonaResponse> {
    const { trajectory } = await this.trajectories.load(trajectoryId, 'case');
    if (dto.personaId !== null && !(await this.repo.existsBy({ id: dto.personaId, active: true })))
      throw personaUnknown();
    const saved = await updateVersioned(
      this.db.manager,
      TrajectoryEntity,
      trajectoryId,
      version,
      { personaId: dto.personaId },
      'Trajectory',
    );
    await this.audit.record({
      action: 'update',
      resourceType: 'trajectory',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope: 'case',
      details: { personaId: dto.personaId },
    });
    return { trajectoryId, personaId: saved.personaId, version: saved.version };
  }

  private async assertUnique(name: string, exceptId?: string): Promise<void> {
    const qb = this.repo.createQueryBuilder('p').where('lower(p.name) = lower(:name)', { name });
    if (exceptId) qb.andWhere('p.id <> :exceptId', { exceptId });
    if (await qb.getExists()) throw personaExists();
  }
}
