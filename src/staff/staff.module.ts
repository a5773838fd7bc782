import { Module } from '@nestjs/common';
import { StaffCredentialsService } from './staff-credentials.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  controllers: [StaffController],
  providers: [StaffService, StaffCredentialsService],
  exports: [StaffService, StaffCredentialsService],
})
export class StaffModule {}
