import { DynamicModule, Global, Module } from '@nestjs/common';
import { Environment } from './environment';
import { Secrets } from './secrets';

export const ENV = Symbol('ENV');
export const SECRETS = Symbol('SECRETS');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Environment, secrets: Secrets): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: ENV, useValue: env },
        { provide: SECRETS, useValue: secrets },
      ],
      exports: [ENV, SECRETS],
    };
  }
}
