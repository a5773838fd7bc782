import { badRequest } from '../errors/domain-error';

/** Phone clocks run a little ahead; a minute of slack keeps "just now" from counting as the future. */
export const FUTURE_SLACK_MS = 60_000;

/** A moment entered as past (a contact, a hand-over, a follow-up) lies in the future: 400 DATE_IN_FUTURE. */
export const futureDate = (field: string) =>
  badRequest('DATE_IN_FUTURE', `${field} cannot be in the future.`, [{ field, message: 'in the future' }]);

/** Parses an ISO moment entered by a coach; a moment in the future is a 400 DATE_IN_FUTURE on `field`. */
export function pastOrNow(value: string, now: Date, field: string): Date {
  const at = new Date(value);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw futureDate(field);
  return at;
}
