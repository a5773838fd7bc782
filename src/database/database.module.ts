import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from './clock';
import { APP_DATA_SOURCE, DatabaseContext } from './database-context.service';
import { createAppDataSource, PoolOptions } from './data-sources';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  static forRoot(appUrl: string, pool: PoolOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        Clock,
        DatabaseContext,
        { provide: APP_DATA_SOURCE, useFactory: () => createAppDataSource(appUrl, pool).initialize() },
      ],
      exports: [Clock, DatabaseContext, APP_DATA_SOURCE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
