import { badRequest, DomainError, notFound } from '../common/errors/domain-error';

export const contactNotFound = () => notFound('Contact');

export const notTheAuthor = () =>
  new DomainError(403, 'CONTACT_NOT_AUTHOR', 'Only the author of a contact moment may edit it.');

export const staffNotActive = () =>
  badRequest('STAFF_NOT_ACTIVE', 'staffId must be an active staff member of this partnership.', [
    { field: 'staffId', message: 'not an active staff member' },
  ]);

export const periodInvalid = () =>
  badRequest('PERIOD_INVALID', 'from must not be after to.', [{ field: 'from', message: 'after to' }]);

export const contactAfterClosure = () =>
  new DomainError(
    409,
    'TRAJECTORY_CLOSED',
    'The trajectory is closed; only contact moments from before the closure can still be registered.',
  );

export const interpreterLanguageRequired = () =>
  badRequest('INTERPRETER_LANGUAGE_REQUIRED', 'Name the language interpreted when an interpreter was used.', [
    { field: 'interpreterLanguage', message: 'required when interpreter is true' },
  ]);

export const interpreterLanguageWithoutInterpreter = () =>
  badRequest(
    'INTERPRETER_LANGUAGE_WITHOUT_INTERPRETER',
    'An interpreter language is recorded only when an interpreter was used.',
    [{ field: 'interpreterLanguage', message: 'only with interpreter: true' }],
  );
