import { badRequest, conflict, notFound } from '../common/errors/domain-error';

export const personaNotFound = () => notFound('Persona');
export const personaExists = () =>
  conflict('PERSONA_EXISTS', 'A persona with this name already exists in this partnership.');
/** On a trajectory: a persona id that is not an active persona of the caller's partnership. */
export const personaUnknown = () =>
  badRequest('PERSONA_UNKNOWN', 'The persona is not an active persona of the partnership.', [
    { field: 'personaId', message: 'unknown or inactive persona' },
  ]);

/** A signal is about structures, never about a person: it must not identify anyone. */
export const signalPersonalData = (what: 'insz' | 'name') =>
  badRequest(
    'SIGNAL_PERSONAL_DATA',
    'A signal describes a structural barrier and holds no personal data: leave out national numbers and names.',
    [
      {
        field: 'text',
        message: what === 'insz' ? 'contains a national number (INSZ)' : 'contains the name of a participant',
        code: what === 'insz' ? 'INSZ' : 'PARTICIPANT_NAME',
      },
    ],
  );

export const agendaItemNotFound = () => notFound('Agenda item');
export const valueQuestionEmpty = () =>
  badRequest('VALUE_QUESTION_EMPTY', 'Give the value question, the waste, or both.', [
    { field: 'valueQuestion', message: 'valueQuestion or waste is required' },
  ]);
export const valueQuestionNotFound = () => notFound('Value question');
