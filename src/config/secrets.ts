import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAuditSigningKey } from '../common/crypto/audit-signing';
import { Environment } from './environment';

export interface Secrets {
  jwtSecret: string;
  inszHashKey: string;
  appDbPassword: string;
  embeddedSuperPassword: string;
  /** Ed25519 private key (base64 PKCS#8 DER) that signs audit checkpoints. Never stored in the database. */
  auditSigningKey: string;
}

/**
 * Development secrets live in DATA_DIR so that tokens and INSZ hashes survive a restart
 * without anyone having to configure them. Production must pass them in (checked at boot).
 */
export function loadSecrets(env: Environment): Secrets {
  const file = join(env.DATA_DIR, 'secrets.json');
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  } catch {
    stored = {};
  }
  const fresh = () => randomBytes(32).toString('hex');
  const secrets: Secrets = {
    jwtSecret: stored.jwtSecret ?? fresh(),
    inszHashKey: stored.inszHashKey ?? fresh(),
    appDbPassword: stored.appDbPassword ?? fresh(),
    embeddedSuperPassword: stored.embeddedSuperPassword ?? fresh(),
    auditSigningKey: stored.auditSigningKey ?? generateAuditSigningKey(),
  };
  if ((Object.keys(secrets) as (keyof Secrets)[]).some((k) => stored[k] === undefined)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    ...secrets,
    jwtSecret: env.JWT_SECRET ?? secrets.jwtSecret,
    inszHashKey: env.INSZ_HASH_KEY ?? secrets.inszHashKey,
    appDbPassword: env.DATABASE_APP_PASSWORD ?? secrets.appDbPassword,
    auditSigningKey: env.AUDIT_SIGNING_KEY ?? secrets.auditSigningKey,
  };
}
