import { DomainError, notFound } from '../common/errors/domain-error';
import { Scope } from './scope';

/** Not visible at all: the caller may not know the participant exists, so it is simply not found. */
export const participantNotFound = () => notFound('Participant');

export const scopeTooNarrow = (needed: Scope) =>
  new DomainError(
    403,
    'SCOPE_INSUFFICIENT',
    `Your access to this participant does not include ${needed}-level data.`,
  );
