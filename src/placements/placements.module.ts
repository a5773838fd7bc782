import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { PlacementExitsModule } from './placement-exits.module';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';

@Module({
  imports: [TrajectoriesModule, EmployersModule, PlacementExitsModule],
  controllers: [PlacementsController],
  providers: [PlacementsService],
})
export class PlacementsModule {}
