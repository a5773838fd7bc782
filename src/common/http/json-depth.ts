import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error';

export const MAX_JSON_DEPTH = 32;

/** Depth of a JSON text, counted without parsing it, so a hostile body cannot blow the stack. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Replaces Fastify's JSON parser with one that rejects deeply nested bodies with a 400. */
export function registerJsonDepthGuard(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      return done(
        new DomainError(
          400,
          'JSON_TOO_DEEP',
          `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
        ),
        undefined,
      );
    }
    try {
      done(
        null,
        JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value)),
      );
    } catch {
      done(new DomainError(400, 'JSON_INVALID', 'The body is not valid JSON.'), undefined);
    }
  });
}
