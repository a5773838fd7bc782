import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { ParticipantsModule } from '../participants/participants.module';
import { StaffModule } from '../staff/staff.module';
import { GroupSessionsController } from './group-sessions.controller';
import { GroupSessionsRepository } from './group-sessions.repository';
import { GroupSessionsService } from './group-sessions.service';

@Module({
  imports: [StaffModule, ParticipantsModule, ContactsModule],
  controllers: [GroupSessionsController],
  providers: [GroupSessionsService, GroupSessionsRepository],
  exports: [GroupSessionsService],
})
export class GroupSessionsModule {}
