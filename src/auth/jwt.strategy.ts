import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Secrets } from '../config/secrets';
import { SECRETS } from '../config/config.module';
import { JwtPayload } from './jwt-payload';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(SECRETS) secrets: Secrets) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secrets.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(payload: Partial<JwtPayload>): JwtPayload | false {
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return false;
    if (!UUID.test(payload.sub) || !UUID.test(payload.tid)) return false;
    return { sub: payload.sub, tid: payload.tid };
  }
}
