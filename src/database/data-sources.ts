import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { OWNER_ROLE } from './database-roles';

export interface PoolOptions {
  poolSize: number;
  statementTimeoutMs: number;
  acquireTimeoutMs: number;
}

/**
 * The entity classes TypeORM maps. The list is assembled above the modules (`src/entities.ts`) and handed
 * down, so the ground floor imports no feature module.
 */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/** The runtime data source: connects as the app role, and every request runs in its own transaction. */
export function createAppDataSource(url: string, pool: PoolOptions, entities: EntityList): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // TypeORM overrides extra.application_name with this option, so it must be set here.
    applicationName: 'jobteam-crm',
    extra: {
      max: pool.poolSize,
      connectionTimeoutMillis: pool.acquireTimeoutMs,
      statement_timeout: pool.statementTimeoutMs,
      idle_in_transaction_session_timeout: pool.statementTimeoutMs * 2,
    },
  });
}

/**
 * Migrations run as the owner role, so the app role never owns what RLS protects. Running them needs no
 * entities; comparing the schema with the entities (`migration:check`, `generate`) does.
 */
export function createMigrationDataSource(url: string, entities: EntityList = []): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: 1, options: `-c role=${OWNER_ROLE}`, application_name: 'jobteam-crm-migrate' },
  });
}

export async function runMigrations(url: string): Promise<string[]> {
  const ds = await createMigrationDataSource(url).initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
