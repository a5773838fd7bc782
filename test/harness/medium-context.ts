import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Actor } from '../../src/access/actor';
import { AppModule } from '../../src/app.module';
import { loadEnvironment } from '../../src/config/environment';
import { Clock } from '../../src/database/clock';
import { DatabaseContext } from '../../src/database/database-context.service';
import { deriveAppUrl } from '../../src/database/database-roles';
import { TEST_SECRETS } from './test-app';
import { createDatabaseFromTemplate, dropDatabase, testInfo } from './test-database';

/**
 * The medium tier (immich's name): the real services on a real database, without HTTP. A test calls a service as a
 * staff member inside `DatabaseContext.runAsStaff`, the same transaction and RLS context a request gets, so business
 * rules over time (hand-overs, reopenings, withdrawals, quarters) are checked where they live, in a few milliseconds.
 */
export interface MediumContext {
  app: INestApplicationContext;
  db: DatabaseContext;
  clock: Clock;
  databaseName: string;
  /** A provider of the application, e.g. `m.get(TrajectoriesService)`. */
  get<T>(type: Type<T>): T;
  /**
   * Runs `fn` in one transaction as `staff`, as a request of theirs would: services read the actor, the time and the
   * transaction from the context. Fails if the staff member is unknown or inactive, as a request would with 401.
   */
  as<T>(staff: { id: string; partnershipId: string }, fn: (actor: Actor) => Promise<T>): Promise<T>;
  /** Runs SQL as the superuser, past RLS: for assertions about what was stored, never for the system under test. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Not available: the medium tier has no HTTP, so there is no bearer token to hand out. */
  token(): never;
  close(): Promise<void>;
}

/** One application context (no HTTP listener) on one fresh database per test file. */
export async function createMediumContext(envOverrides: Record<string, string> = {}): Promise<MediumContext> {
  const info = testInfo();
  const databaseName = `jobteam_test_${info.runId}_${randomBytes(4).toString('hex')}`;
  const adminUrl = await createDatabaseFromTemplate(info, databaseName);
  const appUrl = deriveAppUrl(adminUrl, info.appPassword);
  const env = loadEnvironment({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'jobteam-data-')),
    MIGRATIONS_RUN: 'false',
    DEMO_SEED: 'false',
    LOG_LEVEL: 'fatal',
    ...envOverrides,
  });
  const secrets = { ...TEST_SECRETS, appDbPassword: info.appPassword };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env, secrets, appUrl }), {
    logger: false,
  });
  await app.init();
  const db = app.get(DatabaseContext);
  return {
    app,
    db,
    clock: app.get(Clock),
    databaseName,
    get: (type) => app.get(type),
    as: (staff, fn) =>
      db.runAsStaff(
        { tenantId: staff.partnershipId, staffId: staff.id, requestId: randomUUID() },
        (actor) => {
          if (!actor) throw new Error(`staff member ${staff.id} is unknown or inactive`);
          return fn(actor);
        },
      ),
    sql: async <T>(text: string, params: unknown[] = []) => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    token: () => {
      throw new Error('the medium tier has no HTTP: call services through as()');
    },
    close: async () => {
      await app.close();
      await dropDatabase(info, databaseName);
    },
  };
}
