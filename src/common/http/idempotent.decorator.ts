import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_REREAD = 'jobteam:idempotent-reread';

/**
 * How a replay reads the resource a POST created: through the controller's own read, so the answer
 * is what a fresh GET would give the caller now (scope, grants, withdrawals, hand-overs), never the
 * first response. `params` are the route parameters of the POST.
 */
export type IdempotentReread<C> = (
  controller: C,
  resourceId: string,
  params: Record<string, string>,
) => Promise<unknown>;

/** Marks a POST as idempotent under the Idempotency-Key header (see IdempotencyInterceptor). */
export function Idempotent<C>(reread: IdempotentReread<C>) {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_REREAD, reread),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
  );
}
