import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';

export type CredentialPurpose = 'activation' | 'reset';

export interface CredentialTokenRow {
  id: string;
  partnership_id: string;
  staff_id: string;
  purpose: CredentialPurpose;
  expires_at: Date;
  used_at: Date | null;
  email: string;
  name: string;
  active: boolean;
}

export interface NewCredentialToken {
  partnershipId: string;
  staffId: string;
  purpose: CredentialPurpose;
  tokenHash: Buffer;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
}

const STAFF_ID = F.coachId;
const AT = new Date('2026-01-15T09:00:00Z');

/** One-time activation and reset tokens (staff_credential_tokens), stored as their SHA-256 only. */
@Injectable()
export class StaffCredentialsRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Marks the account's unused tokens used at `at`. */
  @GenerateSql({ params: [STAFF_ID, AT] })
  async endUnused(staffId: string, at: Date): Promise<void> {
    await this.db.manager.query(
      'update staff_credential_tokens set used_at = $2 where staff_id = $1 and used_at is null',
      [staffId, at],
    );
  }

  /** Marks the account's unused tokens used at the database's clock (app_now()). */
  @GenerateSql({ params: [STAFF_ID] })
  async endUnusedNow(staffId: string): Promise<void> {
    await this.db.manager.query(
      'update staff_credential_tokens set used_at = app_now() where staff_id = $1 and used_at is null',
      [staffId],
    );
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        staffId: F.coachId,
        purpose: 'activation',
        tokenHash: Buffer.alloc(32),
        expiresAt: AT,
        createdBy: F.coachId,
        createdAt: AT,
      },
    ],
  })
  async insert(token: NewCredentialToken): Promise<void> {
    await this.db.manager.query(
      `insert into staff_credential_tokens (partnership_id, staff_id, purpose, token_hash, expires_at, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        token.partnershipId,
        token.staffId,
        token.purpose,
        token.tokenHash,
        token.expiresAt,
        token.createdBy,
        token.createdAt,
      ],
    );
  }

  /** The token with this hash and its account, across partnerships (no tenant is known before it). */
  @GenerateSql({ params: [Buffer.alloc(32)] })
  async lookup(tokenHash: Buffer): Promise<CredentialTokenRow | undefined> {
    const rows: CredentialTokenRow[] = await this.db.manager.query(
      'select * from app_credential_token_lookup($1)',
      [tokenHash],
    );
    return rows[0];
  }

  /** Uses the token if it is still unused and unexpired; false if it was not (single use under concurrency). */
  @GenerateSql({ params: ['00000000-0000-4000-8000-000000000006'] })
  async redeem(id: string): Promise<boolean> {
    const used: unknown[] = await this.db.manager.query(
      `with u as (update staff_credential_tokens set used_at = app_now()
                   where id = $1 and used_at is null and expires_at > app_now() returning id)
       select id from u`,
      [id],
    );
    return used.length > 0;
  }
}
