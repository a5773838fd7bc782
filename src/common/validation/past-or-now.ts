import { futureDate } from '../../participants/participants.errors';

/** Phone clocks run a little ahead; a minute of slack keeps "just now" from counting as the future. */
export const FUTURE_SLACK_MS = 60_000;

/** Parses an ISO moment entered by a coach; a moment in the future is a 400 DATE_IN_FUTURE on `field`. */
export function pastOrNow(value: string, now: Date, field: string): Date {
  const at = new Date(value);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw futureDate(field);
  return at;
}
