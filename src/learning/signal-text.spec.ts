import { containsInsz, nameSearchText, redactNames } from './signal-text';

describe('containsInsz', () => {
  it('finds a valid INSZ with or without separators, born before and from 2000', () => {
    expect(containsInsz('Zijn nummer is 85073003328, dringend')).toBe(true);
    expect(containsInsz('nr 85.07.30-033.28 in het dossier')).toBe(true);
    expect(containsInsz('nr 850730 033 28')).toBe(true);
    expect(containsInsz('geboren 2001: 01010100280')).toBe(false);
    expect(containsInsz('INSZ 01.01.01-001.94')).toBe(true);
    expect(containsInsz('INSZ 01 01 01 001 26')).toBe(true);
  });

  it('ignores numbers that fail the checksum, and ordinary figures', () => {
    expect(containsInsz('85073003329')).toBe(false);
    expect(containsInsz('In 2025 wachtten 12 gezinnen 18 maanden op een woning')).toBe(false);
    expect(containsInsz('')).toBe(false);
  });
});

describe('nameSearchText', () => {
  it('normalises words as names are normalised, with spaces around', () => {
    expect(nameSearchText('Mevrouw Öztürk-Şahin, d’Hondt!')).toBe(' mevrouw ozturk-sahin dhondt ');
  });
});

describe('redactNames', () => {
  it('replaces a name in either order, whatever its case and accents, and leaves the rest', () => {
    const names = [{ a: 'jan', b: 'peeters' }];
    expect(redactNames('Gesprek met JAN Peeters over huur.', names)).toBe('Gesprek met [naam] over huur.');
    expect(redactNames('Peeters Jan en Jan Peeters', names)).toBe('[naam] en [naam]');
    expect(redactNames('Jan Peetersen en Peeters', names)).toBe('Jan Peetersen en Peeters');
  });

  it('handles names of several words and diacritics', () => {
    expect(redactNames('Aïcha El Amrani wacht.', [{ a: 'aicha', b: 'el amrani' }])).toBe('[naam] wacht.');
  });
});
