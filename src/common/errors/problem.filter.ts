import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PgErrorCode } from '../persistence/pg-error-codes';
import { DomainError, FieldError } from './domain-error';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: FieldError[];
  requestId?: string;
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  428: 'PRECONDITION_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** PostgreSQL error codes that mean the input or the moment was wrong, not the server. */
function fromPostgres(err: { code?: string }): DomainError | undefined {
  switch (err.code) {
    case PgErrorCode.uniqueViolation:
      return new DomainError(409, 'CONFLICT', 'A record with these values already exists.');
    case PgErrorCode.foreignKeyViolation:
      return new DomainError(
        409,
        'REFERENCE_CONFLICT',
        'A referenced record does not exist or is still in use.',
      );
    case PgErrorCode.checkViolation:
    case PgErrorCode.invalidTextRepresentation:
    case PgErrorCode.invalidDatetimeFormat:
    case PgErrorCode.datetimeFieldOverflow:
    case PgErrorCode.numericValueOutOfRange:
    case PgErrorCode.stringDataRightTruncation:
      return new DomainError(400, 'BAD_REQUEST', 'A value is out of range or malformed.');
    case PgErrorCode.serializationFailure:
    case PgErrorCode.deadlockDetected:
      return new DomainError(409, 'CONCURRENT_UPDATE', 'The record changed at the same time; retry.');
    case PgErrorCode.insufficientPrivilege:
      return new DomainError(404, 'NOT_FOUND', 'The record was not found.');
    case PgErrorCode.queryCanceled:
      return new DomainError(503, 'TIMEOUT', 'The database took too long to answer; retry later.');
    case PgErrorCode.adminShutdown:
    case PgErrorCode.cannotConnectNow:
    case PgErrorCode.connectionFailure:
    case PgErrorCode.sqlclientUnableToEstablishSqlconnection:
    case PgErrorCode.connectionDoesNotExist:
      return new DomainError(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; retry later.');
    default:
      return undefined;
  }
}

export function toProblem(exception: unknown): { problem: Problem; unexpected: boolean } {
  let status = 500;
  let code = DEFAULT_CODES[500];
  let detail = 'An unexpected error occurred. Quote the request id when you report it.';
  let errors: FieldError[] = [];
  let extra: Record<string, unknown> = {};
  let unexpected = false;
  const known = exception instanceof DomainError ? exception : fromPostgres(exception as { code?: string });
  if (known) {
    ({ status, code, errors, extra } = known);
    detail = known.message;
  } else if (exception instanceof HttpException) {
    status = exception.getStatus();
    code = DEFAULT_CODES[status] ?? 'HTTP_ERROR';
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
  } else if (isClientError(exception)) {
    status = exception.statusCode;
    code =
      exception.code && /^[A-Z_]+$/.test(exception.code)
        ? exception.code.replace(/^FST_ERR_/, '')
        : (DEFAULT_CODES[status] ?? 'BAD_REQUEST');
    detail = status === 413 ? 'The request body is larger than the limit.' : exception.message;
  } else if (/timeout exceeded when trying to connect/i.test(String((exception as Error)?.message))) {
    // The pool queue timed out (DB_ACQUIRE_TIMEOUT_MS): the database is up but every connection is busy.
    status = 503;
    code = 'DATABASE_BUSY';
    detail = 'All database connections are in use; retry shortly.';
  } else if (databaseUnreachable(exception)) {
    status = 503;
    code = 'DATABASE_UNAVAILABLE';
    detail = 'The database is busy or unavailable; retry shortly.';
  } else {
    unexpected = true;
  }
  return {
    problem: {
      type: `https://jobteam.gent/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      errors,
      ...extra,
    },
    unexpected,
  };
}

function isClientError(e: unknown): e is { statusCode: number; code?: string; message: string } {
  const s = (e as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 500;
}

/** Every error leaves as application/problem+json (RFC 9457) with the request's correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, unexpected } = toProblem(exception);
    problem.requestId = String(req.id);
    if (unexpected) {
      const err = exception as Error;
      // The stack helps us; the message may hold input, so it is logged but never returned.
      this.logger.error({
        msg: 'unexpected error',
        requestId: req.id,
        name: err?.name,
        stack: err?.stack?.split('\n').slice(1).join('\n'),
      });
    }
    if (reply.sent) return;
    // Clients and proxies honour the header, not a field in the body. Load and outages pass;
    // a client that waits a second before retrying helps them pass.
    if (typeof problem.retryAfterSeconds === 'number')
      reply.header('retry-after', String(problem.retryAfterSeconds));
    else if (problem.status === 503) reply.header('retry-after', '1');
    reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  }
}

/** Socket errors while connecting: over TCP the server refuses; over its Unix socket the file is gone (ENOENT). */
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

function databaseUnreachable(exception: unknown): boolean {
  const err = exception as { message?: unknown; code?: unknown; syscall?: unknown } | undefined;
  if (err?.syscall === 'connect' && CONNECT_ERRORS.has(String(err.code))) return true;
  return /Connection terminated|ECONNREFUSED|the database system is (shutting down|starting up)/i.test(
    String(err?.message),
  );
}
