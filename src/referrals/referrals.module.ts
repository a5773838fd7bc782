import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { VdabCheckController } from './vdab-check.controller';
import { VdabCheckService } from './vdab-check.service';

@Module({
  imports: [ParticipantsModule, TrajectoriesModule],
  controllers: [ReferralsController, VdabCheckController],
  providers: [ReferralsService, VdabCheckService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
