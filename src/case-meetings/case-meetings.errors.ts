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

/** A meeting is planned at most 90 days ahead and recorded at most 30 days after it took place. */
export const meetingDateOutOfRange = () =>
  badRequest('CASE_MEETING_DATE_OUT_OF_RANGE', 'A case meeting lies between 30 days ago and 90 days ahead.', [
    { field: 'scheduledAt', message: 'more than 90 days ahead or more than 30 days ago' },
  ]);

/** The same window holds when an item is added later: an old meeting gives no new access. */
export const meetingOutOfWindow = () =>
  conflict('CASE_MEETING_OUT_OF_WINDOW', 'Items are added to a meeting at most 30 days after it took place.');

/** Presence is a fact about the meeting: it can be recorded only once the meeting has begun. */
export const presenceBeforeMeeting = () =>
  badRequest(
    'CASE_MEETING_PRESENCE_TOO_EARLY',
    'participantPresent is recorded at or after the meeting; before it, a case_meeting consent is needed.',
    [{ field: 'participantPresent', message: 'the meeting has not taken place yet' }],
  );

/** Only the organisation holding the participant's full (owner) grant puts them on an agenda. */
export const ownerOnly = () =>
  new DomainError(
    403,
    'CASE_MEETING_OWNER_ONLY',
    "Only the participant's owning organisation may put the participant on a case meeting's agenda.",
  );

export const meetingCancelled = () => conflict('CASE_MEETING_CANCELLED', 'The case meeting is cancelled.');
export const organiserOnly = () =>
  new DomainError(
    403,
    'CASE_MEETING_ORGANISER_ONLY',
    "Only the organiser's organisation cancels a case meeting.",
  );
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
