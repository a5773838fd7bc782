import { Module } from '@nestjs/common';
import { PlacementExitsService } from './placement-exits.service';
import { PlacementsRepository } from './placements.repository';

@Module({
  providers: [PlacementExitsService, PlacementsRepository],
  // The repository is shared with PlacementsModule (same feature), never with other modules.
  exports: [PlacementExitsService, PlacementsRepository],
})
export class PlacementExitsModule {}
