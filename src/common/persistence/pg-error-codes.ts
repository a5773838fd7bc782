/**
 * PostgreSQL SQLSTATE codes the application reacts to, by name
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html), so no code compares against a bare '23505'.
 */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  invalidDatetimeFormat: '22007',
  datetimeFieldOverflow: '22008',
  numericValueOutOfRange: '22003',
  stringDataRightTruncation: '22001',
  invalidTextRepresentation: '22P02',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  insufficientPrivilege: '42501',
  queryCanceled: '57014',
  adminShutdown: '57P01',
  cannotConnectNow: '57P03',
  objectInUse: '55006',
  connectionFailure: '08006',
  sqlclientUnableToEstablishSqlconnection: '08001',
  connectionDoesNotExist: '08003',
  duplicateObject: '42710',
  internalError: 'XX000',
} as const;

export type PgErrorCode = (typeof PgErrorCode)[keyof typeof PgErrorCode];

/** The SQLSTATE of a driver error, if it has one. */
export function pgErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
