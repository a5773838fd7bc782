import { INestApplicationContext, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, Logger } from 'typeorm';
import { createApp } from '../../app.factory';
import { generateAuditSigningKey } from '../../common/crypto/audit-signing';
import { SQL_EXAMPLE_ACTORS, SQL_FIXTURE, SqlExample } from '../../common/persistence/generate-sql';
import { loadEnvironment } from '../../config/environment';
import { Clock } from '../../database/clock';
import { APP_DATA_SOURCE, DatabaseContext } from '../../database/database-context.service';
import { FIXTURE_TIME } from './fixture';

type Class = abstract new (...args: never[]) => unknown;

/** What one example did: the statements TypeORM sent, in order, and the error it ended with, if any. */
export interface ExampleResult {
  statements: string[];
  error?: string;
}

/** Thrown inside the transaction to roll it back once the statements are captured. */
class RollBack extends Error {}

/**
 * Runs repository methods the way a request does: in the real app (so a repository gets its real
 * dependencies), through DatabaseContext.runAsStaff as the fixture's coach or the staff member the example
 * names (so BEGIN sets the same RLS context as in production), with a TypeORM logger that records every statement; then rolls back.
 */
export class ExampleRunner {
  private capturing: string[] | undefined;

  private constructor(
    private readonly app: INestApplicationContext,
    private readonly dataDir: string,
  ) {
    const recordQuery = (query: string) => this.capturing?.push(query);
    const logger: Logger = {
      // Every statement passes here before it runs, a failing one too: logQueryError would repeat it.
      logQuery: recordQuery,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    app.get<DataSource>(APP_DATA_SOURCE).setOptions({ logger });
    // Every example sees the same moment, so no SQL the repository builds depends on today.
    const clock = app.get(Clock);
    clock.now = () => new Date(FIXTURE_TIME);
  }

  static async start(appUrl: string): Promise<ExampleRunner> {
    const dataDir = mkdtempSync(join(tmpdir(), 'jobteam-sql-sync-data-'));
    const env = loadEnvironment({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      MIGRATIONS_RUN: 'false',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'fatal',
    });
    // Synthetic secrets: nothing here is stored, and the SQL text does not depend on them.
    const secrets = {
      jwtSecret: 'sql-sync-jwt-secret-that-is-long-enough-for-hs256-0123456789',
      inszHashKey: 'sql-sync-insz-hash-key-0123456789abcdef0123456789abcdef',
      appDbPassword: decodeURIComponent(new URL(appUrl).password),
      embeddedSuperPassword: '',
      auditSigningKey: generateAuditSigningKey(),
    };
    const app = await createApp({ env, secrets, appUrl }, false);
    return new ExampleRunner(app, dataDir);
  }

  /** The app's instance of a registered repository; an unregistered one (a test's) is built with the app's providers. */
  async instanceOf(repository: Class): Promise<Record<string, unknown>> {
    // Through ModuleRef: the app's own get() exits the process on an unknown provider.
    const modules = this.app.get(ModuleRef);
    const type = repository as unknown as Type<Record<string, unknown>>;
    try {
      return modules.get(type, { strict: false });
    } catch {
      return modules.create(type);
    }
  }

  async run(instance: Record<string, unknown>, method: string, example: SqlExample): Promise<ExampleResult> {
    const db = this.app.get(DatabaseContext);
    const scope = {
      tenantId: SQL_FIXTURE.partnershipId,
      staffId: SQL_EXAMPLE_ACTORS[example.as ?? 'coach'],
      requestId: 'sql-sync',
    };
    const statements: string[] = [];
    let error: string | undefined;
    await db
      .runAsStaff(scope, async (actor) => {
        if (!actor)
          throw new Error(`The SQL fixture has no active ${example.as ?? 'coach'}: was it written?`);
        try {
          await example.before?.(db.manager);
          this.capturing = statements;
          const fn = instance[method] as (...args: unknown[]) => unknown;
          await fn.apply(instance, example.params ?? []);
        } catch (err) {
          error = (err as Error)?.message ?? String(err);
        } finally {
          this.capturing = undefined;
        }
        throw new RollBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RollBack)) throw err;
      });
    return error === undefined ? { statements } : { statements, error };
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
