import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { generateAuditSigningKey } from '../../src/common/crypto/audit-signing';
import { Environment, loadEnvironment } from '../../src/config/environment';
import { Secrets } from '../../src/config/secrets';
import { Clock } from '../../src/database/clock';
import { APP_DATA_SOURCE, DatabaseContext } from '../../src/database/database-context.service';
import { deriveAppUrl } from '../../src/database/database-roles';
import { createDatabaseFromTemplate, dropDatabase, testInfo } from './test-database';

export const TEST_SECRETS: Secrets = {
  jwtSecret: 'test-jwt-secret-that-is-long-enough-for-hs256-0123456789',
  inszHashKey: 'test-insz-hash-key-0123456789abcdef0123456789abcdef',
  appDbPassword: '',
  embeddedSuperPassword: '',
  auditSigningKey: generateAuditSigningKey(),
};

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  db: DatabaseContext;
  clock: Clock;
  dataSource: DataSource;
  databaseName: string;
  appUrl: string;
  adminUrl: string;
  token(staff: { id: string; partnershipId: string }, options?: { expiresIn?: number }): string;
  /** Runs SQL as the superuser, past RLS: for assertions about what was stored, never for the system under test. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, with the environment and secrets an app on it needs. */
export interface TestDatabase {
  databaseName: string;
  adminUrl: string;
  appUrl: string;
  env: Environment;
  secrets: Secrets;
  /** Runs SQL as the superuser, past RLS: for assertions about what was stored, never for the system under test. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** The database half of a test harness (the HTTP app here, the medium tier's application context). */
export async function createTestDatabase(env: Record<string, string>): Promise<TestDatabase> {
  const info = testInfo();
  const databaseName = `jobteam_test_${info.runId}_${randomBytes(4).toString('hex')}`;
  const adminUrl = await createDatabaseFromTemplate(info, databaseName);
  return {
    databaseName,
    adminUrl,
    appUrl: deriveAppUrl(adminUrl, info.appPassword),
    env: loadEnvironment({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jobteam-data-')),
      MIGRATIONS_RUN: 'false',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'fatal',
      ...env,
    }),
    secrets: { ...TEST_SECRETS, appDbPassword: info.appPassword },
    sql: async <T>(text: string, params: unknown[] = []) => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () => dropDatabase(info, databaseName),
  };
}

/** One app on one fresh database per test file. */
export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const { databaseName, adminUrl, appUrl, env, secrets, sql, drop } = await createTestDatabase({
    LOGIN_RATE_LIMIT: '1000',
    // The suite must never trip the general limit; rate-limit.e2e-spec.ts sets low ones on purpose.
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    ...envOverrides,
  });
  const app = await createApp({ env, secrets, appUrl }, false);
  const jwt = new JwtService({ secret: secrets.jwtSecret });
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get(DatabaseContext),
    clock: app.get(Clock),
    dataSource: app.get<DataSource>(APP_DATA_SOURCE),
    databaseName,
    appUrl,
    adminUrl,
    token: (staff, options) =>
      jwt.sign(
        { sub: staff.id, tid: staff.partnershipId },
        { expiresIn: options?.expiresIn ?? 3600, algorithm: 'HS256' },
      ),
    sql,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
