import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { unauthorized } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { AuthRepository } from './auth.repository';
import { MeResponse, TokenResponse } from './dto/login.dto';
import { StaffCredentialsService } from '../staff/staff-credentials.service';
import { currentPasswordWrong } from '../staff/staff.errors';
import { JwtPayload } from './jwt-payload';
import { LoginRateLimiter, normaliseLoginEmail } from './login-rate-limiter';
import { timingDummyHash, verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly logins: AuthRepository,
    private readonly organisations: OrganisationsService,
    private readonly partnerships: PartnershipsService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    private readonly credentials: StaffCredentialsService,
    @Inject(ENV) private readonly env: Environment,
  ) {}

  async login(email: string, password: string, ip: string): Promise<TokenResponse> {
    // The limiter and the lookup see the same normal form, so padding or case buys no extra tries.
    const key = normaliseLoginEmail(email);
    this.limiter.check(ip, key);
    const rows = await this.logins.findLogin(key);
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
    const rows = await this.logins.findLoginInRequest(actor.email);
    const hash = rows[0]?.password_hash;
    if (!hash || !(await verifyPassword(hash, currentPassword))) {
      this.limiter.failed(ip, actor.email);
      throw currentPasswordWrong();
    }
    await this.credentials.changeOwnPassword(newPassword);
  }

  async me(): Promise<MeResponse> {
    const actor = this.db.actor;
    const [organisation, partnership] = await Promise.all([
      this.organisations.find(actor.organisationId),
      this.partnerships.find(actor.partnershipId),
    ]);
    // The request's own organisation and partnership: begin_request just read both under the same RLS.
    if (!organisation || !partnership)
      throw new Error('The caller’s organisation or partnership is not visible');
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
