import { isLanguageCode } from './language';

describe('isLanguageCode', () => {
  it('accepts ISO 639-1 codes and three-letter ISO 639-3 codes', () => {
    for (const code of ['nl', 'fr', 'ar', 'ti', 'uk', 'prs', 'ckb', 'kmr'])
      expect(isLanguageCode(code)).toBe(true);
  });

  it('refuses unknown two-letter codes, wrong shapes, upper case and non-strings', () => {
    for (const code of ['xx', 'qq', 'n', 'dutch', 'NL', 'n1', '', 'nl-BE', 12, null])
      expect(isLanguageCode(code)).toBe(false);
  });
});
