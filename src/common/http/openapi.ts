import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentRateLimit } from './rate-limit';
import { completeContract } from './openapi-contract';
import { documentValidationRules } from './openapi-validation';

/** The contract as served at /docs-json; the permission snapshot test reads the same document. */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Jobteam CRM')
    .setDescription(
      'Case management for the Jobteam Gent ESF+ partnership. Errors are application/problem+json (RFC 9457). ' +
        'Every operation states the permission it needs (x-permission); which records it reaches follows the access grants.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  documentValidationRules();
  const document = SwaggerModule.createDocument(app, config);
  documentRateLimit(document);
  return completeContract(document);
}

export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/** One deterministic text for a document: keys sorted at every level, two-space indent, trailing newline. */
export function serialiseOpenApiDocument(doc: OpenAPIObject): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
      );
    return value;
  };
  return `${JSON.stringify(sort(doc), null, 2)}\n`;
}
