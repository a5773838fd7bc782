/**
 * Marks a repository method whose SQL `npm run sql:sync` writes to `src/<module>/queries/<repository>.sql`,
 * so that every query change shows up in review (after immich's `@GenerateSql`).
 *
 * Each example is one call: `params` are the arguments (synthetic values; uuids may be any well-formed uuid,
 * the sync runs in a transaction that is rolled back). A method without examples is called once with no
 * arguments. `name` tells two examples of one method apart in the file.
 */
export interface SqlExample {
  name?: string;
  params?: unknown[];
}

export interface GeneratedSqlMethod {
  method: string;
  examples: SqlExample[];
}

const GENERATE_SQL = Symbol.for('jobteam.generate-sql');

type WithSqlMetadata = { [GENERATE_SQL]?: GeneratedSqlMethod[] };

export function GenerateSql(...examples: SqlExample[]): MethodDecorator {
  return (target, propertyKey) => {
    const holder = target as WithSqlMetadata;
    // Own list per class: a subclass must not append to its parent's.
    const own = Object.prototype.hasOwnProperty.call(holder, GENERATE_SQL) ? holder[GENERATE_SQL]! : [];
    own.push({ method: String(propertyKey), examples: examples.length ? examples : [{}] });
    Object.defineProperty(holder, GENERATE_SQL, { value: own, configurable: true });
  };
}

/** The decorated methods of a repository class, in declaration order. */
export function generatedSqlMethods(
  repository: abstract new (...args: never[]) => unknown,
): GeneratedSqlMethod[] {
  return (repository.prototype as WithSqlMetadata)[GENERATE_SQL] ?? [];
}
