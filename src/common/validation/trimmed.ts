import { Transform } from 'class-transformer';

/** Surrounding white space removed; anything that is not a string is left for the validators to refuse. */
export function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** As `trimmed`, then lower-cased: for values compared without case, such as e-mail addresses and language codes. */
export function trimmedLowerCase(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

/**
 * Trims a string property before validation, so `' Jan '` is stored as `'Jan'` and a blank value fails `@Length(1, …)`.
 * Place it before the validators, as with any `@Transform`.
 */
export const Trimmed = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => trimmed(value));

/** Trims and lower-cases a string property before validation. */
export const TrimmedLowerCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => trimmedLowerCase(value));
