import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { TeamsModule } from '../teams/teams.module';
import { InszProtector } from './insz-protector';
import { ParticipantsController } from './participants.controller';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [AccessModule, PrivacyModule, TeamsModule],
  controllers: [ParticipantsController],
  providers: [ParticipantsService, ParticipantsRepository, InszProtector],
  exports: [ParticipantsService, InszProtector],
})
export class ParticipantsModule {}
