import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { GoalsController } from './goals.controller';
import { GoalsService } from './goals.service';

@Module({
  imports: [TrajectoriesModule],
  controllers: [GoalsController],
  providers: [GoalsService],
})
export class GoalsModule {}
