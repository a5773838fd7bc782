import { Module } from '@nestjs/common';
import { PersonaChecks } from './persona-checks';
import { PersonasRepository } from './personas.repository';

@Module({ providers: [PersonaChecks, PersonasRepository], exports: [PersonaChecks] })
export class PersonaChecksModule {}
