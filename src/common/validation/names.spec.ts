import { nameKey, normaliseName, searchName } from './names';

describe('normaliseName', () => {
  it.each([
    ['Öztürk', 'ozturk'],
    ['  Şahin  ', 'sahin'],
    ['Van  Damme', 'van damme'],
    ['Łukasz', 'lukasz'],
    ['Nuñez-García', 'nunez-garcia'],
    ["D'Hondt", 'dhondt'],
    ['Yıldız', 'yildiz'],
    ['Strauß', 'strauss'],
    ['Søren', 'soren'],
  ])('normalises %p to %p', (input, expected) => expect(normaliseName(input)).toBe(expected));
});

describe('nameKey', () => {
  it('matches the same person with accents, case and order swapped', () => {
    expect(nameKey('Ayşe', 'Öztürk')).toBe(nameKey('OZTURK', 'ayse'));
  });
  it('differs for different people', () => {
    expect(nameKey('Ayse', 'Ozturk')).not.toBe(nameKey('Ayse', 'Oztürkmen'));
  });
});

describe('searchName', () => {
  it('holds both name orders so "ozturk ay" and "ayse oz" both match as substrings', () => {
    const s = searchName('Ayşe', 'Öztürk');
    expect(s).toContain('ozturk ay');
    expect(s).toContain('ayse oz');
  });
});
