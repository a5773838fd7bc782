/** Rounds to `digits` decimals, as the reports print their figures. */
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** `part` as a share of `whole` to four decimals; null when there is nothing to share. */
export const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
