import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AppModule, AppOptions } from './app.module';
import { setupOpenApi } from './common/http/openapi';
import { trustProxyOption } from './config/environment';
import { registerJsonDepthGuard } from './common/http/json-depth';
import { createConsoleLogger } from './common/logging/logger';
import { registerRateLimit } from './common/http/rate-limit';
import { createValidationPipe } from './common/validation/validation-pipe';
import { registerWebApp } from './web-app/serve-web-app';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Readable lines at a development terminal, JSON lines otherwise (src/common/logging/logger.ts). */
export function createLogger(level: string, nodeEnv?: string): LoggerService {
  return createConsoleLogger({ level, nodeEnv });
}

/** A hop count becomes proxy-addr's trust function (trust the first n hops); the adapter's typings take no number. */
function asFastifyTrust(option: boolean | number | string[] | undefined) {
  if (typeof option !== 'number') return option;
  return (_address: string, hop: number) => hop < option;
}

/** Builds the HTTP application (no listen): used by the server and by the e2e tests alike. */
export async function createApp(
  options: AppOptions,
  logger?: LoggerService | false,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Only behind a trusted proxy is the client address (login limits) read from X-Forwarded-For.
    trustProxy: asFastifyTrust(trustProxyOption(options.env.TRUST_PROXY)),
    // A caller's correlation id is kept if it looks like one; otherwise we mint one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: logger ?? createLogger(options.env.LOG_LEVEL),
    // Our own JSON parser (json-depth.ts) replaces Nest's, to reject deeply nested bodies.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const log = createConsoleLogger({ context: 'http', nodeEnv: options.env.NODE_ENV });
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    // The route pattern, never the raw URL: a query string may hold a name.
    if (options.env.LOG_LEVEL === 'debug' || options.env.LOG_LEVEL === 'verbose' || reply.statusCode >= 500) {
      log.log({
        requestId: req.id,
        method: req.method,
        route: req.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      });
    }
  });
  registerJsonDepthGuard(fastify);
  // Large lists and exports only: below 8 KB the CPU costs more than the bytes save on 2 cores.
  await app.register(compress, { global: true, threshold: 8192, encodings: ['gzip', 'deflate'] });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await registerRateLimit(app, options.env, options.secrets.jwtSecret);
  const origins = options.env.CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.enableCors({
    origin: origins?.length ? origins : false,
    exposedHeaders: [
      'ETag',
      'X-Request-Id',
      'Retry-After',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'If-Match',
      'Idempotency-Key',
      'X-Request-Id',
      'Accept-Language',
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app);
  // After the rate limiter (its routes opt out) and outside the OpenAPI document: the coaches' app at /app.
  registerWebApp(app);
  await app.init();
  await fastify.ready();
  return app;
}
