import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DomainError, FieldError } from '../errors/domain-error';

/**
 * PostgreSQL stores every character except NUL (U+0000): text refuses it, and jsonb refuses the
 * `\u0000` escape, so such a value would surface as a 500 from the driver. It is never meaningful
 * in a name, a note or a search term, so it is refused at the edge, for every route at once.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000/;
const MAX_REPORTED = 20;

/** The path of every string (or object key) holding a character PostgreSQL cannot store. */
export function unstorableFields(value: unknown, path: string, found: string[] = []): string[] {
  if (found.length >= MAX_REPORTED) return found;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, `${path}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const at = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) found.push(path ? `${path}.${JSON.stringify(key)}` : JSON.stringify(key));
      else unstorableFields(v, at, found);
    }
  }
  return found;
}

/** Headers whose values reach the database or the response (the others are only parsed or compared). */
const VALUE_HEADERS = ['idempotency-key', 'if-match', 'accept-language', 'x-request-id'];

/**
 * Runs before the request transaction, guards' work aside, so nothing is written: query and path
 * parameters, the body (at any depth, keys included) and value-carrying headers. Node's HTTP parser
 * already refuses NUL in header lines; the header check keeps the rule whole if that ever changes.
 */
@Injectable()
export class ControlCharactersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const fields = [
      ...unstorableFields(req.params ?? {}, ''),
      ...unstorableFields(req.query ?? {}, ''),
      ...unstorableFields(req.body ?? {}, ''),
      ...VALUE_HEADERS.filter((h) => {
        const v = req.headers[h];
        return (Array.isArray(v) ? v : [v ?? '']).some((x) => UNSTORABLE.test(x));
      }),
    ];
    if (fields.length > 0) {
      const errors: FieldError[] = fields.map((field) => ({
        field,
        message: 'contains a NUL character (U+0000), which cannot be stored',
      }));
      throw new DomainError(
        400,
        'CONTROL_CHARACTER',
        `These fields contain a character that cannot be stored: ${fields.join(', ')}.`,
        errors,
      );
    }
    return next.handle();
  }
}
