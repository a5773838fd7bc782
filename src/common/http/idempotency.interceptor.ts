import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, hkdfSync } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { SECRETS } from '../../config/config.module';
import { Secrets } from '../../config/secrets';
import { DatabaseContext } from '../../database/database-context.service';
import { requestContext } from '../../database/request-context';
import { DomainError } from '../errors/domain-error';
import { IDEMPOTENT_REREAD, IdempotentReread } from './idempotent.decorator';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/**
 * Retries from a flaky mobile network: a POST with the same Idempotency-Key (same user, 24 h)
 * creates nothing new. The key row is inserted first, inside the request transaction, so a parallel
 * retry waits on it and then replays instead of writing twice.
 *
 * A replay answers with the first status and the created resource's id, and its body is read
 * again under the caller's access as it is NOW (a fresh read: after a hand-over or a withdrawal
 * that is fewer fields, or 404). The row keeps only the status, the resource id and a keyed hash of
 * the request, never a body, so no personal data sits in the table; rows older than 24 hours are
 * not honoured and are purged (partnership-wide) on every idempotent write.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly hashKey: Buffer;

  constructor(
    private readonly db: DatabaseContext,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.hashKey = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(secrets.inszHashKey, 'utf8'),
        Buffer.alloc(0),
        'jobteam idempotency',
        32,
      ),
    );
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const key = req.headers['idempotency-key'];
    const reread = this.reflector.get<IdempotentReread<unknown> | undefined>(
      IDEMPOTENT_REREAD,
      context.getHandler(),
    );
    if (req.method !== 'POST' || key === undefined || !reread || !requestContext.getStore()?.actor)
      return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new DomainError(
        400,
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 8–128 letters, digits or ._:-',
      );
    }
    // Keyed, so the stored hash cannot be matched against guessed bodies (names, INSZ) without the secret.
    const requestHash = createHmac('sha256', this.hashKey)
      .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
      .digest('hex');
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
      HttpStatus.CREATED;
    const replay = (resourceId: string) => {
      const controller = this.moduleRef.get(context.getClass(), { strict: false });
      return reread(controller, resourceId, (req.params ?? {}) as Record<string, string>);
    };
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(
      this.run(key, requestHash, status, replay, reply, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }

  private async run(
    key: string,
    requestHash: string,
    status: number,
    replay: (resourceId: string) => Promise<unknown>,
    reply: FastifyReply,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    const m = this.db.manager;
    const actor = this.db.actor;
    // Expired keys are not honoured: the purge removes them (this user's and everyone else's in the partnership).
    await m.query('select app_purge_idempotency_keys()');
    const inserted: unknown[] = await m.query(
      `insert into idempotency_keys (partnership_id, staff_id, key, request_hash, status, created_at)
       values ($1, $2, $3, $4, 0, $5) on conflict (staff_id, key) do nothing returning 1`,
      [actor.partnershipId, actor.staffId, key, requestHash, this.db.now],
    );
    if (inserted.length === 0) {
      const [stored] = await m.query(
        `select request_hash, status, resource_id from idempotency_keys where staff_id = $1 and key = $2`,
        [actor.staffId, key],
      );
      if (!stored || stored.request_hash !== requestHash) {
        throw new DomainError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request.',
        );
      }
      if (!stored.resource_id) {
        throw new DomainError(
          409,
          'IDEMPOTENCY_KEY_UNRESOLVED',
          'The first request with this Idempotency-Key created no resource to replay; use a new key.',
        );
      }
      // This request may have waited for the first one to commit: read as of now, like a fresh GET.
      await this.db.advanceNow();
      reply.status(stored.status).header('idempotent-replayed', 'true');
      return replay(stored.resource_id);
    }
    const body = await handle();
    const resourceId = (body as { id?: unknown } | null | undefined)?.id;
    await m.query(
      `update idempotency_keys set status = $3, resource_id = $4 where staff_id = $1 and key = $2`,
      [actor.staffId, key, status, typeof resourceId === 'string' ? resourceId : null],
    );
    return body;
  }
}
