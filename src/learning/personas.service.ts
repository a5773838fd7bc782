import { Injectable } from '@nestjs/common';
import { Page, PageQuery, pageOf } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import {
  CreatePersonaDto,
  PersonaResponse,
  toPersonaResponse,
  TrajectoryPersonaDto,
  TrajectoryPersonaResponse,
  UpdatePersonaDto,
} from './dto/persona.dto';
import { personaExists, personaUnknown } from './learning.errors';
import { PersonasRepository } from './personas.repository';

/** The partnership's personas (partnership data, RLS by tenant), and the persona a trajectory carries. */
@Injectable()
export class PersonasService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly personas: PersonasRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQuery): Promise<Page<PersonaResponse>> {
    const [rows, total] = await this.personas.list(query);
    return pageOf(rows, total, query, toPersonaResponse);
  }

  async create(dto: CreatePersonaDto): Promise<PersonaResponse> {
    await this.assertUnique(dto.name);
    const persona = await this.personas.insert({
      ...dto,
      partnershipId: this.db.actor.partnershipId,
      active: true,
      version: 1,
    });
    return toPersonaResponse(persona);
  }

  async update(id: string, version: number, dto: UpdatePersonaDto): Promise<PersonaResponse> {
    await this.personas.getOrFail(id);
    if (dto.name) await this.assertUnique(dto.name, id);
    return toPersonaResponse(await this.personas.updateVersioned(id, version, dto));
  }

  /** Sets (or, with null, removes) a trajectory's persona: case access to the participant, and an active persona. */
  async setOnTrajectory(
    trajectoryId: string,
    version: number,
    dto: TrajectoryPersonaDto,
  ): Promise<TrajectoryPersonaResponse> {
    const { trajectory } = await this.trajectories.load(trajectoryId, 'case');
    if (dto.personaId !== null && !(await this.personas.isActive(dto.personaId))) throw personaUnknown();
    const saved = await this.trajectories.setPersona(trajectoryId, version, dto.personaId);
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
    if (await this.personas.nameTaken(name, exceptId)) throw personaExists();
  }
}
