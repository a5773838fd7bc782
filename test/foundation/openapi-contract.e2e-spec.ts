import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialiseOpenApiDocument } from '../../src/common/http/openapi';
import { createTestApp, TestApp } from '../harness/test-app';

const ROOT = join(__dirname, '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM = 'application/problem+json';
const PUBLIC = ['GET /health', 'GET /health/ready', 'POST /auth/login', 'POST /auth/activate'];

type Json = Record<string, unknown>;
interface Op {
  key: string;
  path: string;
  op: Json & { responses: Record<string, Json>; parameters?: Json[]; security?: unknown[] };
}

describe('The API contract (openapi.json)', () => {
  let t: TestApp;
  let served: Json;
  let ops: Op[];

  beforeAll(async () => {
    t = await createTestApp();
    served = (await t.http().get('/docs-json').expect(200)).body as Json;
    ops = Object.entries(served.paths as Record<string, Json>).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({
        key: `${m.toUpperCase()} ${path}`,
        path,
        op: item[m] as Op['op'],
      })),
    );
  });
  afterAll(() => t.close());

  it('is the document the running API serves (run npm run openapi when this fails)', () => {
    const committed = readFileSync(join(ROOT, 'openapi.json'), 'utf8');
    const message = 'openapi.json differs from the running API: run npm run openapi and commit the result';
    expect({ message, same: serialiseOpenApiDocument(served as never) === committed }).toEqual({
      message,
      same: true,
    });
    // The diff itself, for the reader of a failed run.
    expect(JSON.parse(committed)).toEqual(JSON.parse(serialiseOpenApiDocument(served as never)));
  });

  it('has a typed client generated from it (run npm run openapi when this fails)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jobteam-client-')), 'schema.d.ts');
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
        join(ROOT, 'openapi.json'),
        '-o',
        out,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const message = 'client/src/schema.d.ts is stale: run npm run openapi and commit the result';
    const same =
      readFileSync(out, 'utf8') === readFileSync(join(ROOT, 'client', 'src', 'schema.d.ts'), 'utf8');
    expect({ message, same }).toEqual({ message, same: true });
  });

  it('states the licence, the servers and the bearer scheme', () => {
    expect((served.info as Json).license).toEqual(expect.objectContaining({ name: 'EUPL-1.2' }));
    expect((served.servers as Json[]).length).toBeGreaterThan(0);
    expect(((served.components as Json).schemas as Json).ProblemDetails).toEqual(
      expect.objectContaining({
        required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
      }),
    );
  });

  // Every 2xx JSON body the OpenAPI matrix (test/privacy/openapi-matrix.e2e-spec.ts) receives is
  // checked against these schemas, so a schema that says something other than what is sent fails there.
  it('gives every operation a success response with a schema', () => {
    const missing = ops
      .filter(({ op }) => {
        const success = Object.entries(op.responses).find(([s]) => /^2/.test(s))?.[1];
        if (!success) return true;
        if (Object.keys(op.responses).includes('204')) return false;
        const content = (success.content ?? {}) as Record<string, { schema?: Json }>;
        const schemas = Object.values(content).map((c) => c.schema);
        // A schema that says nothing (`type: object` without properties, or Nest's `Object`) is no schema.
        return (
          schemas.length === 0 ||
          schemas.some(
            (s) =>
              !s ||
              JSON.stringify(s).includes('#/components/schemas/Object"') ||
              (s.type === 'object' && !s.properties && !s.additionalProperties && !s.allOf),
          )
        );
      })
      .map((o) => o.key);
    expect({ missing }).toEqual({ missing: [] });
  });

  it('gives every operation its problem responses as application/problem+json with their codes', () => {
    const wrong: string[] = [];
    for (const { key, path, op } of ops) {
      const needed = ['500'];
      if (!path.startsWith('/health')) needed.push('429');
      if (!PUBLIC.includes(key)) needed.push('401', '403');
      if (path.includes('{')) needed.push('404');
      if (op.requestBody || (op.parameters ?? []).some((p) => p.in !== 'header')) needed.push('400');
      for (const status of needed) if (!op.responses[status]) wrong.push(`${key}: no ${status}`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status) || response.$ref) continue;
        const content = (response.content ?? {}) as Record<string, { schema?: Json }>;
        if (content[PROBLEM]?.schema?.$ref !== '#/components/schemas/ProblemDetails')
          wrong.push(`${key}: ${status} is not ProblemDetails`);
        const codes = response['x-codes'] as string[] | undefined;
        if (!codes?.length || !codes.every((c) => /^[A-Z0-9_]+$/.test(c)))
          wrong.push(`${key}: ${status} lists no codes`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists the business codes a route declares, next to the ones every route shares', () => {
    const login = ops.find((o) => o.key === 'POST /auth/login')!.op;
    expect(login.responses['401']['x-codes']).toEqual(['UNAUTHORIZED']);
    // The 429 is the shared rate-limit response (src/common/http/rate-limit.ts), which names both codes.
    expect(login.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(login.responses['400']['x-codes']).toEqual(['BAD_REQUEST', 'VALIDATION_FAILED']);
  });

  it('marks exactly the public routes as security: [] and every other route as bearer', () => {
    const open = ops
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map((o) => o.key);
    expect(open.sort()).toEqual([...PUBLIC].sort());
    for (const { key, op } of ops.filter((o) => !PUBLIC.includes(o.key)))
      expect({ key, security: op.security }).toEqual({ key, security: [{ bearer: [] }] });
  });

  it('states a format, an enum, a pattern or limits for every path and query parameter', () => {
    const loose: string[] = [];
    for (const { key, op } of ops)
      for (const p of op.parameters ?? []) {
        const s = (p.schema ?? {}) as Json;
        if (p.in === 'path' && s.format !== 'uuid') loose.push(`${key} ${String(p.name)}`);
        if (p.in !== 'query') continue;
        const bounded =
          s.type === 'string'
            ? Boolean(s.enum || s.format || s.pattern || s.maxLength)
            : s.type === 'integer' || s.type === 'number'
              ? s.minimum !== undefined && s.maximum !== undefined
              : s.type === 'boolean';
        if (!bounded) loose.push(`${key} ${String(p.name)} ${JSON.stringify(s)}`);
      }
    expect(loose).toEqual([]);
  });
});
