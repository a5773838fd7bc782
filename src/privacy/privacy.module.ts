import { Global, Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { ConsentChecks } from './consent-checks';
import { ConsentsRepository } from './consents.repository';

@Global()
@Module({
  providers: [AuditService, AuditSealer, ConsentChecks, AuditRepository, ConsentsRepository],
  // The repositories too: the privacy routes (DataProtectionModule) search the log and record consents through them.
  exports: [AuditService, AuditSealer, ConsentChecks, AuditRepository, ConsentsRepository],
})
export class PrivacyModule {}
