import { actorFromStaff } from '../access/actor';
import { loadSecrets } from '../config/secrets';
import { Clock } from '../database/clock';
import { DatabaseContext } from '../database/database-context.service';
import { createAppDataSource, runMigrations } from '../database/data-sources';
import { ENTITIES } from '../entities';
import { DEMO_ADMIN_EMAIL, demoLogins, formatDemoLogins, seedDemo } from '../seed/demo-seed';
import { runCli, UsageError } from '../database/cli/cli-runner';

/**
 * `npm run seed:demo`: migrates, then builds the Jobteam Gent demo unless it is there already.
 * It writes through the app role with the tenant context set, as `npm start` does, so the seed
 * passes the same RLS policies as every request.
 */
void runCli(
  async (database, env) => {
    const applied = await runMigrations(database.adminUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    const dataSource = await createAppDataSource(
      database.appUrl,
      {
        poolSize: 2,
        statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
        acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
      },
      ENTITIES,
    ).initialize();
    try {
      const db = new DatabaseContext(dataSource, new Clock(), actorFromStaff);
      const existing: unknown[] = await db.runWithoutTenant((m) =>
        m.query('select id from app_login_lookup($1)', [DEMO_ADMIN_EMAIL]),
      );
      if (existing.length) {
        console.log(`The demo partnership Jobteam Gent is already there (${DEMO_ADMIN_EMAIL} exists).`);
        console.log(formatDemoLogins(demoLogins()));
        return;
      }
      const logins = await seedDemo(db, {
        inszHashKey: loadSecrets(env).inszHashKey,
        log: (l) => console.log(l),
      });
      console.log(`Seeded the demo partnership Jobteam Gent: ${logins.length} staff members.`);
      console.log(formatDemoLogins(logins));
    } finally {
      await dataSource.destroy();
    }
  },
  (env) => {
    if (env.NODE_ENV === 'production') {
      throw new UsageError('Refusing to seed the demo with NODE_ENV=production: its passwords are public.');
    }
  },
);
