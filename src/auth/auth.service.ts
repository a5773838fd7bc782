import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { unauthorized } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { MeResponse, TokenResponse } from './dto/login.dto';
import { StaffCredentialsService } from '../staff/staff-credentials.service';
import { currentPasswordWrong } from '../staff/staff.errors';
import { JwtPayload } from './jwt-payload';
import { LoginRateLimiter, normaliseLoginEmail } from './login-rate-limiter';
import { timingDummyHash, verifyPassword } from './password';

interface LoginRow {
  id: string;
  partnership_id: string;
  password_hash: string | null;
  active: boolean;
  token_version: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    private readonly credentials: StaffCredentialsService,
    @Inject(ENV) private readonly env: Environment,
  ) {}

  async login(email: string, password: string, ip: string): Promise<TokenResponse> {
    // The limiter and the lookup see the same normal form, so padding or case buys no extra tries.
    const key = normaliseLoginEmail(email);
    this.limiter.check(ip, key);
    const rows = await this.db.runWithoutTenant<LoginRow[]>((m) =>
      m.query('select * from app_login_lookup($1)', [key]),
    );
    const row = rows[0];
    const ok = await verifyPassword(row?.password_hash ?? (await timingDummyHash()), password);
    // One answer for an unknown email, a wrong password, an account not yet activated and a deactivated one.
    if (!row || !ok || !row.active || !row.password_hash) {
      this.limiter.failed(ip, key);
      throw unauthorized('The email or password is wrong, or the account is not active.');
    }
    this.limiter.succeeded(key);
    const payload: JwtPayload = { sub: row.id, tid: row.partnership_id, tv: row.token_version };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.env.JWT_EXPIRES_IN,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_EXPIRES_IN };
  }

  activate(token: string, password: string, requestId: string): Promise<void> {
    return this.credentials.activate(token, password, requestId);
  }

  /** The caller's own password; counts as a login attempt for the limiter, so a stolen token cannot guess it. */
  async changePassword(currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const actor = this.db.actor;
    this.limiter.check(ip, actor.email);
    const rows: LoginRow[] = await this.db.manager.query('select * from app_login_lookup($1)', [actor.email]);
    const hash = rows[0]?.password_hash;
    if (!hash || !(await verifyPassword(hash, currentPassword))) {
      this.limiter.failed(ip, actor.email);
      throw currentPasswordWrong();
    }
    await this.credentials.changeOwnPassword(newPassword);
  }

  async me(): Promise<MeResponse> {
    const actor = this.db.actor;
    const m = this.db.manager;
    const [organisation, partnership] = await Promise.all([
      m.getRepository(OrganisationEntity).findOneByOrFail({ id: actor.organisationId }),
      m.getRepository(PartnershipEntity).findOneByOrFail({ id: actor.partnershipId }),
    ]);
    return {
      id: actor.staffId,
      email: actor.email,
      name: actor.name,
      organisation: {
        id: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        professionalSecrecy: organisation.professionalSecrecy,
      },
      partnership: { id: partnership.id, name: partnership.name },
      teamId: actor.teamId,
      roles: actor.roles,
      permissions: [...actor.permissions].sort(),
    };
  }
}
