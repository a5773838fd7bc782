import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey, KeyObject } from 'node:crypto';
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
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public
      // key on every verify, and that failed parse cost 14% of the CPU of a participant read.
      secretOrKey: hmacKey(secrets.jwtSecret) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(payload: Partial<JwtPayload> & { exp?: unknown }): JwtPayload | false {
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return false;
    if (!UUID.test(payload.sub) || !UUID.test(payload.tid)) return false;
    // jsonwebtoken checks `exp` only when present: a token that never expires is refused here.
    if (typeof payload.exp !== 'number') return false;
    const tv = payload.tv ?? 0;
    if (!Number.isSafeInteger(tv) || tv < 0) return false;
    return { sub: payload.sub, tid: payload.tid, tv };
  }
}

/** The HS256 secret as a KeyObject (the typings accept only string | Buffer; jsonwebtoken accepts a KeyObject). */
function hmacKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
