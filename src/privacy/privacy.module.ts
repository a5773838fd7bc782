import { Global, Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer';
import { AuditService } from './audit.service';
import { ConsentChecks } from './consent-checks';

@Global()
@Module({
  providers: [AuditService, AuditSealer, ConsentChecks],
  exports: [AuditService, AuditSealer, ConsentChecks],
})
export class PrivacyModule {}
