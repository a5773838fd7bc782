import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password';
import { passwordWeaknesses } from '../auth/password-strength';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { CredentialTokenResponse } from './dto/staff.dto';
import { CredentialPurpose, StaffCredentialsRepository } from './staff-credentials.repository';
import { credentialTokenInvalid, passwordWeak } from './staff.errors';
import { StaffRepository } from './staff.repository';

export type { CredentialPurpose } from './staff-credentials.repository';

/** How long a token lives: a new colleague gets three days, a reset one hour. */
export const CREDENTIAL_TOKEN_TTL_MS: Record<CredentialPurpose, number> = {
  activation: 72 * 3_600_000,
  reset: 3_600_000,
};

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Passwords are set only by the account's owner: an org_admin gets a one-time token (random, 256 bits,
 * stored as its SHA-256 only) to hand over out of band, and the owner redeems it with a password of
 * their own. Setting a password bumps the account's token version, so older bearer tokens stop.
 */
@Injectable()
export class StaffCredentialsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly tokens: StaffCredentialsRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditService,
  ) {}

  /** In the current request transaction: issues a token and ends the account's earlier unused ones. */
  async issue(staffId: string, purpose: CredentialPurpose): Promise<CredentialTokenResponse> {
    const token = randomBytes(32).toString('base64url');
    const now = this.db.now;
    const expiresAt = new Date(now.getTime() + CREDENTIAL_TOKEN_TTL_MS[purpose]);
    await this.tokens.endUnused(staffId, now);
    await this.tokens.insert({
      partnershipId: this.db.actor.partnershipId,
      staffId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: this.db.actor.staffId,
      createdAt: now,
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** Ends every bearer token of the account (reset issued, deactivation). */
  async endTokens(staffId: string): Promise<void> {
    await this.staff.bumpTokenVersion(staffId);
  }

  /** POST /auth/activate: no bearer token, so the token's hash is the only way to its account. */
  async activate(token: string, password: string, requestId: string): Promise<void> {
    const row = await this.db.runWithoutTenant(() => this.tokens.lookup(hashToken(token)));
    if (!row || row.used_at || !row.active) throw credentialTokenInvalid();
    const reasons = passwordWeaknesses(password, row);
    if (reasons.length) throw passwordWeak(reasons);
    const passwordHash = await hashPassword(password);
    // The owner is the actor: the audit event names them, and RLS scopes the writes to their partnership.
    await this.db.runAsStaff(
      { tenantId: row.partnership_id, staffId: row.staff_id, requestId },
      async (actor) => {
        if (!actor) throw credentialTokenInvalid();
        // Expired, or redeemed by a concurrent request a moment ago: single use holds either way.
        if (!(await this.tokens.redeem(row.id))) throw credentialTokenInvalid();
        await this.setPassword(row.staff_id, passwordHash);
        await this.audit.record({
          action: 'update',
          resourceType: 'staff',
          resourceId: row.staff_id,
          reason: row.purpose === 'activation' ? 'account activated' : 'password reset completed',
          details: { credential: row.purpose },
        });
      },
    );
  }

  /** POST /auth/password, in the caller's request transaction: the caller's other tokens stop. */
  async changeOwnPassword(newPassword: string): Promise<void> {
    const actor = this.db.actor;
    const reasons = passwordWeaknesses(newPassword, actor);
    if (reasons.length) throw passwordWeak(reasons);
    await this.setPassword(actor.staffId, await hashPassword(newPassword));
    await this.audit.record({
      action: 'update',
      resourceType: 'staff',
      resourceId: actor.staffId,
      reason: 'password changed by its owner',
      details: { credential: 'password_change' },
    });
  }

  private async setPassword(staffId: string, passwordHash: string): Promise<void> {
    await this.staff.setPassword(staffId, passwordHash);
    // Any other token still waiting for this account is void once a password is set.
    await this.tokens.endUnusedNow(staffId);
  }
}
