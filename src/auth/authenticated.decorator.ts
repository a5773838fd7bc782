import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOperation } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { JwtAuthGuard } from './jwt-auth.guard';

export const AUTH_METADATA = 'jobteam:auth';

export interface AuthOptions {
  permission: Permission;
  summary: string;
}

/**
 * Marks a route as authenticated, states the one permission it needs, and documents both in
 * OpenAPI (x-permission), so the permission snapshot test can read them back.
 */
export function Authenticated(options: AuthOptions) {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, options),
    UseGuards(JwtAuthGuard),
    ApiBearerAuth(),
    ApiExtension('x-permission', options.permission),
    ApiOperation({ summary: options.summary, description: `Requires permission \`${options.permission}\`.` }),
  );
}
