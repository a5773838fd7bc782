/** A day in milliseconds, for moving the test clock and dating records. */
export const DAY = 86_400_000;

/** The moment `n` days before now (the wall clock, not the test clock), as an ISO string. */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
