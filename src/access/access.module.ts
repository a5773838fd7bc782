import { Global, Module } from '@nestjs/common';
import { AccessGrantsRepository } from './access-grants.repository';
import { AccessService } from './access.service';

@Global()
@Module({ providers: [AccessService, AccessGrantsRepository], exports: [AccessService] })
export class AccessModule {}
