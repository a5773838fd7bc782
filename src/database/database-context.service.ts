import { Inject, Injectable } from '@nestjs/common';
import { escapeLiteral, PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Clock } from './clock';
import { RequestActor, RequestContext, requestContext } from './request-context';

export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');

/** The staff row a request begins with, as `app_begin_request` reads it under RLS. */
export interface StaffRow {
  staffId: string;
  partnershipId: string;
  organisationId: string;
  teamId: string | null;
  roles: string[];
  name: string;
  email: string;
}

/**
 * Turns the staff row into the request's actor (adding what its roles may do). Provided from above
 * (`actorFromStaff` in `src/access/actor.ts`), so the ground floor does not import the permission table.
 */
export type ActorFromStaff = (staff: StaffRow) => RequestActor;
export const ACTOR_FROM_STAFF = Symbol('ACTOR_FROM_STAFF');

const connectionLost = () =>
  new DomainError(503, 'DATABASE_UNAVAILABLE', 'The database connection was lost; retry shortly.');

export class MissingContextError extends Error {
  constructor() {
    super('Database access outside a request transaction. Use DatabaseContext.run*().');
  }
}

interface BeginRow {
  organisation_id: string;
  team_id: string | null;
  roles: string[];
  name: string;
  email: string;
  token_version: number;
}

/**
 * Hands services the current request's transaction. There is deliberately no way to reach the
 * global data source from here: a query outside a context would run without RLS settings and see nothing.
 */
@Injectable()
export class DatabaseContext {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(ACTOR_FROM_STAFF) private readonly actorFromStaff: ActorFromStaff,
  ) {}

  private current(): RequestContext {
    const ctx = requestContext.getStore();
    if (!ctx) throw new MissingContextError();
    return ctx;
  }

  get manager(): EntityManager {
    return this.current().manager;
  }

  get actor(): RequestActor {
    const actor = this.current().actor;
    if (!actor) throw new MissingContextError();
    return actor;
  }

  get now(): Date {
    return this.current().now;
  }

  get requestId(): string {
    return this.current().requestId;
  }

  /**
   * Runs `fn` inside the current transaction as jobteam_tenant_reader: partnership-wide, read-only.
   * For aggregates and DPO duties only; callers must never return rows from here without their own access check.
   */
  async asTenantReader<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const manager = this.manager;
    await manager.query('set local role jobteam_tenant_reader');
    // On failure the transaction is aborted and rolls back, role and all; resetting would only mask the error.
    const result = await fn(manager);
    await manager.query('reset role');
    return result;
  }

  /**
   * Runs `fn` in one transaction as the given staff member. Organisation and roles come from the
   * staff row, read under RLS, never from the token. Returns undefined actor for an inactive or unknown member,
   * and for a bearer token (`tokenVersion` given) issued before the account's last password change,
   * reset or deactivation.
   */
  async runAsStaff<T>(
    scope: { tenantId: string; staffId: string; requestId: string; tokenVersion?: number },
    fn: (actor: RequestActor | undefined) => Promise<T>,
  ): Promise<T> {
    const now = this.clock.now();
    // Sent together with BEGIN, in one round trip (see transaction()).
    const begin = `select organisation_id, team_id, roles, name, email, token_version from app_begin_request(${escapeLiteral(scope.tenantId)}::uuid, ${escapeLiteral(scope.staffId)}::uuid, ${escapeLiteral(now.toISOString())}::timestamptz)`;
    return this.transaction(scope.requestId, now, begin, async (_manager, first) => {
      const rows = first as BeginRow[];
      const row =
        scope.tokenVersion === undefined || rows[0]?.token_version === scope.tokenVersion
          ? rows[0]
          : undefined;
      const actor = row
        ? this.actorFromStaff({
            staffId: scope.staffId,
            partnershipId: scope.tenantId,
            organisationId: row.organisation_id,
            teamId: row.team_id,
            roles: row.roles,
            name: row.name,
            email: row.email,
          })
        : undefined;
      const ctx = requestContext.getStore()!;
      ctx.actor = actor;
      return fn(actor);
    });
  }

  /**
   * Moves the request's time (and app.now) forward to the clock's present. For a request that waited
   * on another transaction (an idempotent replay waits for the first request to commit): it then
   * reads as a request started now would, not as of a moment before the record existed.
   */
  async advanceNow(): Promise<void> {
    const ctx = this.current();
    const now = this.clock.now();
    if (now.getTime() <= ctx.now.getTime()) return;
    await ctx.manager.query(`select set_config('app.now', $1, true)`, [now.toISOString()]);
    ctx.now = now;
  }

  /** Runs `fn` in one transaction scoped to a partnership only: bootstrap, seeds and maintenance jobs. */
  async runInTenant<T>(
    tenantId: string,
    fn: (manager: EntityManager) => Promise<T>,
    requestId = 'system',
  ): Promise<T> {
    const now = this.clock.now();
    const settings = `select set_config('app.tenant_id', ${escapeLiteral(tenantId)}, true), set_config('app.now', ${escapeLiteral(now.toISOString())}, true)`;
    return this.transaction(requestId, now, settings, fn);
  }

  /** A transaction with no tenant at all: RLS shows nothing, which the isolation tests rely on. */
  async runWithoutTenant<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction('system', this.clock.now(), undefined, fn);
  }

  /**
   * One transaction on one pooled connection. `first`, when given, goes out with BEGIN in a single
   * round trip (the simple query protocol, hence literals rather than parameters): every request
   * starts with BEGIN and its RLS context, and on two cores each round trip is worth saving.
   */
  private async transaction<T>(
    requestId: string,
    now: Date,
    first: string | undefined,
    fn: (manager: EntityManager, firstRows: unknown[]) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      let firstRows: unknown[] = [];
      if (first) {
        // TypeORM did not send this BEGIN, so it is told: its commit and rollback check these two.
        Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
        const results = (await client.query(`start transaction; ${first}`)) as unknown as QueryResult[];
        firstRows = results[1].rows;
      } else {
        await runner.startTransaction();
      }
      const ctx: RequestContext = { requestId, manager: runner.manager, now };
      const result = await requestContext.run(ctx, () => fn(runner.manager, firstRows));
      await runner.commitTransaction();
      return result;
    } catch (err) {
      // TypeORM releases a runner whose connection broke (database restarted, network cut), and every
      // later query then fails with "already released": that is an outage to retry, not a bug.
      if (runner.isReleased) throw connectionLost();
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}
