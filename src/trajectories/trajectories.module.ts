import { Module } from '@nestjs/common';
import { PersonaChecksModule } from '../learning/persona-checks.module';
import { ParticipantsModule } from '../participants/participants.module';
import { PlacementExitsModule } from '../placements/placement-exits.module';
import { StaffModule } from '../staff/staff.module';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesRepository } from './trajectories.repository';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryStaffRepository } from './trajectory-staff.repository';

@Module({
  imports: [PlacementExitsModule, ParticipantsModule, StaffModule, PersonaChecksModule],
  controllers: [TrajectoriesController],
  providers: [TrajectoriesService, TrajectoriesRepository, TrajectoryStaffRepository],
  exports: [TrajectoriesService],
})
export class TrajectoriesModule {}
