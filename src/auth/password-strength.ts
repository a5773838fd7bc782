import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses and up), the usual floor for accounts. */
export const PASSWORD_MIN_SCORE = 3;

// Built once: the dictionaries take a moment to index and then serve every check.
let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  }));

/** The parts of an account a password must not contain: the email, its local part and words of the name. */
function personalWords(account: { email: string; name: string }): string[] {
  const email = account.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const words = [
    email,
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...account.name.toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/**
 * Why a password is refused, as short sentences for people; empty when it is strong enough.
 * Pure, so it is unit-tested without a database.
 */
export function passwordWeaknesses(password: string, account: { email: string; name: string }): string[] {
  const reasons: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    reasons.push(`The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`);
  if (password.length > PASSWORD_MAX_LENGTH)
    reasons.push(`The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);
  const lower = password.toLowerCase();
  const words = personalWords(account);
  if (words.some((w) => lower.includes(w)))
    reasons.push('The password must not contain the email address or the name of the account.');
  if (password.length <= PASSWORD_MAX_LENGTH) {
    const result = zxcvbn().check(password, words);
    if (result.score < PASSWORD_MIN_SCORE) {
      reasons.push('The password is too easy to guess.');
      if (result.feedback.warning) reasons.push(result.feedback.warning);
      reasons.push(...result.feedback.suggestions);
    }
  }
  return [...new Set(reasons)];
}
