/** What a consent (or other legal basis) covers. A plain file: entity, DTOs and other modules import it. */
export const CONSENT_SCOPES = [
  'partnership_sharing',
  'vdab_exchange',
  'ocmw_exchange',
  'case_meeting',
  'special_categories',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
