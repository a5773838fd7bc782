import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TeamsModule } from '../teams/teams.module';
import { StaffCredentialsRepository } from './staff-credentials.repository';
import { StaffCredentialsService } from './staff-credentials.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [OrganisationsModule, TeamsModule],
  controllers: [StaffController],
  providers: [StaffService, StaffCredentialsService, StaffRepository, StaffCredentialsRepository],
  exports: [StaffService, StaffCredentialsService],
})
export class StaffModule {}
