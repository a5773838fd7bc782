import type { ContactPlaces } from '../contact-places';
import type { Sheet } from './quarterly-sheets';

/** Contacts per place (with the definition), and interpreter use per language: the same numbers as the JSON. */
export function contactPlacesSheets(c: ContactPlaces): Sheet[] {
  return [
    {
      name: 'Contact places',
      rows: [['place', 'contacts'], ...Object.entries(c.byPlace), [], ['definition', c.definition]],
    },
    {
      name: 'Interpreter use',
      rows: [
        ['language', 'contacts'],
        ['total', c.interpreter.contacts],
        ...Object.entries(c.interpreter.byLanguage),
      ],
    },
  ];
}
