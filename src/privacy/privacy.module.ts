import { Global, Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { ConsentChecks } from './consent-checks';

@Global()
@Module({
  providers: [AuditService, AuditSealer, ConsentChecks, AuditRepository],
  // The repository too: the privacy routes (DataProtectionModule) search the log through it.
  exports: [AuditService, AuditSealer, ConsentChecks, AuditRepository],
})
export class PrivacyModule {}
