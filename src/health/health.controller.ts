import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';
import { ShutdownState } from './shutdown-state';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DatabaseContext,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and the process is not shutting down' })
  async ready() {
    if (this.shutdown.isDraining)
      throw new DomainError(503, 'SHUTTING_DOWN', 'The server is shutting down; send requests elsewhere.');
    try {
      await this.db.runWithoutTenant((m) => m.query('select 1'));
    } catch {
      throw new DomainError(503, 'DATABASE_UNAVAILABLE', 'The database is not reachable.');
    }
    return { status: 'ok', database: 'up' };
  }
}
