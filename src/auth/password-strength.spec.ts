import { passwordWeaknesses } from './password-strength';

const account = { email: 'an.peeters@jobteam.example', name: 'An Peeters' };

describe('passwordWeaknesses', () => {
  it.each(['aaaaaaaaaaaa', '123456789012', 'password1234', 'qwertyuiop12'])(
    'refuses %s as too easy to guess',
    (pw) => {
      expect(passwordWeaknesses(pw, account)).toContain('The password is too easy to guess.');
    },
  );

  it('refuses the account email, its local part and the name inside the password', () => {
    for (const pw of ['an.peeters@jobteam.example', 'An.Peeters-2026!', 'xPEETERSx-Lila-Brug-77'])
      expect(passwordWeaknesses(pw, account)).toContain(
        'The password must not contain the email address or the name of the account.',
      );
  });

  it('refuses a short password', () => {
    expect(passwordWeaknesses('K7#qz!vB', account)).toContain(
      'The password must be at least 12 characters long.',
    );
  });

  it('accepts a long passphrase with nothing of the account in it', () => {
    expect(passwordWeaknesses('Wolk-Tram-Sleutel-Mosterd-42', account)).toEqual([]);
  });
});
