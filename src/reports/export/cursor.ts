import type { EntityManager } from 'typeorm';

// Cursor names only need to be unique within a transaction; a counter (not random bytes) keeps the SQL that
// `npm run sql:sync` records the same from run to run.
let cursors = 0;

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
  const name = `export_${(cursors = (cursors + 1) % 1_000_000)}`;
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
