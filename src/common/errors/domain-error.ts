export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/**
 * A typed error with a stable string code. The problem+json filter turns it into an RFC 9457 body;
 * `extra` members are added to that body (e.g. the allowed next states of a transition).
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError(404, 'NOT_FOUND', `${what} was not found.`);
export const badRequest = (code: string, message: string, errors: FieldError[] = []) =>
  new DomainError(400, code, message, errors);
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError(409, code, message, [], extra);
export const forbidden = (message = 'Your role does not allow this action.') =>
  new DomainError(403, 'FORBIDDEN', message);
export const unauthorized = (message = 'Authentication is required.') =>
  new DomainError(401, 'UNAUTHORIZED', message);
