/**
 * What a token asserts: who, in which partnership, for which version of the account's credentials.
 * Roles and organisation are read per request. A token without `tv` counts as version 0 (tokens
 * issued before versions existed), so a password change or deactivation still ends it.
 */
export interface JwtPayload {
  sub: string;
  tid: string;
  tv?: number;
}
