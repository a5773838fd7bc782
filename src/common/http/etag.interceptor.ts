import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';

/** A single record with a version gets that version as its ETag, ready for the next If-Match. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') {
          context.switchToHttp().getResponse<FastifyReply>().header('etag', `"${version}"`);
        }
        return body;
      }),
    );
  }
}
