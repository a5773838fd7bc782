import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { ConsentChecks } from './consent-checks';

@Global()
@Module({ providers: [AuditService, ConsentChecks], exports: [AuditService, ConsentChecks] })
export class PrivacyModule {}
