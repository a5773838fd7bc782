import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

interface ByIdStatement {
  sql: string;
  metadata: EntityMetadata;
}

const statements = new WeakMap<EntityMetadata, ByIdStatement>();

/**
 * `repository.findOneBy({ id })`, with the SQL built once per entity instead of per call. The query
 * builder re-derives aliases, escapes every column and parses its own output on each call, which was
 * a tenth of the CPU of a participant read. Hydration still goes through the driver, so column types
 * and transformers behave exactly as in TypeORM; columns marked `select: false` stay out, as there.
 * Entities here have no relations or embedded columns; a new one that has them must not use this.
 */
export async function findById<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
): Promise<E | null> {
  const statement = statementFor(manager, target);
  const rows: Record<string, unknown>[] = await manager.query(statement.sql, [id]);
  if (rows.length === 0) return null;
  const entity = statement.metadata.create() as E;
  const driver = manager.connection.driver;
  for (const column of statement.metadata.columns) {
    if (!column.isSelect) continue;
    const value = driver.prepareHydratedValue(rows[0][column.databaseName], column);
    (entity as Record<string, unknown>)[column.propertyName] = value;
  }
  return entity;
}

function statementFor(manager: EntityManager, target: EntityTarget<ObjectLiteral>): ByIdStatement {
  const metadata = manager.connection.getMetadata(target);
  let statement = statements.get(metadata);
  if (!statement) {
    if (
      metadata.relations.length > 0 ||
      metadata.embeddeds.length > 0 ||
      metadata.primaryColumns.length !== 1
    ) {
      throw new Error(
        `findById does not support ${metadata.name}: it has relations, embeddeds or a composite key`,
      );
    }
    const columns = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => `"${c.databaseName}"`)
      .join(', ');
    const table = metadata.schema
      ? `"${metadata.schema}"."${metadata.tableName}"`
      : `"${metadata.tableName}"`;
    statement = {
      sql: `select ${columns} from ${table} where "${metadata.primaryColumns[0].databaseName}" = $1`,
      metadata,
    };
    statements.set(metadata, statement);
  }
  return statement;
}
