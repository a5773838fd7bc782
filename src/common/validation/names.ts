/** Lower case, without diacritics, with single spaces: "  Öztürk-Şahin " → "ozturk-sahin". */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What two records must share to be a possible duplicate: first and last name, in either order. */
export function nameKey(firstName: string, lastName: string): string {
  return [normaliseName(firstName), normaliseName(lastName)].sort().join('|');
}

/** The text the search index holds: first and last name in both orders, so a prefix of either matches. */
export function searchName(firstName: string, lastName: string): string {
  const f = normaliseName(firstName);
  const l = normaliseName(lastName);
  return `${f} ${l} ${f}`;
}
