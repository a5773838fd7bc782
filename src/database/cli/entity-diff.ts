import { DataSource } from 'typeorm';
import { Query } from 'typeorm/driver/Query';

/**
 * Constraints, indexes, defaults and columns read only through raw SQL live in the hand-written
 * migrations; entities need not repeat them. So the entity diff that matters is one-way: what an
 * entity expects that the database lacks (a table, a column, a type). Drops are never proposed.
 */
const DB_ONLY_UP = /^(DROP INDEX|ALTER TABLE "[^"]+" (DROP |ALTER COLUMN "[^"]+" DROP DEFAULT))/;
const DB_ONLY_DOWN =
  /^(CREATE (UNIQUE )?INDEX|ALTER TABLE "[^"]+" (ADD (CONSTRAINT )?"|ALTER COLUMN "[^"]+" SET DEFAULT))/;

export async function entityDiff(ds: DataSource): Promise<{ up: Query[]; down: Query[] }> {
  const diff = await ds.driver.createSchemaBuilder().log();
  // The undo of a kept ADD COLUMN is a DROP COLUMN and stays; re-adding what we never dropped goes.
  return {
    up: diff.upQueries.filter((q) => !DB_ONLY_UP.test(q.query)),
    down: diff.downQueries.filter((q) => !DB_ONLY_DOWN.test(q.query)),
  };
}
