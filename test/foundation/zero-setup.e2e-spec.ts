import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { built, childEnv, runNode, startNode, Started } from '../harness/child-process';
import { createDatabaseFromTemplate, dropDatabase, testInfo } from '../harness/test-database';

/**
 * `npm start` on a fresh clone: no configuration at all. The built server runs in a child
 * process, because jest cannot load the ESM embedded-postgres package.
 */
const MAIN = () => built('src/main.js');
const DEMO_ADMIN = { email: 'admin.stad@demo.jobteam.gent', password: 'Jobteam-demo-2026' };

interface Instance {
  url: string;
  dataDir: string;
  started: Started;
}

/** Every data directory this file made: each holds a whole PostgreSQL cluster (~50 MB). */
const dataDirs: string[] = [];

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jobteam-zero-'));
  chmodSync(dir, 0o755); // the embedded server runs as the unprivileged postgres user
  dataDirs.push(dir);
  return dir;
}

async function waitForHealth(instance: Instance, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.started.child.exitCode !== null) {
      throw new Error(
        `The server exited early:\n${instance.started.output.stderr}${instance.started.output.stdout}`,
      );
    }
    try {
      const res = await fetch(`${instance.url}/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `No /health within ${timeoutMs} ms:\n${instance.started.output.stderr}${instance.started.output.stdout}`,
  );
}

/** Every server this file spawned, so a test that fails half-way still leaves nothing running. */
const spawned: Instance[] = [];

async function start(extra: Record<string, string> = {}, dataDir = freshDataDir()): Promise<Instance> {
  const port = await freePort();
  const started = startNode(MAIN(), [], childEnv({ DATA_DIR: dataDir, PORT: String(port), ...extra }));
  const instance = { url: `http://127.0.0.1:${port}`, dataDir, started };
  spawned.push(instance);
  await waitForHealth(instance);
  return instance;
}

/** The postmaster of this data directory, if one is running: its pid is the first line of postmaster.pid. */
function postmasterPid(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

const postgresProcessesFor = (dataDir: string) =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(join(dataDir, 'postgres')));

/** Stops a server, then (should it have been killed) its postmaster, both by pid. */
async function cleanUp(instance: Instance): Promise<void> {
  const { child } = instance.started;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await instance.started.exited;
    clearTimeout(timer);
  }
  const pid = postmasterPid(instance.dataDir);
  if (!pid) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && postmasterPid(instance.dataDir); i++)
    await new Promise((r) => setTimeout(r, 100));
}

/** The messages of the JSON log lines a process wrote. */
const logMessages = (stream: string) =>
  stream
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => String((JSON.parse(line) as { message: unknown }).message));

