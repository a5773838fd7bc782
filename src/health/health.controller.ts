import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabaseContext) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness: the process answers',
    description: 'Public, for load balancers and orchestrators. Never touches the database.',
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the database answers',
    description: 'Public, for load balancers and orchestrators: 503 while the database does not answer.',
  })
  async ready() {
    try {
      await this.db.runWithoutTenant((m) => m.query('select 1'));
    } catch {
      throw new DomainError(503, 'DATABASE_UNAVAILABLE', 'The database is not reachable.');
    }
    return { status: 'ok', database: 'up' };
  }
}
