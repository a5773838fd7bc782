export const ROLES = [
  'admin',
  'org_admin',
  'coordinator',
  'coach',
  'spoc_vdab',
  'spoc_ocmw',
  'expertise',
  'dpo',
] as const;
export type Role = (typeof ROLES)[number];
