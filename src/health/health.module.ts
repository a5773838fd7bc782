import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';
import { ShutdownState } from './shutdown-state';

@Module({
  controllers: [HealthController],
  providers: [HealthService, HealthRepository, ShutdownState],
  // server.ts begins the drain on SIGTERM.
  exports: [ShutdownState],
})
export class HealthModule {}
