import { inszMatchesBirthDate, isValidInsz, normaliseInsz, parseInsz } from './insz';

/** Builds a valid synthetic INSZ, so the tests never carry a real person's number. */
function make(yymmdd: string, serial: string, from2000 = false): string {
  const base = `${yymmdd}${serial}`;
  const check = 97 - (Number(`${from2000 ? '2' : ''}${base}`) % 97);
  return `${base}${String(check).padStart(2, '0')}`;
}

describe('parseInsz', () => {
  it('accepts a number of someone born before 2000 and reads the birth date', () => {
    const insz = make('850730', '033');
    expect(parseInsz(insz)).toEqual({
      normalised: insz,
      bornFrom2000: false,
      birthDate: '1985-07-30',
      bis: false,
    });
  });

  it('accepts the variant for people born from 2000 on (a 2 before the nine digits)', () => {
    const insz = make('050214', '118', true);
    expect(parseInsz(insz)?.birthDate).toBe('2005-02-14');
    expect(parseInsz(insz)?.bornFrom2000).toBe(true);
  });

  it('rejects a pre-2000 check digit applied to a 2000+ date the other way round', () => {
    const pre = make('050214', '118', false);
    expect(parseInsz(pre)?.birthDate).toBe('1905-02-14');
  });

  it('accepts dots, dashes and spaces in the usual notation', () => {
    const insz = make('850730', '033');
    const dotted = `${insz.slice(0, 2)}.${insz.slice(2, 4)}.${insz.slice(4, 6)}-${insz.slice(6, 9)}.${insz.slice(9)}`;
    expect(isValidInsz(dotted)).toBe(true);
    expect(normaliseInsz(dotted)).toBe(insz);
  });

  it('rejects a wrong check digit', () => {
    const insz = make('850730', '033');
    const wrong = insz.slice(0, 9) + String((Number(insz.slice(9)) + 1) % 100).padStart(2, '0');
    expect(parseInsz(wrong)).toBeNull();
  });

  it.each(['1234567890', '123456789012', 'abcdefghijk', ''])('rejects %p as not eleven digits', (v) => {
    expect(isValidInsz(v)).toBe(false);
  });

  it('rejects an impossible date such as 31 February', () => {
    expect(parseInsz(make('850231', '033'))).toBeNull();
  });

  it('accepts a BIS number (month + 40) and reads the real month', () => {
    const bis = parseInsz(make('854730', '033'));
    expect(bis).toMatchObject({ bis: true, birthDate: '1985-07-30' });
  });

  it('accepts a BIS number with an unknown date part and does not claim a birth date', () => {
    expect(parseInsz(make('850000', '033'))).toMatchObject({ birthDate: null });
  });
});

describe('inszMatchesBirthDate', () => {
  it('agrees when the dates are equal and disagrees otherwise', () => {
    const info = parseInsz(make('850730', '033'))!;
    expect(inszMatchesBirthDate(info, '1985-07-30')).toBe(true);
    expect(inszMatchesBirthDate(info, '1985-07-31')).toBe(false);
  });
});
