/** What a token asserts: who, in which partnership. Roles and organisation are read per request. */
export interface JwtPayload {
  sub: string;
  tid: string;
}
