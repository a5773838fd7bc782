import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { StaffModule } from '../staff/staff.module';
import { TeamsModule } from '../teams/teams.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { CaseMeetingItemsController } from './case-meeting-items.controller';
import { CaseMeetingItemsRepository } from './case-meeting-items.repository';
import { CaseMeetingItemsService } from './case-meeting-items.service';
import { CaseMeetingsController } from './case-meetings.controller';
import { CaseMeetingsRepository } from './case-meetings.repository';
import { CaseMeetingsService } from './case-meetings.service';

@Module({
  imports: [
    ReferralsModule,
    ContactsModule,
    StaffModule,
    TeamsModule,
    OrganisationsModule,
    ParticipantsModule,
    TrajectoriesModule,
  ],
  controllers: [CaseMeetingsController, CaseMeetingItemsController],
  providers: [
    CaseMeetingsService,
    CaseMeetingItemsService,
    CaseMeetingsRepository,
    CaseMeetingItemsRepository,
  ],
  exports: [CaseMeetingsService],
})
export class CaseMeetingsModule {}