async function login(url: string, email: string, password: string) {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// Start-up takes ~2 s alone but much longer on a busy machine; waitForHealth allows 60 s.
const START_TIMEOUT = 90_000;

describe('zero-setup start (node dist/src/main.js)', () => {
  afterAll(async () => {
    await Promise.all(spawned.map(cleanUp));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('with no configuration at all', () => {
    let instance: Instance | undefined;

    it(
      'starts embedded PostgreSQL, migrates, seeds the demo and serves',
      async () => {
        instance = await start();
        const ready = await fetch(`${instance.url}/health/ready`);
        expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
        expect(instance.started.output.stdout).toContain('Demo logins (password for all: Jobteam-demo-2026)');
        expect(instance.started.output.stdout).toContain(`"docs":"${instance.url}/docs"`);
        // Not a terminal: every line is one JSON object, and the logins are a list, not a string of \n.
        const lines = instance.started.output.stdout.split('\n').filter(Boolean);
        const parsed = lines.map((l) => JSON.parse(l) as { message: unknown });
        const demo = parsed.find((p) => (p.message as { msg?: string })?.msg?.startsWith('Demo logins'));
        expect((demo?.message as { logins: object[] }).logins).toContainEqual({
          role: 'admin',
          email: DEMO_ADMIN.email,
          organisation: 'Stad Gent',
        });
      },
      START_TIMEOUT,
    );

    it('lets the demo admin log in and read the demo partnership', async () => {
      const res = await login(instance!.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      expect(res.status).toBe(200);
      expect(res.body.tokenType).toBe('Bearer');
      const me = await fetch(`${instance!.url}/auth/me`, {
        headers: { authorization: `Bearer ${res.body.accessToken as string}` },
      });
      const body = (await me.json()) as { partnership: { name: string }; roles: string[] };
      expect(body.partnership.name).toBe('Jobteam Gent');
      expect(body.roles).toEqual(['admin']);
      const orgs = await fetch(`${instance!.url}/organisations`, {
        headers: { authorization: `Bearer ${res.body.accessToken as string}` },
      });
      expect(((await orgs.json()) as { total: number }).total).toBe(9);
    });

    it('serves an OpenAPI 3 document at /docs-json and Swagger UI at /docs', async () => {
      const doc = (await (await fetch(`${instance!.url}/docs-json`)).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toContain('/auth/login');
      const ui = await fetch(`${instance!.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger-ui');
    });

    it('keeps the generated secrets under DATA_DIR, readable by the owner only', () => {
      const file = join(instance!.dataDir, 'secrets.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual([
        'appDbPassword',
        'auditSigningKey',
        'embeddedSuperPassword',
        'inszHashKey',
        'jwtSecret',
      ]);
    });

    it(
      'exits 0 on SIGTERM and leaves no PostgreSQL running for its data directory',
      async () => {
        expect(postmasterPid(instance!.dataDir)).toEqual(expect.any(Number));
        expect(postgresProcessesFor(instance!.dataDir).length).toBeGreaterThan(0);
        instance!.started.child.kill('SIGTERM');
        const exit = await instance!.started.exited;
        expect(exit).toEqual({ code: 0, signal: null });
        expect(postmasterPid(instance!.dataDir)).toBeUndefined();
        expect(postgresProcessesFor(instance!.dataDir)).toEqual([]);
      },
      START_TIMEOUT,
    );

    it(
      'starts again on the same data directory (now owned by postgres) and keeps its data',
      async () => {
        const again = await start({}, instance!.dataDir);
        expect((await login(again.url, DEMO_ADMIN.email, DEMO_ADMIN.password)).status).toBe(200);
        expect(again.started.output.stdout).not.toContain('Demo logins');
        again.started.child.kill('SIGTERM');
        expect(await again.started.exited).toEqual({ code: 0, signal: null });
      },
      START_TIMEOUT,
    );
  });

  describe('with BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD', () => {
    let instance: Instance | undefined;
    const admin = { email: 'Beheer@Jobteam.Example', password: 'bootstrap-password-2026' };

    it(
      'creates that admin, who can log in, and does not seed the demo',
      async () => {
        instance = await start({
          BOOTSTRAP_ADMIN_EMAIL: admin.email,
          BOOTSTRAP_ADMIN_PASSWORD: admin.password,
        });
        const res = await login(instance.url, 'beheer@jobteam.example', admin.password);
        expect(res.status).toBe(200);
        const me = (await (
          await fetch(`${instance.url}/auth/me`, {
            headers: { authorization: `Bearer ${res.body.accessToken as string}` },
          })
        ).json()) as Record<string, unknown>;
        expect(me).toMatchObject({
          email: 'beheer@jobteam.example',
          roles: ['admin', 'org_admin'],
          organisation: { name: 'Stad Gent', kind: 'promotor' },
          partnership: { name: 'Jobteam Gent' },
        });
        expect((await login(instance.url, DEMO_ADMIN.email, DEMO_ADMIN.password)).status).toBe(401);
        expect(instance.started.output.stdout).not.toContain('Demo logins');
      },
      START_TIMEOUT,
    );
  });

  describe('refusing to start', () => {
    it('exits non-zero naming PORT when PORT is not a number', async () => {
      const res = await runNode(MAIN(), [], childEnv({ DATA_DIR: freshDataDir(), PORT: 'abc' }), {
        timeoutMs: 20_000,
      });
      expect(res.code).toBe(1);
      expect(logMessages(res.stderr)).toEqual([
        expect.stringMatching(/^Invalid configuration:\n {2}PORT: .*integer/),
      ]);
    });

    it(
      'exits non-zero when the runtime role is a superuser, saying it could bypass RLS',
      async () => {
        const info = testInfo();
        const name = `jobteam_test_${info.runId}_su_${randomBytes(4).toString('hex')}`;
        const url = await createDatabaseFromTemplate(info, name);
        const res = await runNode(
          MAIN(),
          [],
          childEnv({
            DATA_DIR: freshDataDir(),
            PORT: String(await freePort()),
            DATABASE_URL: url,
            DATABASE_APP_URL: url,
            // The harness's password, so the role set-up does not lock other test files out.
            DATABASE_APP_PASSWORD: info.appPassword,
            DEMO_SEED: 'false',
          }),
          { timeoutMs: 30_000 },
        ).finally(() => dropDatabase(info, name));
        expect(res.code).toBe(1);
        expect(logMessages(res.stderr)).toEqual([
          expect.stringMatching(
            /^Refusing to serve: the runtime database role "[^"]+" could bypass row-level security because it is a superuser/,
          ),
        ]);
      },
      START_TIMEOUT,
    );
  });
});
