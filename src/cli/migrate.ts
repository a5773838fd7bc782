import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createMigrationDataSource } from '../database/data-sources';
import { ENTITIES } from '../entities';
import { runCli, UsageError } from '../database/cli/cli-runner';
import { entityDiff } from '../database/cli/entity-diff';
import { MIGRATION_NAME, registerMigration, renderMigration } from '../database/cli/migration-file';

const USAGE = 'Usage: migrate.js run | revert | check | generate <PascalCaseName>';

async function run(ds: DataSource): Promise<void> {
  const done = await ds.runMigrations({ transaction: 'each' });
  console.log(done.length ? `Applied: ${done.map((m) => m.name).join(', ')}` : 'No pending migrations.');
}

async function revert(ds: DataSource): Promise<void> {
  const [{ present }] = await ds.query(`select to_regclass('migrations') is not null as present`);
  const last: { name: string }[] = present
    ? await ds.query('select name from migrations order by timestamp desc, id desc limit 1')
    : [];
  if (!last.length) {
    console.log('Nothing to revert: no migration has run.');
    return;
  }
  await ds.undoLastMigration({ transaction: 'each' });
  console.log(`Reverted: ${last[0].name}`);
}

/** Exits non-zero when the entities and the migrated schema disagree: a missing migration. */
async function check(ds: DataSource): Promise<void> {
  const diff = await entityDiff(ds);
  if (!diff.up.length) {
    console.log('The database schema matches the entities.');
    return;
  }
  throw new UsageError(
    `The entities differ from the migrated schema:\n${diff.up.map((q) => `  ${q.query};`).join('\n')}`,
  );
}

async function generate(ds: DataSource, name: string): Promise<void> {
  const dir = resolve('migrations');
  const indexFile = join(dir, 'index.ts');
  if (!existsSync(indexFile)) throw new UsageError(`No ${indexFile}: run this from the project root.`);
  if (await ds.showMigrations()) {
    throw new UsageError(
      'Run the pending migrations first (npm run migration:run): the diff would repeat them.',
    );
  }
  const diff = await entityDiff(ds);
  if (!diff.up.length) {
    console.log('The entities match the database: nothing to generate.');
    return;
  }
  const epoch = Date.now();
  const fileBase = `${epoch}-${name}`;
  const file = join(dir, `${fileBase}.ts`);
  writeFileSync(file, renderMigration(name, epoch, diff.up, diff.down));
  console.log(`Wrote ${file} (${diff.up.length} statement(s)).`);
  const index = registerMigration(readFileSync(indexFile, 'utf8'), fileBase, `${name}${epoch}`);
  if (index) {
    writeFileSync(indexFile, index);
    console.log(`Registered it in ${indexFile}.`);
  } else {
    console.log(`Add ${name}${epoch} to MIGRATIONS in ${indexFile} by hand.`);
  }
  console.log('Now review it by hand (RLS, grants, indexes), then run: npx prettier --write migrations');
}

const [command, name] = process.argv.slice(2);
const COMMANDS: Record<string, (ds: DataSource) => Promise<void>> = {
  run,
  revert,
  check,
  generate: (ds) => generate(ds, name),
};

function checkUsage(): void {
  if (!COMMANDS[command]) throw new UsageError(USAGE);
  if (command === 'generate' && !MIGRATION_NAME.test(name ?? '')) {
    throw new UsageError(`Give the migration a PascalCase name, e.g. AddParticipants.\n${USAGE}`);
  }
}

void runCli(async (database) => {
  const ds = await createMigrationDataSource(database.adminUrl, ENTITIES).initialize();
  try {
    await COMMANDS[command](ds);
  } finally {
    await ds.destroy();
  }
}, checkUsage);
