/**
 * Belgian national number (INSZ/NISS): YYMMDD + 3-digit serial + 2 check digits, where the check is
 * 97 − (first nine digits mod 97). For people born from 2000 on, a 2 is put before the nine digits.
 * BIS numbers (no national register entry) add 20 or 40 to the month.
 */
export interface InszInfo {
  normalised: string;
  bornFrom2000: boolean;
  /** YYYY-MM-DD when the date part is fully known, else null (BIS numbers may have 00 parts). */
  birthDate: string | null;
  bis: boolean;
}

export function normaliseInsz(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

export function parseInsz(value: string): InszInfo | null {
  const digits = normaliseInsz(value);
  if (!/^\d{11}$/.test(digits)) return null;
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const before2000 = 97 - (Number(base) % 97) === check;
  const from2000 = 97 - (Number(`2${base}`) % 97) === check;
  if (!before2000 && !from2000) return null;
  const yy = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const bis = month >= 20;
  if (month >= 40) month -= 40;
  else if (month >= 20) month -= 20;
  if (month > 12 || day > 31) return null;
  const year = (from2000 && !before2000 ? 2000 : 1900) + yy;
  let birthDate: string | null = null;
  if (month >= 1 && day >= 1) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
    birthDate = d.toISOString().slice(0, 10);
  }
  return { normalised: digits, bornFrom2000: from2000 && !before2000, birthDate, bis };
}

export const isValidInsz = (value: string) => parseInsz(value) !== null;

/** True when the INSZ's date part agrees with the birth date, or when the INSZ carries no full date. */
export function inszMatchesBirthDate(insz: InszInfo, birthDate: string): boolean {
  return insz.birthDate === null || insz.birthDate === birthDate;
}
