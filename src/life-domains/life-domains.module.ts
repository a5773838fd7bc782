import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { LifeDomainsController } from './life-domains.controller';
import { LifeDomainsRepository } from './life-domains.repository';
import { LifeDomainsService } from './life-domains.service';

@Module({
  imports: [TrajectoriesModule],
  controllers: [LifeDomainsController],
  providers: [LifeDomainsService, LifeDomainsRepository],
})
export class LifeDomainsModule {}
