import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { CaseMeetingItemsController } from './case-meeting-items.controller';
import { CaseMeetingItemsService } from './case-meeting-items.service';
import { CaseMeetingsController } from './case-meetings.controller';
import { CaseMeetingsService } from './case-meetings.service';

@Module({
  imports: [ReferralsModule],
  controllers: [CaseMeetingsController, CaseMeetingItemsController],
  providers: [CaseMeetingsService, CaseMeetingItemsService],
  exports: [CaseMeetingsService],
})
export class CaseMeetingsModule {}
