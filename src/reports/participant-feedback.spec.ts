import { withoutNames } from './participant-feedback';

describe('withoutNames', () => {
  it("takes the participant's own names out, whatever their case", () => {
    expect(withoutNames('Ik ben Amina Peeters en AMINA vond het goed', ['Amina', 'Peeters'])).toBe(
      'Ik ben … … en … vond het goed',
    );
  });

  it('leaves names inside other words, one-letter names and regex characters alone', () => {
    expect(withoutNames('Annabel en Ann', ['Ann'])).toBe('Annabel en …');
    expect(withoutNames('A ok', ['A'])).toBe('A ok');
    expect(withoutNames('(x.y) gaf feedback', ['(x.y)'])).toBe('… gaf feedback');
    expect(withoutNames('Jo gaf feedback', ['J.'])).toBe('Jo gaf feedback');
  });
});
