import { badRequest, conflict, DomainError, notFound } from '../common/errors/domain-error';

export const caseMeetingNotFound = () => notFound('Case meeting');
export const actionNotFound = () => notFound('Action');
export const trajectoryNotFound = () => notFound('Trajectory');

export const teamUnknown = () =>
  badRequest('CASE_MEETING_TEAM_UNKNOWN', 'The team is not an active team of the partnership.', [
    { field: 'teamId', message: 'unknown team' },
  ]);

export const staffUnknown = (field: string) =>
  badRequest(
    'CASE_MEETING_STAFF_UNKNOWN',
    'Every attendee and action owner must be active staff of the partnership.',
    [{ field, message: 'unknown or inactive staff member' }],
  );

/** "Nothing about the client without the client": consent, or the participant at the table. */
export const caseMeetingConsentRequired = () =>
  conflict(
    'CONSENT_REQUIRED',
    'A participant is discussed only with a case_meeting consent, or when present (participantPresent: true).',
    { consentScope: 'case_meeting' },
  );

export const trajectoryClosed = () => conflict('TRAJECTORY_CLOSED', 'The trajectory is closed.');
export const actionAlreadyCompleted = () =>
  conflict('ACTION_ALREADY_COMPLETED', 'This action has already been marked done.');

export const itemNotFound = () => notFound('Agenda item');
export const itemNotAuthor = () =>
  new DomainError(
    403,
    'CASE_MEETING_ITEM_NOT_AUTHOR',
    'Only the author of an agenda item may change or remove it.',
  );
export const meetingHeld = () =>
  conflict(
    'CASE_MEETING_HELD',
    'The meeting has taken place: its agenda items can no longer be changed or removed.',
  );
