import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { SECRETS } from '../config/config.module';
import { Secrets } from '../config/secrets';

/**
 * The INSZ is stored twice, neither time readable from the table: a keyed hash to find duplicates
 * across the partnership, and an AES-256-GCM ciphertext that only a full-scope response decrypts.
 */
@Injectable()
export class InszProtector {
  private readonly hashKey: Buffer;
  private readonly encKey: Buffer;

  constructor(@Inject(SECRETS) secrets: Secrets) {
    const ikm = Buffer.from(secrets.inszHashKey, 'utf8');
    this.hashKey = Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'jobteam insz hash', 32));
    this.encKey = Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'jobteam insz encryption', 32));
  }

  hash(normalisedInsz: string): string {
    return createHmac('sha256', this.hashKey).update(normalisedInsz).digest('hex');
  }

  encrypt(normalisedInsz: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const data = Buffer.concat([cipher.update(normalisedInsz, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string | null): string | null {
    if (!stored?.startsWith('v1:')) return null;
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
