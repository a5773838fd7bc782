import { Injectable } from '@nestjs/common';
import { PersonasRepository } from './personas.repository';

/**
 * For trajectories: whether a persona may be carried, apart from PersonasService so that the
 * trajectories module can ask without a circular import (LearningModule imports TrajectoriesModule).
 */
@Injectable()
export class PersonaChecks {
  constructor(private readonly personas: PersonasRepository) {}

  // For trajectories: a new trajectory may name an active persona of the caller's partnership only.
  isActive(id: string): Promise<boolean> {
    return this.personas.isActive(id);
  }
}
