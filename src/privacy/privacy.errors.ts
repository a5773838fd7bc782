import { conflict, notFound } from '../common/errors/domain-error';

export const consentNotFound = () => notFound('Consent');

export const consentAlreadyWithdrawn = () =>
  conflict('CONSENT_ALREADY_WITHDRAWN', 'This consent has already been withdrawn.');

export const participantHasOpenTrajectory = () =>
  conflict(
    'PARTICIPANT_HAS_OPEN_TRAJECTORY',
    'Only a participant whose trajectories are all closed can be pseudonymised.',
  );

export const participantAlreadyPseudonymised = () =>
  conflict('PARTICIPANT_ALREADY_PSEUDONYMISED', 'This participant has already been pseudonymised.');
