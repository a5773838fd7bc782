import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { format } from 'sql-formatter';
import { generatedSqlMethods, SqlExample } from '../../common/persistence/generate-sql';
import { ExampleResult } from './example-runner';

type Class = abstract new (...args: never[]) => unknown;

/** A repository file: its path from the project root (`src/<module>/….repository.ts`) and its exports. */
export interface RepositoryFile {
  source: string;
  exports: Record<string, unknown>;
}

/** Runs one example of one method (ExampleRunner in the CLI). */
export interface RunExample {
  (repository: Class, method: string, example: SqlExample): Promise<ExampleResult>;
}

/**
 * The query files, and the examples that went wrong: one that errored without `expectError` (its file
 * would miss the statements after the error), or one with `expectError` that did not error.
 */
export interface RenderedQueryFiles {
  files: Map<string, string>;
  failures: string[];
}

const HEADER = '-- NOTE: written by `npm run sql:sync`; do not edit by hand.\n';

/** `src/<module>/…/<name>.repository.ts` → `src/<module>/queries/<name>.repository.sql`. */
export function queryFileOf(source: string): string {
  const parts = source.split(/[\\/]/);
  if (parts[0] !== 'src' || parts.length < 3) throw new Error(`${source} is not in a module under src/`);
  return [parts[0], parts[1], 'queries', basename(source).replace(/\.ts$/, '.sql')].join('/');
}

/** Every `*.repository.ts` under `root/src`, as paths from `root`, in a fixed order. */
export function findRepositorySources(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.repository.ts')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, 'src'));
  return found.sort();
}

/** The repository classes a file exports (those with at least one @GenerateSql method), by name. */
function repositoryClasses(file: RepositoryFile): [string, Class][] {
  return Object.entries(file.exports)
    .filter((entry): entry is [string, Class] => typeof entry[1] === 'function')
    .filter(([, value]) => generatedSqlMethods(value).length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
}

function formatSql(sql: string): string {
  try {
    return format(sql, { language: 'postgresql', paramTypes: { numbered: ['$'] } });
  } catch {
    return sql.trim(); // a statement the formatter does not parse is still worth reading
  }
}

/** The contents of every query file the repositories produce, keyed by path from the project root. */
export async function renderQueryFiles(
  files: RepositoryFile[],
  runExample: RunExample,
): Promise<RenderedQueryFiles> {
  const rendered = new Map<string, string>();
  const failures: string[] = [];
  for (const file of [...files].sort((a, b) => a.source.localeCompare(b.source))) {
    const sections: string[] = [];
    for (const [className, repository] of repositoryClasses(file)) {
      for (const { method, examples } of generatedSqlMethods(repository)) {
        for (const [i, example] of examples.entries()) {
          const label = example.name ?? (examples.length > 1 ? `example ${i + 1}` : '');
          const result = await runExample(repository, method, example);
          const title = `${className}.${method}(${label})`;
          const lines = [`-- ${title}`];
          lines.push(...result.statements.map((s) => `${formatSql(s)};`));
          if (!result.statements.length) lines.push('-- (no statement)');
          const error = result.error?.replace(/\s+/g, ' ');
          if (error !== undefined)
            lines.push(`-- ${example.expectError ? 'expected error' : 'error'}: ${error}`);
          if (error !== undefined && !example.expectError)
            failures.push(`${file.source}: ${title}: ${error}`);
          if (error === undefined && example.expectError)
            failures.push(`${file.source}: ${title}: ran without the error it expects`);
          sections.push(lines.join('\n'));
        }
      }
    }
    if (!sections.length) continue;
    const path = queryFileOf(file.source);
    // Two repository files of one module with one name cannot happen (same folder); across subfolders it could.
    if (rendered.has(path)) throw new Error(`Two repositories write ${path}: rename one of them.`);
    rendered.set(path, `${HEADER}\n${sections.join('\n\n')}\n`);
  }
  return { files: rendered, failures };
}

/** Every committed query file: `src/<module>/queries/*.sql`. */
function existingQueryFiles(root: string): string[] {
  const src = join(root, 'src');
  if (!existsSync(src)) return [];
  const found: string[] = [];
  for (const module of readdirSync(src, { withFileTypes: true })) {
    const queries = join(src, module.name, 'queries');
    if (!module.isDirectory() || !existsSync(queries)) continue;
    for (const f of readdirSync(queries))
      if (f.endsWith('.sql')) found.push(`src/${module.name}/queries/${f}`);
  }
  return found.sort();
}

export interface QueryFileDrift {
  stale: string[];
  missing: string[];
  orphaned: string[];
}

export function compareQueryFiles(root: string, expected: Map<string, string>): QueryFileDrift {
  const drift: QueryFileDrift = { stale: [], missing: [], orphaned: [] };
  for (const [path, content] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
    const full = join(root, path);
    if (!existsSync(full)) drift.missing.push(path);
    else if (readFileSync(full, 'utf8') !== content) drift.stale.push(path);
  }
  drift.orphaned = existingQueryFiles(root).filter((path) => !expected.has(path));
  return drift;
}

/** Writes what changed and removes query files no repository produces any more; returns what it touched. */
export function writeQueryFiles(root: string, expected: Map<string, string>): QueryFileDrift {
  const drift = compareQueryFiles(root, expected);
  for (const path of [...drift.missing, ...drift.stale]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), expected.get(path)!);
  }
  for (const path of drift.orphaned) {
    rmSync(join(root, path));
    const dir = dirname(join(root, path));
    if (!readdirSync(dir).length) rmSync(dir, { recursive: true });
  }
  return drift;
}
