import { ValidateIf } from 'class-validator';

/** For PATCH bodies: the field may be left out, but null is validated (and so refused) like any other value. */
export const IfPresent = () => ValidateIf((_: object, value: unknown) => value !== undefined);
