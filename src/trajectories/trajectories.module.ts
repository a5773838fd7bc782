import { Module } from '@nestjs/common';
import { PlacementExitsModule } from '../placements/placement-exits.module';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';

@Module({
  imports: [PlacementExitsModule],
  controllers: [TrajectoriesController],
  providers: [TrajectoriesService],
  exports: [TrajectoriesService],
})
export class TrajectoriesModule {}
