import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { StaffModule } from '../staff/staff.module';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  imports: [TrajectoriesModule, StaffModule, OrganisationsModule, ParticipantsModule],
  controllers: [ContactsController],
  providers: [ContactsService, ContactsRepository],
  exports: [ContactsService],
})
export class ContactsModule {}
