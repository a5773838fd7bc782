import { isValidKbo, normaliseKbo } from './kbo';

describe('isValidKbo', () => {
  it.each([
    '0207451227',
    '0212214125',
    '0440802543',
    '0508774601',
    '0461936071',
    '0443565558',
    '0420982473',
    '0887010362',
  ])('accepts the partnership member %s', (kbo) => expect(isValidKbo(kbo)).toBe(true));
  it('accepts the dotted notation', () => expect(isValidKbo('0207.451.227')).toBe(true));
  it('rejects a wrong check digit', () => expect(isValidKbo('0207451228')).toBe(false));
  it('rejects nine digits', () => expect(isValidKbo('207451227')).toBe(false));
  it('rejects a number starting with 2', () => expect(isValidKbo('2207451227')).toBe(false));
  it('rejects letters', () => expect(isValidKbo('02074512AB')).toBe(false));
  it('accepts the dotted notation of the register example', () => {
    expect(isValidKbo('0123.456.749')).toBe(true);
    expect(normaliseKbo('0123.456.749')).toBe('0123456749');
  });
  it('accepts a number starting with 1 (numbers issued since the 0-range ran out)', () =>
    expect(isValidKbo('1000.000.021')).toBe(true));
  it('takes 97 as the check when the first eight digits are a multiple of 97', () =>
    expect(isValidKbo('0000009797')).toBe(true));
  it('strips dots and spaces', () => expect(normaliseKbo('0207.451 227')).toBe('0207451227'));
});
