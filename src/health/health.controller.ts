import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';
import { ShutdownState } from './shutdown-state';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['up'] }) database!: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DatabaseContext,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness: the process answers',
    description: 'Public, for load balancers and orchestrators. Never touches the database.',
  })
  @ApiOkResponse({ type: LivenessResponse, description: 'The process answers' })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the database answers and the process is not shutting down',
    description:
      'Public, for load balancers and orchestrators: 503 while the database does not answer or the process drains.',
  })
  @ApiOkResponse({ type: ReadinessResponse, description: 'The database answers' })
  async ready(): Promise<ReadinessResponse> {
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
