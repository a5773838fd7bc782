import 'reflect-metadata';
import { createConsoleLogger } from './common/logging/logger';
import { ConfigError } from './config/environment';
import { DatabaseSetupError } from './database/database-roles';
import { UnsafeRuntimeRoleError } from './database/runtime-role-check';
import { startServer } from './server';

async function main(): Promise<void> {
  const log = createConsoleLogger({ context: 'Main' });
  try {
    const server = await startServer(process.env);
    const shutdown = (signal: string) => {
      log.log({ msg: 'shutting down', signal });
      // SIGTERM comes from an orchestrator (docker stop, Kubernetes): give its load balancer time to see
      // readiness go 503. SIGINT is someone at a terminal: no reason to wait.
      server.stop({ drain: signal === 'SIGTERM' }).then(
        () => process.exit(0),
        (err: Error) => {
          log.error({ msg: 'shutdown failed', error: err.message });
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (err) {
    const known =
      err instanceof ConfigError ||
      err instanceof DatabaseSetupError ||
      err instanceof UnsafeRuntimeRoleError;
    log.error(known ? (err as Error).message : { msg: 'start-up failed', error: (err as Error).stack });
    process.exit(1);
  }
}

void main();
