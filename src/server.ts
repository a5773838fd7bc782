import { LoggerService } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp, createLogger } from './app.factory';
import { Environment, loadEnvironment } from './config/environment';
import { loadSecrets } from './config/secrets';
import { APP_DATA_SOURCE, DatabaseContext } from './database/database-context.service';
import { resolveDatabase } from './database/database-connection';
import { runMigrations } from './database/data-sources';
import { assertRuntimeRoleIsSafe } from './database/runtime-role-check';
import { bootstrapAdmin } from './seed/bootstrap-admin';
import { seedDemo } from './seed/demo-seed';
import { demoLoginsMessage } from './seed/demo-logins-output';
import { readableLogs } from './common/logging/logger';
import { ShutdownState } from './health/shutdown-state';

export interface RunningServer {
  app: NestFastifyApplication;
  url: string;
  env: Environment;
  /**
   * Graceful shutdown: readiness answers 503 at once; with `drain`, requests are still served for
   * SHUTDOWN_DELAY_SECONDS so load balancers notice; then the listener closes, in-flight requests get
   * at most SHUTDOWN_TIMEOUT_SECONDS before their connections are cut, the pool closes, and last an
   * embedded database stops.
   */
  stop(options?: { drain?: boolean }): Promise<void>;
}

/** Everything `npm start` does: database, migrations, safety check, bootstrap/demo, listen. */
export async function startServer(
  source: NodeJS.ProcessEnv = process.env,
  logger?: LoggerService,
): Promise<RunningServer> {
  const env = loadEnvironment(source);
  const log = logger ?? createLogger(env.LOG_LEVEL, env.NODE_ENV);
  const secrets = loadSecrets(env);
  const database = await resolveDatabase(env, secrets);
  let app: NestFastifyApplication | undefined;
  try {
    if (env.MIGRATIONS_RUN) {
      const ran = await runMigrations(database.adminUrl);
      if (ran.length) log.log({ msg: 'migrations applied', migrations: ran }, 'Database');
    }
    app = await createApp({ env, secrets, appUrl: database.appUrl }, log);
    await assertRuntimeRoleIsSafe(app.get<DataSource>(APP_DATA_SOURCE));
    const db = app.get(DatabaseContext);
    if (await bootstrapAdmin(db, env))
      log.log({ msg: 'bootstrap admin created', partnership: env.BOOTSTRAP_PARTNERSHIP }, 'Bootstrap');
    const bootstrapping = Boolean(env.BOOTSTRAP_ADMIN_EMAIL);
    if (env.DEMO_SEED && !bootstrapping && env.NODE_ENV !== 'production') {
      const [{ count }] = await db.runWithoutTenant<{ count: string }[]>((m) =>
        m.query('select app_partnership_count() as count'),
      );
      if (Number(count) === 0) {
        const logins = await seedDemo(db, {
          inszHashKey: secrets.inszHashKey,
          log: (l) => log.log(l, 'Demo'),
        });
        log.log(demoLoginsMessage(logins, readableLogs(env.NODE_ENV)), 'Demo');
      }
    }
    await app.listen({ port: env.PORT, host: env.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
    log.log(
      {
        msg: 'Jobteam CRM is listening',
        url,
        docs: `${url}/docs`,
        database: database.embedded ? 'embedded' : 'DATABASE_URL',
      },
      'Server',
    );
    const started = app;
    let stopping: Promise<void> | undefined;
    return {
      app: started,
      url,
      env,
      stop: (options) =>
        (stopping ??= (async () => {
          started.get(ShutdownState).begin();
          if (options?.drain && env.SHUTDOWN_DELAY_SECONDS > 0) {
            log.log(
              { msg: 'draining: readiness answers 503', seconds: env.SHUTDOWN_DELAY_SECONDS },
              'Server',
            );
            await new Promise((r) => setTimeout(r, env.SHUTDOWN_DELAY_SECONDS * 1000));
          }
          const http = started.getHttpServer();
          const cut = setTimeout(() => {
            log.warn({ msg: 'shutdown timeout: closing the connections still open' }, 'Server');
            http.closeAllConnections();
          }, env.SHUTDOWN_TIMEOUT_SECONDS * 1000);
          try {
            await started.close();
          } finally {
            clearTimeout(cut);
            await database.embedded?.stop();
          }
        })()),
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.embedded?.stop();
    throw err;
  }
}
