import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { unauthorized } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { MeResponse, TokenResponse } from './dto/login.dto';
import { JwtPayload } from './jwt-payload';
import { LoginRateLimiter } from './login-rate-limiter';
import { timingDummyHash, verifyPassword } from './password';

interface LoginRow {
  id: string;
  partnership_id: string;
  password_hash: string;
  active: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    @Inject(ENV) private readonly env: Environment,
  ) {}

  async login(email: string, password: string, ip: string): Promise<TokenResponse> {
    this.limiter.check(ip, email);
    const rows = await this.db.runWithoutTenant<LoginRow[]>((m) =>
      m.query('select * from app_login_lookup($1)', [email.trim()]),
    );
    const row = rows[0];
    const ok = await verifyPassword(row?.password_hash ?? (await timingDummyHash()), password);
    // One answer for an unknown email, a wrong password and a deactivated account.
    if (!row || !ok || !row.active)
      throw unauthorized('The email or password is wrong, or the account is not active.');
    const payload: JwtPayload = { sub: row.id, tid: row.partnership_id };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.env.JWT_EXPIRES_IN,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.JWT_EXPIRES_IN };
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
