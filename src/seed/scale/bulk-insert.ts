import type { ClientBase } from 'pg';

/** A column and its PostgreSQL type, for unnest($n::type[]). Array-typed columns need insertValues(). */
export type Column = readonly [name: string, type: string];

/**
 * Inserts rows as one `insert ... select * from unnest($1::t[], $2::t[], ...)` per batch: one
 * parameter per column whatever the batch size, so thousands of rows cost one round trip.
 */
export async function insertUnnest(
  client: ClientBase,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  batchSize = 5000,
): Promise<number> {
  const names = columns.map(([n]) => n).join(', ');
  const params = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  const sql = `insert into ${table} (${names}) select * from unnest(${params})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map((_, c) => batch.map((r) => r[c]));
    await client.query(sql, arrays);
  }
  return rows.length;
}

/** Multi-row VALUES for the few small tables with array columns (staff roles, team wijken). */
export async function insertValues(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows
    .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
    .join(', ');
  await client.query(`insert into ${table} (${columns.join(', ')}) values ${values}`, rows.flat());
  return rows.length;
}
