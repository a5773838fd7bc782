import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';

export interface LoginRow {
  id: string;
  partnership_id: string;
  password_hash: string | null;
  active: boolean;
  token_version: number;
}

/**
 * Credentials by login email, through app_login_lookup(): the one way to find an account across
 * partnerships, as the database owner, returning only what a login needs.
 */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Before login there is no tenant: its own transaction, without RLS context. */
  @GenerateSql({ params: ['coach@example.test'] })
  findLogin(normalisedEmail: string): Promise<LoginRow[]> {
    return this.db.runWithoutTenant<LoginRow[]>((m) =>
      m.query('select * from app_login_lookup($1)', [normalisedEmail]),
    );
  }

  /** Inside the caller's request transaction (a password change). */
  @GenerateSql({ params: ['coach@example.test'] })
  findLoginInRequest(email: string): Promise<LoginRow[]> {
    return this.db.manager.query('select * from app_login_lookup($1)', [email]);
  }
}
