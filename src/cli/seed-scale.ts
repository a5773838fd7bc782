import 'reflect-metadata';
import { Client } from 'pg';
import { parseArgs } from 'node:util';
import { hashPassword } from '../auth/password';
import { loadEnvironment } from '../config/environment';
import { loadSecrets } from '../config/secrets';
import { resolveDatabase } from '../database/database-connection';
import { runMigrations } from '../database/data-sources';
import { SCALE_PASSWORD, seedScale } from '../seed/scale/scale-seed';

/**
 * npm run seed:scale -- --partnerships 60 --participants 150000 [--seed 42] [--contacts-per 20] [--until YYYY-MM-DD]
 * Loads Flanders-sized synthetic data into the database `npm start` would use (DATABASE_URL, or
 * the embedded one in DATA_DIR), as the owner connection, which RLS does not bind (superuser).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partnerships: { type: 'string', default: '60' },
      participants: { type: 'string', default: '150000' },
      seed: { type: 'string', default: '42' },
      'contacts-per': { type: 'string', default: '20' },
      until: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    },
  });
  const opts = {
    partnerships: Number(values.partnerships),
    participants: Number(values.participants),
    seed: Number(values.seed),
    contactsPer: Number(values['contacts-per']),
    until: String(values.until),
  };
  if (
    ![opts.partnerships, opts.participants, opts.seed, opts.contactsPer].every(Number.isInteger) ||
    opts.partnerships < 1
  )
    throw new Error('--partnerships, --participants, --seed and --contacts-per must be whole numbers');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.until)) throw new Error('--until must be YYYY-MM-DD');

  const env = loadEnvironment({ ...process.env, DEMO_SEED: 'false' });
  const secrets = loadSecrets(env);
  const database = await resolveDatabase(env, secrets);
  const client = new Client({ connectionString: database.adminUrl });
  try {
    await runMigrations(database.adminUrl);
    await client.connect();
    const { rows } = await client.query<{ rolsuper: boolean; n: string }>(
      `select rolsuper, (select count(*) from participants) as n from pg_roles where rolname = current_user`,
    );
    if (!rows[0].rolsuper)
      throw new Error(
        'seed:scale needs a superuser DATABASE_URL: it writes every tenant past RLS in one pass.',
      );
    if (Number(rows[0].n) > 0)
      throw new Error(
        `The database already holds ${rows[0].n} participants. Use an empty database (another DATA_DIR or DATABASE_URL).`,
      );
    // Bulk load: a lost last transaction after a crash only means re-running the seed.
    await client.query('set synchronous_commit = off');
    console.log(
      `Seeding ${opts.participants.toLocaleString('en')} participants in ${opts.partnerships} partnerships (seed ${opts.seed}, until ${opts.until})`,
    );
    const result = await seedScale(client, {
      ...opts,
      inszHashKey: secrets.inszHashKey,
      passwordHash: await hashPassword(SCALE_PASSWORD),
      log: (line) => console.log(`  ${line}`),
    });
    const analyzeStart = Date.now();
    await client.query('analyze');
    const total = Object.values(result.rows).reduce((s, n) => s + n, 0);
    console.log('\nRows written:');
    for (const [table, n] of Object.entries(result.rows))
      console.log(`  ${table.padEnd(26)} ${n.toLocaleString('en').padStart(12)}`);
    console.log(
      `  ${'total'.padEnd(26)} ${total.toLocaleString('en').padStart(12)} in ${(result.ms / 1000).toFixed(1)} s ` +
        `= ${Math.round(total / (result.ms / 1000)).toLocaleString('en')} rows/s (+ analyze ${((Date.now() - analyzeStart) / 1000).toFixed(1)} s)`,
    );
    console.log(`\nLogins for the bench (password for all: ${SCALE_PASSWORD}):`);
    for (const l of result.logins)
      console.log(`  ${l.email.padEnd(45)} ${l.role.padEnd(12)} ${l.partnership}`);
  } finally {
    await client.end().catch(() => undefined);
    await database.embedded?.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
