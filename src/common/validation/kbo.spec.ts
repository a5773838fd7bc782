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
  it('strips dots and spaces', () => expect(normaliseKbo('0207.451 227')).toBe('0207451227'));
});
