import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
export type JobteamClient = Client<paths>;
/** The body of every error response (application/problem+json, RFC 9457). */
export type ProblemDetails = components['schemas']['ProblemDetails'];

/**
 * A typed client for the Jobteam CRM API: every path, parameter, body and response is checked by
 * TypeScript against the contract (openapi.json). Pass the bearer token from POST /auth/login.
 */
export function createJobteamClient(
  baseUrl: string,
  token?: string,
  options: Omit<ClientOptions, 'baseUrl'> = {},
): JobteamClient {
  const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return createClient<paths>({ ...options, baseUrl, headers });
}
