import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { HealthRepository } from './health.repository';
import { ShutdownState } from './shutdown-state';

/** Readiness: 503 while the process drains or the database does not answer. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    private readonly shutdown: ShutdownState,
  ) {}

  async ready(): Promise<void> {
    if (this.shutdown.isDraining)
      throw new DomainError(503, 'SHUTTING_DOWN', 'The server is shutting down; send requests elsewhere.');
    try {
      await this.health.ping();
    } catch {
      throw new DomainError(503, 'DATABASE_UNAVAILABLE', 'The database is not reachable.');
    }
  }
}
