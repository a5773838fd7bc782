import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { loadEnvironment } from '../config/environment';
import { loadSecrets } from '../config/secrets';
import { ExampleRunner } from './sql-sync/example-runner';
import {
  compareQueryFiles,
  findRepositorySources,
  QueryFileDrift,
  RenderedQueryFiles,
  RepositoryFile,
  renderQueryFiles,
  writeQueryFiles,
} from './sql-sync/query-files';
import { openScratchDatabase } from './sql-sync/scratch-database';

const USAGE = 'Usage: sql-sync.js sync | check';

/** Renders the query files of the given repositories in a scratch database, then drops it. */
export async function renderInScratchDatabase(
  files: RepositoryFile[],
  server?: { url: string; appPassword: string },
): Promise<RenderedQueryFiles> {
  const database = await openScratchDatabase(server);
  try {
    const runner = await ExampleRunner.start(database.appUrl);
    try {
      return await renderQueryFiles(files, async (repository, method, example) =>
        runner.run(await runner.instanceOf(repository), method, example),
      );
    } finally {
      await runner.close();
    }
  } finally {
    await database.drop();
  }
}

function describe(drift: QueryFileDrift): string[] {
  return [
    ...drift.stale.map((p) => `stale: ${p}`),
    ...drift.missing.map((p) => `missing: ${p}`),
    ...drift.orphaned.map((p) => `orphaned: ${p}`),
  ];
}

/**
 * `npm run sql:sync` writes the SQL of every repository method marked @GenerateSql to
 * `src/<module>/queries/<repository>.sql`; `npm run sql:check` fails when a committed file differs
 * (stale), is absent (missing) or has no repository (orphaned). Both fail when an example errors (unless
 * it expects to), as its file would then miss the method's later statements. Both run the examples in a fresh
 * database: on DATABASE_URL's server when set (a scratch database, dropped after), else on an embedded
 * PostgreSQL of their own, never in the database `npm start` uses.
 */
async function main(mode: string | undefined): Promise<number> {
  if (mode !== 'sync' && mode !== 'check') {
    console.error(USAGE);
    return 2;
  }
  const root = resolve('.');
  // Compiled files: this one is dist/src/cli/sql-sync.js, a repository src/x/y.repository.ts is dist/src/x/y.repository.js.
  const files: RepositoryFile[] = [];
  for (const source of findRepositorySources(root)) {
    const compiled = join(__dirname, '..', source.replace(/^src\//, '').replace(/\.ts$/, '.js'));
    files.push({ source, exports: (await import(compiled)) as Record<string, unknown> });
  }
  const env = loadEnvironment(process.env);
  const server = env.DATABASE_URL
    ? { url: env.DATABASE_URL, appPassword: loadSecrets(env).appDbPassword }
    : undefined;
  const { files: expected, failures } = await renderInScratchDatabase(files, server);
  const failed = () => {
    console.error(
      `Examples that errored; give them SQL_FIXTURE ids (or extend the fixture):\n${failures.join('\n')}`,
    );
    return 1;
  };
  if (mode === 'sync') {
    const lines = describe(writeQueryFiles(root, expected));
    console.log(lines.length ? lines.map((l) => `updated ${l}`).join('\n') : 'Query files are up to date.');
    return failures.length ? failed() : 0;
  }
  const lines = describe(compareQueryFiles(root, expected));
  if (failures.length) {
    if (lines.length) console.error(`Query files differ:\n${lines.join('\n')}`);
    return failed();
  }
  if (!lines.length) {
    console.log(`Query files are up to date (${expected.size} files from ${files.length} repositories).`);
    return 0;
  }
  console.error(
    `Query files differ from the repositories' SQL; run npm run sql:sync and commit:\n${lines.join('\n')}`,
  );
  return 1;
}

if (require.main === module) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err?.stack ?? String(err));
      process.exit(1);
    },
  );
}
