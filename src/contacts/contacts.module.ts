import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

@Module({
  imports: [TrajectoriesModule],
  controllers: [ContactsController],
  providers: [ContactsService],
})
export class ContactsModule {}
