import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Actor } from '../../src/access/actor';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/database/clock';
import { DatabaseContext } from '../../src/database/database-context.service';
import { createTestDatabase } from './test-app';

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
  const { databaseName, appUrl, env, secrets, sql, drop } = await createTestDatabase(envOverrides);
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
    sql,
    token: () => {
      throw new Error('the medium tier has no HTTP: call services through as()');
    },
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
