import rateLimit, { FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';
import { Environment } from '../../config/environment';
import { Clock } from '../../database/clock';
import { DomainError } from '../errors/domain-error';

export const RATE_LIMITED = 'RATE_LIMITED';
/** Stored windows before expired ones are swept; past twice that the oldest go (a flood of addresses). */
const SWEEP_AT = 20_000;

interface Window {
  count: number;
  startMs: number;
}

/**
 * A fixed window per key, in memory (one process; several instances would need a shared store), on the
 * injected Clock so tests can move time instead of waiting for a window to pass.
 */
function clockStore(clock: Clock): new () => FastifyRateLimitStore {
  const windows = new Map<string, Window>();
  const sweep = (now: number, timeWindow: number) => {
    for (const [key, w] of windows) if (w.startMs + timeWindow <= now) windows.delete(key);
    for (const key of windows.keys()) {
      if (windows.size <= SWEEP_AT * 2) break;
      windows.delete(key);
    }
  };
  return class ClockStore implements FastifyRateLimitStore {
    incr(
      key: string,
      cb: (e: Error | null, r?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      const now = clock.now().getTime();
      let w = windows.get(key);
      if (!w || w.startMs + timeWindow <= now) {
        if (windows.size >= SWEEP_AT) sweep(now, timeWindow);
        w = { count: 0, startMs: now };
        windows.set(key, w);
      }
      w.count += 1;
      cb(null, { current: w.count, ttl: w.startMs + timeWindow - now });
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/**
 * The subject of a bearer token that this API signed (HS256), else undefined. Only a valid signature
 * earns a per-user budget: keyed by an unverified `sub`, a client could mint a fresh budget per request.
 * Expiry is not checked: an expired token of ours still names one user, and is refused by the guard.
 */
export function verifiedSubject(authorization: string | undefined, key: KeyObject): string | undefined {
  if (!authorization || authorization.length > 4096 || !/^Bearer /i.test(authorization)) return undefined;
  const parts = authorization.slice(7).trim().split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub.length <= 64 ? sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * General rate limiting: per user for requests with a token we signed, per client address otherwise
 * (`req.ip`, which honours the proxy settings). Draft-7 `RateLimit-*` headers on every limited route,
 * `Retry-After` and a problem+json 429 (code RATE_LIMITED) past the limit. Health probes are exempt:
 * an orchestrator must never read a 429 as "not ready".
 */
export async function registerRateLimit(
  app: NestFastifyApplication,
  env: Environment,
  jwtSecret: string,
): Promise<void> {
  const clock = app.get(Clock);
  const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    enableDraftSpec: true,
    timeWindow: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
    store: clockStore(clock),
    keyGenerator: (req: FastifyRequest) => {
      const sub = verifiedSubject(req.headers.authorization, key);
      return sub ? `user:${sub}` : `address:${normalizeIP(req.ip)}`;
    },
    max: (_req: FastifyRequest, k: string) =>
      k.startsWith('user:') ? env.RATE_LIMIT_PER_USER : env.RATE_LIMIT_PER_ADDRESS,
    allowList: (req: FastifyRequest) => /^\/health(\/|$)/.test(req.routeOptions.url ?? ''),
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError(
        429,
        RATE_LIMITED,
        `Too many requests (limit ${context.max} per ${env.RATE_LIMIT_WINDOW_SECONDS} s). Retry in ${seconds} s.`,
        [],
        { retryAfterSeconds: seconds },
      );
    },
  });
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const integerHeader = (description: string) => ({
  description,
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 },
});

/** Declares the 429 on every rate-limited operation (all but the health probes), as one shared response. */
export function documentRateLimit(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.responses ??= {};
  document.components.responses.TooManyRequests = {
    description:
      'Rate limited (code RATE_LIMITED; TOO_MANY_LOGIN_ATTEMPTS from the login limiter): per user for authenticated requests, per client address otherwise. ' +
      'Every limited response carries the RateLimit-* headers; wait Retry-After seconds.',
    headers: {
      'RateLimit-Limit': integerHeader('Requests allowed in the current window'),
      'RateLimit-Remaining': integerHeader('Requests left in the current window'),
      'RateLimit-Reset': integerHeader('Seconds until the window resets'),
      'Retry-After': integerHeader('Seconds to wait before retrying'),
      'Access-Control-Allow-Origin': {
        description: 'The calling origin, when it is one of CORS_ORIGINS (absent otherwise)',
        schema: { type: 'string', maxLength: 2048 },
      },
    },
    content: {
      'application/problem+json': {
        schema: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string', example: 'Too Many Requests' },
            status: { type: 'integer', format: 'int32', minimum: 429, maximum: 429 },
            detail: { type: 'string' },
            // Login has its own, stricter limiter (per account and per address) with its own code.
            code: { type: 'string', enum: [RATE_LIMITED, 'TOO_MANY_LOGIN_ATTEMPTS'] },
            errors: { type: 'array', maxItems: 0, items: { type: 'object' } },
            retryAfterSeconds: { type: 'integer', format: 'int32', minimum: 1, maximum: 86400 },
            requestId: { type: 'string' },
          },
        },
      },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    if (/^\/health(\/|$)/.test(path)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) operation.responses['429'] ??= { $ref: '#/components/responses/TooManyRequests' };
    }
  }
}
