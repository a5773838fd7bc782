import { Module } from '@nestjs/common';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';

@Module({
  providers: [PartnershipsService, PartnershipsRepository],
  exports: [PartnershipsService],
})
export class PartnershipsModule {}
