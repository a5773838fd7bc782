/**
 * Marks a repository method whose SQL `npm run sql:sync` writes to `src/<module>/queries/<repository>.sql`,
 * so that every query change shows up in review (after immich's `@GenerateSql`).
 *
 * Each example is one call: `params` are the arguments (synthetic values; uuids may be any well-formed uuid,
 * the sync runs in a transaction that is rolled back). A method without examples is called once with no
 * arguments. `name` tells two examples of one method apart in the file.
 *
 * The sync runs every example as `SQL_FIXTURE.coachId` (a coach, through DatabaseContext.runAsStaff, so
 * under RLS as in production) in a fresh database that holds the rows of `SQL_FIXTURE`: use these ids for
 * an example to find its row. An example that fails (say, a foreign key to a made-up id) is written to
 * the file as a comment, not an error.
 */
export interface SqlExample {
  name?: string;
  params?: unknown[];
}

export interface GeneratedSqlMethod {
  method: string;
  examples: SqlExample[];
}

/** The rows every example can rely on (written by `src/cli/sql-sync/fixture.ts`). */
export const SQL_FIXTURE = {
  /** The partnership (tenant) every example runs in. */
  partnershipId: '00000000-0000-4000-8000-000000000001',
  /** A partner organisation without professional secrecy: owns the participant. */
  organisationId: '00000000-0000-4000-8000-000000000011',
  /** A second organisation, VDAB, for examples across organisations. */
  otherOrganisationId: '00000000-0000-4000-8000-000000000012',
  teamId: '00000000-0000-4000-8000-000000000021',
  /** The coach the examples run as: the participant's case manager. */
  coachId: '00000000-0000-4000-8000-000000000031',
  /** A coordinator of the same organisation. */
  coordinatorId: '00000000-0000-4000-8000-000000000032',
  /** A SPOC of the other organisation (VDAB). */
  spocId: '00000000-0000-4000-8000-000000000033',
  /** A participant with a full grant for the organisation and an open trajectory in guidance. */
  participantId: '00000000-0000-4000-8000-000000000041',
  /** The participant's current trajectory (status `begeleiding`, case manager `coachId`). */
  trajectoryId: '00000000-0000-4000-8000-000000000051',
} as const;

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
