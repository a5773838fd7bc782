/** A KBO/BCE enterprise number: 10 digits, the last two are 97 minus the first eight mod 97. */
export function isValidKbo(value: string): boolean {
  const digits = value.replace(/[\s.]/g, '');
  if (!/^[01]\d{9}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 8));
  return 97 - (base % 97) === Number(digits.slice(8));
}

export const normaliseKbo = (value: string) => value.replace(/[\s.]/g, '');
