/** A valid synthetic INSZ for a birth date (YYYY-MM-DD) and serial: never a real person's number by design of the test data. */
export function syntheticInsz(birthDate: string, serial = 101): string {
  const [y, m, d] = birthDate.split('-');
  const base = `${y.slice(2)}${m}${d}${String(serial).padStart(3, '0')}`;
  const prefix = Number(y) >= 2000 ? '2' : '';
  const check = 97 - (Number(`${prefix}${base}`) % 97);
  return `${base}${String(check).padStart(2, '0')}`;
}
