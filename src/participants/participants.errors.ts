import { badRequest, conflict, DomainError } from '../common/errors/domain-error';

export const inszInvalid = (
  message = 'The INSZ is not a valid Belgian national number (11 digits, mod-97 check).',
) => badRequest('INSZ_INVALID', message, [{ field: 'insz', message }]);

export const inszBirthDateMismatch = () => inszInvalid('The date in the INSZ does not match the birth date.');

/** The same INSZ exists: the id only if the caller may see that record, otherwise whom to contact. */
export const participantDuplicate = (existing: { id?: string; organisation: string }) =>
  conflict(
    'PARTICIPANT_DUPLICATE',
    existing.id
      ? 'A participant with this INSZ already exists.'
      : `A participant with this INSZ already exists in the partnership; contact ${existing.organisation}.`,
    {
      existingParticipantId: existing.id,
      contactOrganisation: existing.organisation,
    },
  );

export const participantPossibleDuplicate = (matches: { id?: string; organisation: string }[]) =>
  conflict(
    'PARTICIPANT_POSSIBLE_DUPLICATE',
    'A participant with the same name and birth date exists. Check it, then resend with confirmedNotDuplicate: true if this is someone else.',
    { matches: matches.map((m) => ({ existingParticipantId: m.id, contactOrganisation: m.organisation })) },
  );

export const futureDate = (field: string) =>
  badRequest('DATE_IN_FUTURE', `${field} cannot be in the future.`, [{ field, message: 'in the future' }]);

export const correctionReasonRequired = () =>
  new DomainError(
    400,
    'CORRECTION_REASON_REQUIRED',
    'Changing the ESF+ entry profile is a correction: give a correctionReason.',
    [{ field: 'correctionReason', message: 'required when the entry profile changes' }],
  );

export const unknownWijk = (wijk: string) =>
  badRequest('WIJK_UNKNOWN', `"${wijk}" is not one of the partnership's wijken.`, [
    { field: 'address.wijk', message: 'unknown wijk' },
  ]);

/** GDPR art. 9: disability, minority or health data may only be stored on a live special_categories basis. */
export const specialCategoryBasisRequired = (fields: string[]) =>
  conflict(
    'SPECIAL_CATEGORY_BASIS_REQUIRED',
    `${fields.join(' and ')} ${fields.length > 1 ? 'are' : 'is'} special-category data (GDPR art. 9): record a special_categories consent or legal basis for the participant first. Nothing was stored.`,
    { fields },
  );
