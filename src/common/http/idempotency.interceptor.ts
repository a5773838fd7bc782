import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { DatabaseContext } from '../../database/database-context.service';
import { requestContext } from '../../database/request-context';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
const TTL_MS = 24 * 3600 * 1000;

/**
 * Retries from a flaky mobile network: a POST with the same Idempotency-Key (same user, 24 h)
 * returns the first response and creates nothing new. The key row is inserted first, inside the
 * request transaction, so a parallel retry waits on it and then replays instead of writing twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly db: DatabaseContext) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !requestContext.getStore()?.actor) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new DomainError(
        400,
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 8–128 letters, digits or ._:-',
      );
    }
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    return from(this.run(key, requestHash, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run(key: string, requestHash: string, handle: () => Promise<unknown>): Promise<unknown> {
    const m = this.db.manager;
    const actor = this.db.actor;
    await m.query(`delete from idempotency_keys where staff_id = $1 and key = $2 and created_at < $3`, [
      actor.staffId,
      key,
      new Date(this.db.now.getTime() - TTL_MS),
    ]);
    const inserted: unknown[] = await m.query(
      `insert into idempotency_keys (partnership_id, staff_id, key, request_hash, status, created_at)
       values ($1, $2, $3, $4, 0, $5) on conflict (staff_id, key) do nothing returning 1`,
      [actor.partnershipId, actor.staffId, key, requestHash, this.db.now],
    );
    if (inserted.length === 0) {
      const [stored] = await m.query(
        `select request_hash, body from idempotency_keys where staff_id = $1 and key = $2`,
        [actor.staffId, key],
      );
      if (stored.request_hash !== requestHash) {
        throw new DomainError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request.',
        );
      }
      return stored.body;
    }
    const body = await handle();
    await m.query(`update idempotency_keys set status = 1, body = $3 where staff_id = $1 and key = $2`, [
      actor.staffId,
      key,
      JSON.stringify(body ?? null),
    ]);
    return body;
  }
}
