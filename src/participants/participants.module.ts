import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { InszProtector } from './insz-protector';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [AccessModule, PrivacyModule],
  controllers: [ParticipantsController],
  providers: [ParticipantsService, InszProtector],
  exports: [ParticipantsService, InszProtector],
})
export class ParticipantsModule {}
