import { CONTACT_PLACES } from '../contacts/contact-kinds';
import { localMidnight } from './period';

// $1 = first day of the quarter, $2 = first day of the next one; local midnights in Brussels.
export const PLACES_SQL = `select dimension, value, contacts::int as contacts
    from app_report_contact_places(${localMidnight('$1')}, ${localMidnight('$2')})
   order by dimension, value`;

export interface PlaceRow {
  dimension: 'place' | 'interpreter';
  value: string;
  contacts: number;
}

/**
 * Where contacts took place, and how often an interpreter was booked, per language. Counted by a
 * definer function over every contact (confidential ones as numbers only), like contactIntensity.
 * `rows` are PLACES_SQL's (QuarterlyRepository runs it).
 */
export function contactPlaces(rows: PlaceRow[]) {
  const places = rows.filter((r) => r.dimension === 'place');
  const languages = rows.filter((r) => r.dimension === 'interpreter');
  return {
    definition:
      'Contacts in the quarter (all organisations, confidential ones included as numbers only) per place where they took place; unknown: contacts from before places were recorded whose kind names no place, and contacts derived from case meetings. Interpreter use: contacts with an interpreter, per language (ISO 639 code).',
    byPlace: Object.fromEntries(
      [...CONTACT_PLACES, 'unknown' as const].map((p) => [
        p,
        places.find((r) => r.value === p)?.contacts ?? 0,
      ]),
    ),
    interpreter: {
      contacts: languages.reduce((n, r) => n + r.contacts, 0),
      byLanguage: Object.fromEntries(languages.map((r) => [r.value, r.contacts])),
    },
  };
}

export type ContactPlaces = ReturnType<typeof contactPlaces>;
