import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { generateAuditSigningKey } from '../common/crypto/audit-signing';
import { loadEnvironment } from '../config/environment';
import { buildOpenApiDocument, serialiseOpenApiDocument } from '../common/http/openapi';

/**
 * `npm run openapi`: writes the contract to openapi.json at the repository root. The app module is
 * loaded in Nest's preview mode (nothing is instantiated, no database, no listening socket), so the
 * document depends on the code alone. The drift test compares it with the running API's document.
 */
async function main(): Promise<void> {
  const env = loadEnvironment({ NODE_ENV: 'test', MIGRATIONS_RUN: 'false', DEMO_SEED: 'false' });
  const secrets = {
    jwtSecret: 'x'.repeat(32),
    inszHashKey: 'x'.repeat(32),
    appDbPassword: '',
    embeddedSuperPassword: '',
    // Never used: preview mode starts no provider that signs.
    auditSigningKey: generateAuditSigningKey(),
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ env, secrets, appUrl: 'postgres://unused@127.0.0.1:1/unused' }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const target = join(__dirname, '..', '..', '..', 'openapi.json');
  writeFileSync(target, serialiseOpenApiDocument(buildOpenApiDocument(app)));
  await app.close();
  console.log(`wrote ${target}`);
}

void main();
