import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../src/config/environment';
import { embeddedUrls } from '../src/database/embedded-postgres';
import { loadSecrets } from '../src/config/secrets';
import { deriveAppUrl, withDatabase } from '../src/database/database-roles';
import { SCALE_DOMAIN, SCALE_PASSWORD } from '../src/database/seed/scale/scale-seed';
import { LoadResult, runLoad } from './load';
import { OPTIONAL_SCENARIOS } from './scenarios';

/**
 * npm run bench [-- --duration 10 --connections 32 --label 150k --pool 10 --only hot,search]
 * Starts the built API on the database seed:scale filled (DATABASE_URL or the embedded one in
 * DATA_DIR), then the floor server on the same database, runs each scenario against both, prints
 * a table and merges the run into bench/results.json under its label.
 */
const ROOT = resolve(__dirname, '../..');

interface Row extends LoadResult {
  scenario: string;
  target: 'api' | 'floor';
  rssMb?: number;
  ratio?: number;
  note?: string;
}

function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

function start(
  cmd: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolveP, reject) => {
    const child = spawn(process.execPath, cmd, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) resolveP({ child, match: m });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) =>
      reject(new Error(`${cmd.join(' ')} exited with ${code}:\n${out.slice(-3000)}`)),
    );
  });
}

async function json(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // non-JSON (SVG, CSV): the status is what matters here
  }
  return { status: res.status, body: parsed, text };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '32' },
      pool: { type: 'string' },
      label: { type: 'string', default: 'default' },
      partnership: { type: 'string', default: 'p01' },
      q: { type: 'string', default: 'pee' },
      only: { type: 'string' },
      'no-floor': { type: 'boolean', default: false },
    },
  });
  const durationMs = Number(values.duration) * 1000;
  const warmupMs = Number(values.warmup) * 1000;
  const connections = Number(values.connections);
  const only = values.only?.split(',');
  const env = loadEnvironment(process.env);
  const pool = values.pool ?? String(env.DB_POOL_SIZE);
  const secrets = loadSecrets(env);

  console.log(
    `Starting the API (DB_POOL_SIZE=${pool}, ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded in ${env.DATA_DIR}`})`,
  );
  const api = await start(
    ['dist/src/main.js'],
    {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'log',
      DEMO_SEED: 'false',
      DB_POOL_SIZE: pool,
      LOGIN_RATE_LIMIT: '100000',
      RATE_LIMIT_PER_USER: '100000000',
      RATE_LIMIT_PER_ADDRESS: '100000000',
      SHUTDOWN_DELAY_SECONDS: '0',
      NODE_ENV: 'production' === process.env.NODE_ENV ? 'production' : 'development',
    },
    /"url":"(http:\/\/127\.0\.0\.1:\d+)"/,
  );
  const apiUrl = api.match[1];
  const apiPid = api.child.pid!;
  const children: ChildProcess[] = [api.child];
  const rows: Row[] = [];
  try {
    const login = async (user: string) => {
      const res = await json(apiUrl, 'POST', '/auth/login', undefined, {
        email: `${user}.${values.partnership}@${SCALE_DOMAIN}`,
        password: SCALE_PASSWORD,
      });
      if (res.status !== 200)
        throw new Error(`login ${user} failed (${res.status}): run npm run seed:scale first`);
      return res.body.accessToken as string;
    };
    const token = await login('coach1');
    const list = await json(apiUrl, 'GET', '/participants?limit=200', token);
    const ids =
      (list.body.items as { id: string; currentTrajectoryId: string | null; status: string | null }[]) ?? [];
    if (!ids.length) throw new Error('the coach sees no participants: is the scale seed loaded?');
    const [{ n: total }] = [{ n: list.body.total }];
    console.log(
      `coach1.${values.partnership} sees ${String(total)} participants; hot path rotates over ${ids.length}`,
    );
    const auth = { authorization: `Bearer ${token}` };

    let floorUrl: string | undefined;
    if (!values['no-floor']) {
      const adminUrl =
        env.DATABASE_URL ??
        withDatabase(
          // Through the Unix socket, as the API connects to its embedded database.
          // The password is replaced by the app role's below; only host, port and socket matter here.
          embeddedUrls(
            '',
            Number(readFileSync(join(env.DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]),
          ).socketUrl,
          'jobteam',
        );
      const floor = await start(
        ['dist/bench/floor-server.js'],
        {
          ...process.env,
          PORT: '0',
          FLOOR_DATABASE_URL: env.DATABASE_APP_URL ?? deriveAppUrl(adminUrl, secrets.appDbPassword),
          FLOOR_JWT_SECRET: secrets.jwtSecret,
          FLOOR_POOL_SIZE: pool,
        },
        /"listening":(\d+)/,
      );
      children.push(floor.child);
      floorUrl = `http://127.0.0.1:${floor.match[1]}`;
    }

    const scenarios: {
      name: string;
      next: (i: number) => { method: string; path: string; headers: Record<string, string> };
    }[] = [
      {
        name: 'hot path GET /participants/{id}',
        next: (i) => ({ method: 'GET', path: `/participants/${ids[i % ids.length].id}`, headers: auth }),
      },
      {
        name: `search GET /participants?q=${values.q}`,
        next: () => ({ method: 'GET', path: `/participants?q=${values.q}&limit=50`, headers: auth }),
      },
    ];
    for (const [k, s] of scenarios.entries()) {
      if (only && !only.includes(k === 0 ? 'hot' : 'search')) continue;
      const targets: ['api' | 'floor', string, number | undefined][] = [['api', apiUrl, apiPid]];
      if (floorUrl) targets.push(['floor', floorUrl, children[1].pid]);
      for (const [target, base, pid] of targets) {
        await runLoad({ baseUrl: base, connections, durationMs: warmupMs, next: s.next });
        const r = await runLoad({
          baseUrl: base,
          connections,
          durationMs,
          next: s.next,
          sample: () => rssMb(pid!),
        });
        rows.push({ scenario: s.name, target, ...r, rssMb: r.peakSample });
        console.log(`  ${s.name} on ${target}: ${r.rps} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
      }
      const apiRow = rows.find((r) => r.scenario === s.name && r.target === 'api')!;
      const floorRow = rows.find((r) => r.scenario === s.name && r.target === 'floor');
      if (floorRow) apiRow.ratio = Math.round((apiRow.rps / floorRow.rps) * 100) / 100;
    }

    // Scenarios of features built on other branches: run only where the route exists here.
    const ctx = {
      apiUrl,
      login,
      ids: ids.map((r) => r.id),
      trajectoryIds: ids.map((r) => r.currentTrajectoryId).filter(Boolean) as string[],
      openTrajectoryIds: ids
        .filter((r) => r.status !== 'afgesloten')
        .map((r) => r.currentTrajectoryId)
        .filter(Boolean) as string[],
    };
    for (const o of OPTIONAL_SCENARIOS) {
      if (only && !only.includes(o.key)) continue;
      const prepared = await o.prepare(ctx, json).catch((err: Error) => ({ skip: err.message }));
      if ('skip' in prepared) {
        console.log(`  ${o.name}: skipped: ${prepared.skip}`);
        rows.push({
          scenario: o.name,
          target: 'api',
          note: `skipped: ${prepared.skip}`,
          requests: 0,
          errors: 0,
          statuses: {},
          rps: 0,
          p50: 0,
          p95: 0,
          p99: 0,
          max: 0,
          bytes: 0,
        });
        continue;
      }
      const r = await runLoad({
        baseUrl: apiUrl,
        connections: o.connections ?? connections,
        durationMs,
        next: prepared.next,
        sample: () => rssMb(apiPid),
      });
      const row: Row = { scenario: o.name, target: 'api', ...r, rssMb: r.peakSample };
      if (o.rowsPerResponse)
        // Rows of one export over its median duration: req/s rounds to 0 for exports slower than 2 s.
        row.note = `${Math.round((await o.rowsPerResponse(ctx, json)) / (r.p50 / 1000)).toLocaleString('en')} rows/s`;
      rows.push(row);
      console.log(`  ${o.name}: ${r.rps} req/s, p99 ${r.p99} ms`);
    }
  } finally {
    for (const c of children.reverse()) {
      // A server that already died would never emit 'exit' again: say so instead of waiting forever.
      if (c.exitCode !== null || c.signalCode !== null) {
        process.exitCode = 1;
        console.error(
          `a server exited during the bench (${c.exitCode ?? c.signalCode}); results are incomplete`,
        );
        continue;
      }
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
  }

  const table = rows.map((r) => ({
    scenario: r.scenario,
    target: r.target,
    'req/s': r.rps,
    'p50 ms': r.p50,
    'p95 ms': r.p95,
    'p99 ms': r.p99,
    errors: r.errors,
    'RSS MB': r.rssMb ?? '',
    'api/floor': r.ratio ?? '',
    note: r.note ?? '',
  }));
  console.log(`\nResults (${connections} connections, ${durationMs / 1000} s each, label ${values.label}):`);
  console.table(table);
  const file = join(ROOT, 'bench', 'results.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[values.label] = {
    at: new Date().toISOString(),
    connections,
    durationS: durationMs / 1000,
    pool: Number(pool),
    node: process.version,
    rows,
  };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`written to bench/results.json under "${values.label}"`);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
