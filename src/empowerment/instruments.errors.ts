import { badRequest, FieldError } from '../common/errors/domain-error';

export const instrumentInvalid = (errors: FieldError[]) =>
  badRequest(
    'INSTRUMENT_INVALID',
    `The instrument is invalid: ${errors.map((e) => e.message).join('; ')}`,
    errors,
  );
