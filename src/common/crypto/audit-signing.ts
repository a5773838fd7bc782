import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';

/** A signed statement "the chain of this partnership had this hash at this sequence number". */
export interface Checkpoint {
  partnershipId: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): which key signed a checkpoint. */
  keyId: string;
}

/** A fresh Ed25519 private key as base64 PKCS#8 DER: the format of AUDIT_SIGNING_KEY. */
export function generateAuditSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

export function auditSigningKey(base64Pkcs8: string): AuditSigningKey {
  const privateKey = createPrivateKey({
    key: Buffer.from(base64Pkcs8, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

/** The public key as base64 SPKI DER, printed with the export so an archive can be checked on its own. */
export function exportPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

export function importPublicKey(base64Spki: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
}

const message = (c: Omit<Checkpoint, 'signature' | 'keyId'>) =>
  Buffer.from(`jobteam-audit-checkpoint/v1\n${c.partnershipId}\n${c.seq}\n${c.hash}\n${c.signedAt}`, 'utf8');

export function signCheckpoint(key: AuditSigningKey, c: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint {
  return { ...c, keyId: key.keyId, signature: sign(null, message(c), key.privateKey).toString('base64') };
}

export function checkpointSignatureHolds(publicKey: KeyObject, c: Checkpoint): boolean {
  try {
    return verify(null, message(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}
