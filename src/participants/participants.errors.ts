import { badRequest, conflict, DomainError } from '../common/errors/domain-error';

export const inszInvalid = (
  message = 'The INSZ is not a valid Belgian national number (11 digits, mod-97 check).',
) => badRequest('INSZ_INVALID', message, [{ field: 'insz', message }]);

export const inszBirthDateMismatch = () => inszInvalid('The date in the INSZ does not match the birth date.');

/**
 * How to reach a person known elsewhere without learning where: an organisation with professional
 * secrecy is never named, since being its client is itself secret.
 */
export const WARM_HAND_OVER_ADVICE =
  'The person is known in the partnership. Ask the person who supports them now, or ask your coordinator to ' +
  'put the question to the partners; the organisation that knows them contacts you for a warm hand-over ' +
  'with the person’s consent.';

/** The same INSZ exists: the id only if the caller may see that record, otherwise whom to contact (if it may be named). */
export const participantDuplicate = (existing: { id?: string; organisation: string | null }) =>
  conflict(
    'PARTICIPANT_DUPLICATE',
    existing.id
      ? 'A participant with this INSZ already exists.'
      : existing.organisation
        ? `A participant with this INSZ already exists in the partnership; contact ${existing.organisation}.`
        : `A participant with this INSZ already exists. ${WARM_HAND_OVER_ADVICE}`,
    {
      existingParticipantId: existing.id,
      contactOrganisation: existing.organisation ?? undefined,
      knownInPartnership: true,
      handOver: existing.organisation || existing.id ? undefined : WARM_HAND_OVER_ADVICE,
    },
  );

export const participantPossibleDuplicate = (matches: { id?: string; organisation: string | null }[]) =>
  conflict(
    'PARTICIPANT_POSSIBLE_DUPLICATE',
    'A participant with the same name and birth date exists. Check it, then resend with confirmedNotDuplicate: true if this is someone else.' +
      (matches.some((m) => !m.id && !m.organisation) ? ` ${WARM_HAND_OVER_ADVICE}` : ''),
    {
      matches: matches.map((m) => ({
        existingParticipantId: m.id,
        contactOrganisation: m.organisation ?? undefined,
      })),
    },
  );

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
