import { Module } from '@nestjs/common';
import { PersonaChecks } from './persona-checks';

@Module({ providers: [PersonaChecks], exports: [PersonaChecks] })
export class PersonaChecksModule {}
