import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from './clock';
import {
  ACTOR_FROM_STAFF,
  ActorFromStaff,
  APP_DATA_SOURCE,
  DatabaseContext,
} from './database-context.service';
import { createAppDataSource, EntityList, PoolOptions } from './data-sources';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * `entities` and `actorFromStaff` come from above (the app module): the entity list and what a role may do
   * belong to the feature modules, and the ground floor imports none of them.
   */
  static forRoot(
    appUrl: string,
    pool: PoolOptions,
    above: { entities: EntityList; actorFromStaff: ActorFromStaff },
  ): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        Clock,
        DatabaseContext,
        { provide: ACTOR_FROM_STAFF, useValue: above.actorFromStaff },
        {
          provide: APP_DATA_SOURCE,
          useFactory: () => createAppDataSource(appUrl, pool, above.entities).initialize(),
        },
      ],
      exports: [Clock, DatabaseContext, APP_DATA_SOURCE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
