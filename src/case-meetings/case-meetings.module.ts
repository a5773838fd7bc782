import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { CaseMeetingsController } from './case-meetings.controller';
import { CaseMeetingsService } from './case-meetings.service';

@Module({
  imports: [ReferralsModule],
  controllers: [CaseMeetingsController],
  providers: [CaseMeetingsService],
  exports: [CaseMeetingsService],
})
export class CaseMeetingsModule {}
