import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthService } from './health.service';

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
  constructor(private readonly health: HealthService) {}

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
    await this.health.ready();
    return { status: 'ok', database: 'up' };
  }
}
