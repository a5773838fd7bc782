import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentRateLimit } from './rate-limit';

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
  const document = SwaggerModule.createDocument(app, config);
  documentRateLimit(document);
  return document;
}

export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
