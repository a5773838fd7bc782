import { unstorableFields } from './control-characters.interceptor';

describe('unstorableFields', () => {
  it('names every string holding a NUL, at any depth, in arrays and in keys', () => {
    expect(
      unstorableFields(
        {
          firstName: 'An\u0000na',
          lastName: 'Peeters',
          address: { street: 'Kerk\u0000straat', city: 'Gent' },
          steps: [{ title: 'ok' }, { title: 'st\u0000ap' }],
          'bad\u0000key': 1,
        },
        '',
      ),
    ).toEqual(['firstName', 'address.street', 'steps[1].title', '"bad\\u0000key"']);
  });

  it('accepts other control characters PostgreSQL stores (tab, newline, escape) and non-strings', () => {
    expect(unstorableFields({ note: 'a\tb\nc\u001b', n: 3, ok: true, none: null, list: [1, 2] }, '')).toEqual(
      [],
    );
  });

  it('stops after twenty fields, so a hostile body cannot make a huge answer', () => {
    expect(
      unstorableFields(
        Array.from({ length: 100 }, () => '\u0000'),
        '',
      ),
    ).toHaveLength(20);
  });
});
