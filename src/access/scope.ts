/** How much of a participant a grant shows. Each scope includes the ones before it. */
export const SCOPES = ['summary', 'referral', 'case', 'full'] as const;
export type Scope = (typeof SCOPES)[number];

export const GRANT_REASONS = [
  'owner',
  'co_coach',
  'consent_partnership',
  'referral',
  'case_meeting',
  'group_session',
  'previous_owner',
] as const;
export type GrantReason = (typeof GRANT_REASONS)[number];

export const scopeRank = (s: Scope | undefined) => (s ? SCOPES.indexOf(s) + 1 : 0);
export const includesScope = (held: Scope | undefined, needed: Scope) => scopeRank(held) >= scopeRank(needed);
export const widest = (a: Scope | undefined, b: Scope) => (scopeRank(b) > scopeRank(a) ? b : a!);
