import type { EntityManager } from 'typeorm';

/**
 * Marks a repository method whose SQL `npm run sql:sync` writes to `src/<module>/queries/<repository>.sql`,
 * so that every query change shows up in review (after immich's `@GenerateSql`).
 *
 * Each example is one call: `params` are the arguments. A method without examples is called once with no
 * arguments. `name` tells two examples of one method apart in the file.
 *
 * The sync runs every example as the fixture's coach (or the staff member `as` names: through
 * DatabaseContext.runAsStaff, so under RLS as in production) in a fresh database that holds the rows of
 * `SQL_FIXTURE`, in a transaction it rolls back. Use these ids so that the example finds its rows and its
 * inserts pass the foreign keys and policies: an example that errors would stop before the method's later
 * statements, so an error fails sql:sync and sql:check. Only a method whose purpose is to refuse may mark
 * an example `expectError` (then it must error, and the file shows the error as a comment).
 */
export interface SqlExample {
  name?: string;
  params?: unknown[];
  /** Who runs the example (default `coach`): a fixture staff member of `SQL_FIXTURE`. */
  as?: SqlExampleActor;
  /** The example must end in an error (a method whose purpose is to refuse); avoid where you can. */
  expectError?: boolean;
  /**
   * Prepares what the fixture cannot hold, in the example's transaction and as its actor, before the call
   * (say, the owner grant a participant's insert needs first, whose foreign key waits for that insert).
   * What it sends is not written to the file.
   */
  before?: (manager: EntityManager) => Promise<unknown>;
}

/** The fixture staff members an example can run as. */
export type SqlExampleActor = 'coach' | 'coordinator' | 'spoc' | 'dpo' | 'admin';

export interface GeneratedSqlMethod {
  method: string;
  examples: SqlExample[];
}

/** The rows every example can rely on (written by `src/cli/sql-sync/fixture.ts`, dated `FIXTURE_TIME`). */
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
  /** A coordinator of the same organisation (`as: 'coordinator'`). */
  coordinatorId: '00000000-0000-4000-8000-000000000032',
  /** A SPOC of the other organisation (VDAB; `as: 'spoc'`). */
  spocId: '00000000-0000-4000-8000-000000000033',
  /** A participant with a full grant for the organisation and an open trajectory in guidance. */
  participantId: '00000000-0000-4000-8000-000000000041',
  /** A second participant of the organisation (full grant) without a trajectory: one may be started. */
  secondParticipantId: '00000000-0000-4000-8000-000000000042',
  /** The participant's current trajectory (status `begeleiding`, case manager `coachId`). */
  trajectoryId: '00000000-0000-4000-8000-000000000051',
  /** A DPO of the organisation (`as: 'dpo'`). */
  dpoId: '00000000-0000-4000-8000-000000000034',
  /** An admin of the partnership (`as: 'admin'`). */
  adminId: '00000000-0000-4000-8000-000000000035',
  /** An office contact in the trajectory, by the coach, not confidential. */
  contactId: '00000000-0000-4000-8000-000000000061',
  /** An open goal in the trajectory (life domain `work`). */
  goalId: '00000000-0000-4000-8000-000000000062',
  /** An outbound referral of the participant from the organisation to VDAB, submitted, open. */
  referralId: '00000000-0000-4000-8000-000000000063',
  /** A referral like `referralId`, but closed (its grants may be closed). */
  closedReferralId: '00000000-0000-4000-8000-000000000064',
  /** A case meeting of the team, organised by the coach, after `FIXTURE_TIME` (so its items may change). */
  caseMeetingId: '00000000-0000-4000-8000-000000000071',
  /** The participant's item on that meeting (basis `consent`), by the coach. */
  caseMeetingItemId: '00000000-0000-4000-8000-000000000072',
  /** An open action of that item, owned by the coach. */
  caseMeetingActionId: '00000000-0000-4000-8000-000000000073',
  /** A group session facilitated by the coach, after `FIXTURE_TIME`. */
  groupSessionId: '00000000-0000-4000-8000-000000000081',
  /** An employer of the partnership. */
  employerId: '00000000-0000-4000-8000-000000000091',
  /** A job placement in the trajectory at `employerId`. */
  placementId: '00000000-0000-4000-8000-000000000092',
  /** An active persona of the partnership. */
  personaId: '00000000-0000-4000-8000-0000000000a1',
  /** The participant's live `case_meeting` consent. */
  consentId: '00000000-0000-4000-8000-0000000000a2',
  /** An instrument of the partnership (key `fixture`, version 1). */
  instrumentId: '00000000-0000-4000-8000-0000000000b1',
  /** A baseline assessment in the trajectory with `instrumentId`. */
  assessmentId: '00000000-0000-4000-8000-0000000000b2',
  /** An ESF report submission by the coach, with one stored fact row. */
  submissionId: '00000000-0000-4000-8000-0000000000c1',
  /** The hash of the fixture's one audit event, sealed as the partnership's chain entry 1. */
  auditHash: '6202095d8dfb6e351d84d41cc46bb557d2cec65dfd155eb2a90759a7510e9290',
} as const;

/** The staff member of `SQL_FIXTURE` each `SqlExample.as` names. */
export const SQL_EXAMPLE_ACTORS: Record<SqlExampleActor, string> = {
  coach: SQL_FIXTURE.coachId,
  coordinator: SQL_FIXTURE.coordinatorId,
  spoc: SQL_FIXTURE.spocId,
  dpo: SQL_FIXTURE.dpoId,
  admin: SQL_FIXTURE.adminId,
};

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
