import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { LifeDomainsController } from './life-domains.controller';
import { LifeDomainsService } from './life-domains.service';

@Module({
  imports: [TrajectoriesModule],
  controllers: [LifeDomainsController],
  providers: [LifeDomainsService],
})
export class LifeDomainsModule {}
