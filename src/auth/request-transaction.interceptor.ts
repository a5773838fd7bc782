import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { forbidden, unauthorized } from '../common/errors/domain-error';
import { DatabaseContext } from '../database/database-context.service';
import { AUTH_METADATA, AuthOptions } from './authenticated.decorator';
import { JwtPayload } from './jwt-payload';

/**
 * Wraps every authenticated route in one database transaction with the RLS context set, checks
 * that the staff member is still active (so a deactivated member's tokens stop on the next request),
 * and that the token was issued for the account's current credentials (password change, reset and
 * deactivation bump the version), and checks the route's permission against the roles read from the database.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: DatabaseContext,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const auth = this.reflector.get<AuthOptions | undefined>(AUTH_METADATA, context.getHandler());
    if (!auth) return next.handle();
    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: JwtPayload }>();
    const user = req.user;
    if (!user) throw unauthorized();
    return from(
      this.db.runAsStaff(
        { tenantId: user.tid, staffId: user.sub, requestId: String(req.id), tokenVersion: user.tv ?? 0 },
        async (actor) => {
          if (!actor) throw unauthorized('This account is not active.');
          if (!actor.permissions.has(auth.permission)) throw forbidden();
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        },
      ),
    );
  }
}
