import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The coaches' web app (web/, issue 17), built by `npm run build:web` into web/dist and served here at /app.
 * Plain Fastify routes, not Nest controllers: they are no part of the API contract (absent from openapi.json),
 * need no token (the app logs in itself) and are not rate limited (a cached app shell costs nothing).
 */
export const WEB_APP_PREFIX = '/app';

/**
 * The app's own policy: its scripts and styles are files from this origin, so no 'unsafe-inline' (the API's
 * helmet policy allows it for Swagger UI). It talks only to this origin; the star is an inline SVG or an image.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** web/dist beside the sources (ts-jest, src/web-app) or beside the build (dist/src/web-app), or WEB_APP_DIR. */
export function webAppDirectory(override = process.env.WEB_APP_DIR): string {
  if (override) return resolve(override);
  const candidates = [resolve(__dirname, '../../web/dist'), resolve(__dirname, '../../../web/dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[candidates.length - 1];
}

const MISSING = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Jobteam app niet gebouwd</title></head>
<body><h1>De web-app is niet gebouwd / the web app has not been built</h1>
<p>Voer <code>npm run build:web</code> uit (of <code>npm start</code>, dat hem bouwt) en laad deze pagina opnieuw.</p>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload this page.</p></body></html>`;

function send(reply: FastifyReply, status: number, type: string, body: Buffer | string, cache: string) {
  return reply
    .status(status)
    .header('content-security-policy', WEB_APP_CSP)
    .header('content-type', type)
    .header('cache-control', cache)
    .send(body);
}

/**
 * Serves web/dist at /app: hashed assets (assets/*) for a year, everything else (index.html, the service
 * worker, the manifest) revalidated every time so a new build is seen at once. Paths that are no file get
 * index.html: the app keeps its views in memory, so this only happens when someone types a URL.
 * Without a build, /app answers 503 with a page that says how to build it, never a bare 404.
 */
export function registerWebApp(app: NestFastifyApplication, dir = webAppDirectory()): void {
  const fastify = app.getHttpAdapter().getInstance();
  const root = resolve(dir);
  const handler = async (path: string, reply: FastifyReply) => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) return send(reply, 503, 'text/html; charset=utf-8', MISSING, 'no-store');
    // The router has decoded the parameter already: decoding it again would read "%25E0" as a broken escape (500).
    const relative = normalize(path || 'index.html').replace(/^([/\\])+/, '');
    const file = resolve(root, relative);
    if (file !== root && file.startsWith(root + sep)) {
      const body = await readFile(file).catch(() => null);
      if (body) {
        const immutable = relative.startsWith(`assets${sep}`);
        return send(
          reply,
          200,
          TYPES[extname(file)] ?? 'application/octet-stream',
          body,
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }
      // A missing asset is a 404, not the app: a stale page must not execute HTML as a script.
      if (extname(file)) return send(reply, 404, 'text/plain; charset=utf-8', 'Not found', 'no-store');
    }
    return send(reply, 200, 'text/html; charset=utf-8', await readFile(index), 'no-cache');
  };
  const config = { rateLimit: false as const };
  fastify.get(WEB_APP_PREFIX, { config }, (_req, reply) => reply.redirect(`${WEB_APP_PREFIX}/`, 302));
  fastify.get<{ Params: { '*': string } }>(`${WEB_APP_PREFIX}/*`, { config }, (req, reply) =>
    handler(req.params['*'], reply),
  );
}
