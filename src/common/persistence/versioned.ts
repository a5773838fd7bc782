import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { notFound } from '../errors/domain-error';
import { staleVersion } from '../http/if-match.decorator';
import { findById } from './find-by-id';

/** Loads a record visible to the current context, or answers 404 (RLS hides other tenants' rows too). */
export async function findOrFail<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
  what: string,
): Promise<E> {
  const found = await findById(manager, target, id);
  if (!found) throw notFound(what);
  return found;
}

/**
 * Optimistic locking: applies the patch only if the row still has the version the client read,
 * and bumps it. A stale version is a 412, a row the caller cannot see a 404.
 */
export async function updateVersioned<E extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
  expectedVersion: number,
  patch: Partial<E>,
  what: string,
): Promise<E> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id and version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (!result.affected) {
    await findOrFail(manager, target, id, what);
    throw staleVersion();
  }
  return findOrFail(manager, target, id, what);
}
