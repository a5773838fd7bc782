import { badRequest, conflict, notFound } from '../common/errors/domain-error';

export const groupSessionNotFound = () => notFound('Group session');

export const facilitatorInvalid = () =>
  badRequest(
    'GROUP_SESSION_FACILITATOR_INVALID',
    'The facilitator must be an active member of the expertise cell or a coach.',
    [{ field: 'facilitatorId', message: 'not an active expertise member or coach' }],
  );

export const noOpenTrajectory = () =>
  conflict(
    'GROUP_SESSION_NO_OPEN_TRAJECTORY',
    'Attendance is recorded in the participant’s current trajectory, and there is no open one.',
  );

export const attendanceAlreadyCounted = () =>
  conflict(
    'GROUP_SESSION_ATTENDANCE_RECORDED',
    'This attendance is already a contact moment; correct the contact moment instead.',
  );

/** A session is planned at most 90 days ahead: its facilitator's access starts 7 days before it. */
export const sessionTooFarAhead = () =>
  badRequest('GROUP_SESSION_DATE_OUT_OF_RANGE', 'A group session is planned at most 90 days ahead.', [
    { field: 'at', message: 'more than 90 days ahead' },
  ]);

export const sessionOutOfWindow = () =>
  conflict('GROUP_SESSION_OUT_OF_WINDOW', 'Registrations are taken only for sessions at most 90 days ahead.');
