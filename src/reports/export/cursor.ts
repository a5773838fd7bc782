import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Reads a query through a server-side cursor in batches, inside the current transaction, so a large
 * export never holds all rows in memory. `onBatch` returning false stops early (client gone).
 */
export async function forEachBatch<T>(
  m: EntityManager,
  sql: string,
  params: unknown[],
  batchSize: number,
  onBatch: (rows: T[]) => Promise<boolean>,
): Promise<void> {
  const name = `export_${randomBytes(6).toString('hex')}`;
  await m.query(`declare ${name} no scroll cursor for ${sql}`, params);
  try {
    for (;;) {
      const rows: T[] = await m.query(`fetch forward ${batchSize} from ${name}`);
      if (rows.length === 0) break;
      if (!(await onBatch(rows))) break;
      if (rows.length < batchSize) break;
    }
  } finally {
    await m.query(`close ${name}`).catch(() => undefined);
  }
}
