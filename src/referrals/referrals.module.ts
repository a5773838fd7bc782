import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { StaffModule } from '../staff/staff.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ReferralsController } from './referrals.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';
import { VdabCheckController } from './vdab-check.controller';
import { VdabCheckService } from './vdab-check.service';

@Module({
  imports: [ParticipantsModule, TrajectoriesModule, OrganisationsModule, StaffModule],
  controllers: [ReferralsController, VdabCheckController],
  providers: [ReferralsService, ReferralsRepository, VdabCheckService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
