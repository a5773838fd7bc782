import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../src/config/environment';
import { embeddedUrls } from '../src/database/embedded-postgres';
import { loadSecrets } from '../src/config/secrets';
import { deriveAppUrl, withDatabase } from '../src/database/database-roles';
import { SCALE_DOMAIN, SCALE_PASSWORD } from '../src/seed/scale/scale-seed';
import { LoadResult, runLoad } from './load';
import { OPTIONAL_SCENARIOS } from './scenarios';

/**
 * npm run bench [-- --duration 10 --connections 32 --label 150k --pool 10 --only hot,search]
 * npm run bench -- --soak 300 [--sample-every 30] [--api-node-options=--max-old-space-size=128]
 * Starts the built API on the database seed:scale filled (DATABASE_URL or the embedded one in
 * DATA_DIR), then the floor server on the same database, runs each scenario against both, prints
 * a table and merges the run into bench/results.json under its label. Each scenario runs on a fresh
 * API process (the first one only keeps the embedded database up), so its peak RSS is its own.
 * --soak N runs the mixed workload for N seconds on one fresh API and reports its RSS every
 * --sample-every seconds, and whether it plateaus.
 */
const ROOT = resolve(__dirname, '../..');

interface Row extends LoadResult {
  scenario: string;
  target: 'api' | 'floor';
  rssMb?: number;
  /** RSS of the fresh API process when it was ready, before any load. */
  rssStartMb?: number;
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
): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  return new Promise((resolveP, reject) => {
    const child = spawn(process.execPath, cmd, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) resolveP({ child, match: m, output: () => out });
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

/**
 * No upward trend over the last three samples: they do not each rise by more than 2 % (a settling
 * heap wobbles; a leak climbs sample after sample).
 */
export function plateaus(samples: number[]): boolean {
  const [a, b, c] = samples.slice(-3);
  return !(b > a * 1.02 && c > b * 1.02);
}

/**
 * The live heap after the last mark-compact in `node --trace-gc` output (`--api-node-options=--trace-gc`):
 * what survives a full collection. Flat while RSS climbs means a heap that grows because it may, not a leak.
 */
export function heapAfterLastMarkCompact(output: string): number | undefined {
  const all = [
    ...output.matchAll(/Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/g),
  ];
  return all.length ? Number(all[all.length - 1][1]) : undefined;
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
      soak: { type: 'string' },
      'sample-every': { type: 'string', default: '30' },
      'api-node-options': { type: 'string' },
    },
  });
  const durationMs = Number(values.duration) * 1000;
  const warmupMs = Number(values.warmup) * 1000;
  const connections = Number(values.connections);
  const only = values.only?.split(',');
  const soakS = values.soak ? Number(values.soak) : 0;
  const sampleEveryS = Number(values['sample-every']);
  const env = loadEnvironment(process.env);
  const pool = values.pool ?? String(env.DB_POOL_SIZE);
  const secrets = loadSecrets(env);

  console.log(
    `Starting the API (DB_POOL_SIZE=${pool}, ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded in ${env.DATA_DIR}`})`,
  );
  const apiEnv: NodeJS.ProcessEnv = {
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
  };
  const API_READY = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/;
  // The first API process starts (and keeps) the embedded database; measured runs get fresh ones.
  const api = await start(['dist/src/main.js'], apiEnv, API_READY);
  const apiUrl = api.match[1];
  const children: ChildProcess[] = [api.child];
  const rows: Row[] = [];
  const soakSamples: { atS: number; rssMb: number; heapAfterGcMb?: number }[] = [];
  // A fresh API reaches the same database as the first one, through the same Unix socket.
  const embeddedPort = () =>
    Number(readFileSync(join(env.DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const freshEnv = (): NodeJS.ProcessEnv => {
    const base = {
      ...apiEnv,
      MIGRATIONS_RUN: 'false',
    };
    if (env.DATABASE_URL) return base;
    const { url, socketUrl } = embeddedUrls(secrets.embeddedSuperPassword, embeddedPort());
    return {
      ...base,
      DATABASE_URL: withDatabase(url, 'jobteam'),
      DATABASE_APP_URL: deriveAppUrl(withDatabase(socketUrl, 'jobteam'), secrets.appDbPassword),
    };
  };
  const freshApi = async () => {
    // Node flags on the command line: NODE_OPTIONS refuses some (--trace-gc).
    const nodeFlags = values['api-node-options']?.split(/\s+/).filter(Boolean) ?? [];
    const fresh = await start([...nodeFlags, 'dist/src/main.js'], freshEnv(), API_READY);
    children.push(fresh.child);
    const pid = fresh.child.pid!;
    return { url: fresh.match[1], pid, child: fresh.child, startMb: rssMb(pid), output: fresh.output };
  };
  const stopApi = async (child: ChildProcess) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    children.splice(children.indexOf(child), 1);
  };
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
    const floorPid = children[1]?.pid;
    for (const [k, s] of scenarios.entries()) {
      if (soakS || (only && !only.includes(k === 0 ? 'hot' : 'search'))) continue;
      const fresh = await freshApi();
      const targets: ['api' | 'floor', string, number | undefined][] = [['api', fresh.url, fresh.pid]];
      if (floorUrl) targets.push(['floor', floorUrl, floorPid]);
      for (const [target, base, pid] of targets) {
        await runLoad({ baseUrl: base, connections, durationMs: warmupMs, next: s.next });
        const r = await runLoad({
          baseUrl: base,
          connections,
          durationMs,
          next: s.next,
          sample: () => rssMb(pid!),
        });
        const rssStartMb = target === 'api' ? fresh.startMb : undefined;
        rows.push({ scenario: s.name, target, ...r, rssMb: r.peakSample, rssStartMb });
        console.log(`  ${s.name} on ${target}: ${r.rps} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
      }
      await stopApi(fresh.child);
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
    /** The mixed workload on one fresh API for soakS seconds, its RSS sampled every sampleEveryS. */
    const soak = async () => {
      const fresh = await freshApi();
      ctx.apiUrl = fresh.url;
      const mix: { name: string; next: (i: number) => ReturnType<(typeof scenarios)[number]['next']> }[] = [
        ...scenarios.filter((_, k) => !only || only.includes(k === 0 ? 'hot' : 'search')),
      ];
      // Reports and exports are long single requests, not a mix: in the soak only when named in --only.
      for (const o of OPTIONAL_SCENARIOS) {
        if (only ? !only.includes(o.key) : ['esf', 'export'].includes(o.key)) continue;
        const prepared = await o.prepare(ctx, json).catch((err: Error) => ({ skip: err.message }));
        if ('skip' in prepared) console.log(`  ${o.name}: not in the mix: ${prepared.skip}`);
        else mix.push({ name: o.name, next: prepared.next });
      }
      console.log(`Soak: ${soakS} s of ${mix.map((m) => m.name).join(' + ')}; RSS every ${sampleEveryS} s`);
      const t0 = Date.now();
      const record = () => {
        const sample = {
          atS: Math.round((Date.now() - t0) / 1000),
          rssMb: rssMb(fresh.pid),
          heapAfterGcMb: heapAfterLastMarkCompact(fresh.output()),
        };
        soakSamples.push(sample);
        const heap =
          sample.heapAfterGcMb === undefined
            ? ''
            : `, heap after the last full GC ${sample.heapAfterGcMb} MB`;
        console.log(`  ${String(sample.atS).padStart(4)} s  RSS ${sample.rssMb} MB${heap}`);
      };
      record();
      const timer = setInterval(record, sampleEveryS * 1000);
      const r = await runLoad({
        baseUrl: fresh.url,
        connections,
        durationMs: soakS * 1000,
        next: (i) => mix[i % mix.length].next(Math.floor(i / mix.length)),
        sample: () => rssMb(fresh.pid),
      });
      clearInterval(timer);
      if (soakSamples.at(-1)!.atS < soakS) record();
      rows.push({
        scenario: `soak ${soakS} s (mixed)`,
        target: 'api',
        ...r,
        rssMb: r.peakSample,
        rssStartMb: fresh.startMb,
      });
      await stopApi(fresh.child);
    };
    if (soakS) await soak();
    for (const o of soakS ? [] : OPTIONAL_SCENARIOS) {
      if (only && !only.includes(o.key)) continue;
      const fresh = await freshApi();
      ctx.apiUrl = fresh.url;
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
        await stopApi(fresh.child);
        continue;
      }
      const r = await runLoad({
        baseUrl: fresh.url,
        connections: o.connections ?? connections,
        durationMs,
        next: prepared.next,
        sample: () => rssMb(fresh.pid),
      });
      const row: Row = {
        scenario: o.name,
        target: 'api',
        ...r,
        rssMb: r.peakSample,
        rssStartMb: fresh.startMb,
      };
      if (o.rowsPerResponse)
        // Rows of one export over its median duration: req/s rounds to 0 for exports slower than 2 s.
        row.note = `${Math.round((await o.rowsPerResponse(ctx, json)) / (r.p50 / 1000)).toLocaleString('en')} rows/s`;
      rows.push(row);
      console.log(`  ${o.name}: ${r.rps} req/s, p99 ${r.p99} ms`);
      await stopApi(fresh.child);
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
    'RSS start MB': r.rssStartMb ?? '',
    'RSS peak MB': r.rssMb ?? '',
    'api/floor': r.ratio ?? '',
    note: r.note ?? '',
  }));
  console.log(
    `\nResults (${connections} connections, ${soakS ? `soak ${soakS} s` : `${durationMs / 1000} s each`}, label ${values.label}):`,
  );
  console.table(table);
  const rssPlateau = soakSamples.length >= 3 ? plateaus(soakSamples.map((x) => x.rssMb)) : undefined;
  const heaps = soakSamples.map((x) => x.heapAfterGcMb).filter((h): h is number => h !== undefined);
  // RSS is a sawtooth between full collections; what survives them is the better test for a leak.
  const heapPlateau = heaps.length >= 3 ? plateaus(heaps) : undefined;
  const plateau = heapPlateau ?? rssPlateau;
  if (rssPlateau !== undefined)
    console.log(
      `RSS over the soak: ${soakSamples.map((x) => x.rssMb).join(' → ')} MB; last three samples: ${rssPlateau ? 'plateau' : 'rising'}`,
    );
  if (heapPlateau !== undefined)
    console.log(
      `Live heap after full GCs: ${heaps.join(' → ')} MB; last three samples: ${heapPlateau ? 'plateau' : 'rising'}`,
    );
  const file = join(ROOT, 'bench', 'results.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[values.label] = {
    at: new Date().toISOString(),
    connections,
    durationS: durationMs / 1000,
    pool: Number(pool),
    node: process.version,
    rows,
    ...(soakS ? { soak: { seconds: soakS, samples: soakSamples, plateau, rssPlateau, heapPlateau } } : {}),
  };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`written to bench/results.json under "${values.label}"`);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
