import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

/** Parses `If-Match: "3"` (or W/"3") into the expected version. Missing → 428, so no one overwrites blindly. */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (!header) {
    throw new DomainError(
      428,
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag you last read, so no one overwrites a newer version.',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match) throw new DomainError(400, 'IF_MATCH_INVALID', 'If-Match must be an ETag such as "3".');
  return Number(match[1]);
});

export const ApiIfMatch = () =>
  ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag (version) of the record as last read.',
  });

export const staleVersion = () =>
  new DomainError(
    412,
    'VERSION_CONFLICT',
    'The record was changed by someone else. Reload it and apply your change again.',
  );
