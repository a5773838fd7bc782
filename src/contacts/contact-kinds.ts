export const CONTACT_KINDS = [
  'home_visit',
  'outreach',
  'office',
  'phone',
  'digital',
  'accompanied_visit',
  'group_session',
  'case_meeting',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
