import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CODES_EXTENSION } from './api-problems.decorator';

type Json = Record<string, unknown>;
interface Operation extends Json {
  parameters?: Json[];
  requestBody?: unknown;
  responses: Record<string, Json>;
  security?: unknown[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const PROBLEM = 'application/problem+json';
const LICENSE = {
  name: 'EUPL-1.2',
  url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
};
const DESCRIPTIONS: Record<string, string> = {
  '400': 'The request is invalid (field errors in errors[]).',
  '401': 'No valid bearer token.',
  '403': "The caller's roles lack the permission this operation needs.",
  '404': 'The record does not exist, or the caller may not know that it does.',
  '409': 'The request conflicts with the stored state.',
  '412': 'If-Match names an older version.',
  '413': 'The request body is larger than the limit.',
  '415': 'The request body is not JSON.',
  '422': 'The request is well-formed but breaks a business rule.',
  '428': 'If-Match is required.',
  '429': 'Too many requests; retry after Retry-After seconds.',
  '500': 'An unexpected error; the body reveals nothing but the request id.',
  '503': 'The database is busy or unavailable; retry shortly.',
};

/** The one shape of every error body (RFC 9457), as written by ProblemFilter. */
export const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      maxLength: 200,
      example: 'https://jobteam.gent/problems/not-found',
    },
    title: { type: 'string', maxLength: 100, example: 'Not Found' },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 404 },
    detail: { type: 'string', maxLength: 2000, example: 'The record was not found.' },
    code: { type: 'string', pattern: '^[A-Z0-9_]+$', maxLength: 100, example: 'NOT_FOUND' },
    errors: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', maxLength: 200 },
          message: { type: 'string', maxLength: 1000 },
        },
      },
    },
    requestId: { type: 'string', maxLength: 128, pattern: '^[A-Za-z0-9._-]{8,128}$' },
  },
  description:
    'application/problem+json (RFC 9457). Some problems add members, such as existingParticipantId on a duplicate.',
};

/** Parameters by name: what the validation pipes accept, stated where the DTO does not say it. */
function completeParameter(param: Json): void {
  const schema = (param.schema ?? {}) as Json;
  if (param.in === 'path') {
    // Every path parameter is a record id, parsed by ParseUUIDPipe.
    param.schema = { type: 'string', format: 'uuid', maxLength: 36 };
    return;
  }
  if (param.in === 'header') {
    if (param.name === 'If-Match') Object.assign(schema, { pattern: '^(W/)?"?\\d{1,9}"?$', maxLength: 14 });
    if (param.name === 'Idempotency-Key')
      Object.assign(schema, { pattern: '^[A-Za-z0-9._:-]{8,128}$', maxLength: 128 });
    if (param.name === 'Accept-Language') Object.assign(schema, { maxLength: 100 });
    param.schema = schema;
    return;
  }
}

function problemResponse(status: string, codes: string[]): Json {
  const sorted = [...new Set(codes)].sort();
  return {
    description: `${DESCRIPTIONS[status] ?? 'Error.'} Codes: ${sorted.join(', ')}.`,
    'x-codes': sorted,
    content: { [PROBLEM]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  };
}

/**
 * Completes the document Nest builds from the decorators with what holds by rule, so it cannot drift
 * from the code: public routes have `security: []`; every operation lists its problem responses
 * (its own @ApiProblems codes plus validation, authentication, permission, not found, If-Match,
 * rate limit and server problems as they apply); path parameters are uuids.
 */
export function completeContract(doc: OpenAPIObject): OpenAPIObject {
  doc.info.license = LICENSE;
  doc.servers = [
    // x-internal: the audience of the server (OWASP API9); it is the public API of the partnership.
    {
      url: 'https://{host}',
      description:
        'Production: the API behind its TLS-terminating reverse proxy (npm start alone listens on http://127.0.0.1:3000)',
      variables: { host: { default: 'localhost:3000', description: 'Host name and port of the deployment' } },
      'x-internal': false,
    },
  ] as unknown as OpenAPIObject['servers'];
  const bearer = doc.components?.securitySchemes?.bearer as Json | undefined;
  if (bearer)
    bearer.description =
      'A JWT from POST /auth/login, signed with HS256 and short-lived, following RFC8725 (JWT best current practices).';
  doc.components = doc.components ?? {};
  doc.components.schemas = { ...doc.components.schemas, ProblemDetails: PROBLEM_DETAILS_SCHEMA };
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      for (const tag of (op.tags ?? []) as string[]) tags.add(tag);
      const authenticated = typeof op['x-permission'] === 'string';
      if (!authenticated) op.security = [];
      const codes: Record<string, string[]> = {};
      const add = (status: number | string, ...c: string[]) =>
        (codes[String(status)] = [...(codes[String(status)] ?? []), ...c]);
      const params = op.parameters ?? [];
      for (const param of params) completeParameter(param);
      if (params.some((p) => p.in !== 'header') || op.requestBody) add(400, 'VALIDATION_FAILED');
      if (op.requestBody) add(400, 'BAD_REQUEST');
      if (op.requestBody) add(413, 'PAYLOAD_TOO_LARGE');
      if (op.requestBody) add(415, 'UNSUPPORTED_MEDIA_TYPE');
      if (authenticated) add(401, 'UNAUTHORIZED');
      if (authenticated) add(403, 'FORBIDDEN');
      if (path.includes('{')) add(404, 'NOT_FOUND');
      if (params.some((p) => p.name === 'If-Match')) {
        add(400, 'IF_MATCH_INVALID');
        add(412, 'VERSION_CONFLICT');
        add(428, 'PRECONDITION_REQUIRED');
      }
      if (params.some((p) => p.name === 'Idempotency-Key')) {
        add(400, 'IDEMPOTENCY_KEY_INVALID');
        add(422, 'IDEMPOTENCY_KEY_REUSED');
      }
      if (method !== 'get') add(409, 'CONFLICT', 'CONCURRENT_UPDATE', 'REFERENCE_CONFLICT');
      if (!path.startsWith('/health')) add(429, 'TOO_MANY_REQUESTS');
      add(500, 'INTERNAL_ERROR');
      add(503, 'DATABASE_BUSY', 'DATABASE_UNAVAILABLE', 'TIMEOUT');
      const own = (op[PROBLEM_CODES_EXTENSION] ?? {}) as Record<string, string[]>;
      delete op[PROBLEM_CODES_EXTENSION];
      for (const [status, list] of Object.entries(own)) add(status, ...list);
      for (const [status, list] of Object.entries(codes)) {
        const existing = op.responses[status];
        // A shared response ($ref, such as a global 429) is left as it is.
        if (existing?.$ref) continue;
        // A route may have declared this status itself (a 503 from /health/ready): keep its words.
        const response = problemResponse(status, list);
        if (typeof existing?.description === 'string')
          response.description = `${existing.description} Codes: ${(response['x-codes'] as string[]).join(', ')}.`;
        op.responses[status] = response;
      }
    }
  }
  doc.tags = [...tags].sort().map((name) => ({ name }));
  return doc;
}
