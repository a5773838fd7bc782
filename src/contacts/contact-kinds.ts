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

/** Where a contact moment took place; mirrored in the contacts.place check (migration FieldWork). */
export const CONTACT_PLACES = [
  'home',
  'public_place',
  'wijkcentrum',
  'office',
  'phone',
  'online',
  'accompanying',
] as const;
export type ContactPlace = (typeof CONTACT_PLACES)[number];

/** The place a kind already states, used when a client sends no place (and for rows from before places). */
export const PLACE_OF_KIND: Partial<Record<ContactKind, ContactPlace>> = {
  home_visit: 'home',
  office: 'office',
  phone: 'phone',
  digital: 'online',
  accompanied_visit: 'accompanying',
};

/** An ISO 639-1 (two letters) or 639-3 (three letters) language code, lower case. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
export const LOCATION_MAX = 200;
