import { formatLocalDateTime, langFrom, localDateOf, translate } from './lang';

describe('langFrom', () => {
  it('is Dutch without a header or with an unsupported one', () => {
    expect(langFrom(undefined)).toBe('nl');
    expect(langFrom('')).toBe('nl');
    expect(langFrom('fr-BE')).toBe('nl');
    expect(langFrom('*')).toBe('nl');
  });

  it('takes the best supported language by q-value', () => {
    expect(langFrom('en')).toBe('en');
    expect(langFrom('en-GB,en;q=0.9')).toBe('en');
    expect(langFrom('fr-BE, nl;q=0.5, en;q=0.8')).toBe('en');
    expect(langFrom('nl-BE, en;q=0.8')).toBe('nl');
    expect(langFrom('en;q=0, nl;q=0.1')).toBe('nl');
  });
});

describe('translate', () => {
  it('falls back to English, then to the key', () => {
    const dict = { a: { nl: 'Eén', en: 'One' }, b: { en: 'Two' } } as Record<
      string,
      { nl?: string; en?: string }
    >;
    expect(translate(dict, 'a', 'nl')).toBe('Eén');
    expect(translate(dict, 'b', 'nl')).toBe('Two');
    expect(translate(dict, 'c', 'nl')).toBe('c');
  });
});

describe('formatLocalDateTime', () => {
  it('shows a winter meeting at 12:30Z as 13:30 in Brussels', () => {
    expect(formatLocalDateTime('2026-12-03T12:30:00Z', 'nl')).toBe('2026-12-03 13:30 (Brusselse tijd)');
    expect(formatLocalDateTime('2026-12-03T12:30:00Z', 'en')).toBe('2026-12-03 13:30 (Brussels time)');
  });

  it('shows a summer time at UTC+2, and the local date across midnight', () => {
    expect(formatLocalDateTime('2026-06-30T22:30:00Z', 'en')).toBe('2026-07-01 00:30 (Brussels time)');
    expect(localDateOf('2026-06-30T22:30:00Z')).toBe('2026-07-01');
  });
});
