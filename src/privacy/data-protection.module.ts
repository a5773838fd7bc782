import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { SubjectRightsController } from './subject-rights.controller';
import { SubjectRightsRepository } from './subject-rights.repository';
import { SubjectRightsService } from './subject-rights.service';

/**
 * The privacy routes. Kept apart from PrivacyModule (audit writer and consent checks, which the
 * participant feature itself imports) so the export can use the participant INSZ protector.
 */
@Module({
  imports: [ParticipantsModule, OrganisationsModule],
  controllers: [ConsentsController, AuditEventsController, SubjectRightsController],
  providers: [
    ConsentsService,
    AuditEventsService,
    AccessLogService,
    SubjectRightsService,
    AccessLogRepository,
    SubjectRightsRepository,
  ],
})
export class DataProtectionModule {}
