import { badRequest, conflict, FieldError, notFound } from '../common/errors/domain-error';

export const assessmentNotFound = () => notFound('Assessment');

export const instrumentUnknown = (key: string, version?: number) =>
  badRequest(
    'ASSESSMENT_INSTRUMENT_UNKNOWN',
    `There is no instrument ${key}${version === undefined ? '' : ` v${version}`}.`,
    [{ field: version === undefined ? 'instrument' : 'version', message: 'unknown instrument' }],
  );

export const scoresInvalid = (errors: FieldError[]) =>
  badRequest(
    'ASSESSMENT_SCORES_INVALID',
    `The scores are invalid: ${errors.map((e) => e.message).join('; ')}`,
    errors,
  );

export const baselineExists = () =>
  conflict(
    'ASSESSMENT_BASELINE_EXISTS',
    'This trajectory already has a baseline with this instrument; record a review instead.',
  );

export const baselineRequired = () =>
  conflict('ASSESSMENT_BASELINE_REQUIRED', 'A review needs a baseline with the same instrument first.');

export const exitNotAllowed = () =>
  conflict(
    'ASSESSMENT_EXIT_NOT_ALLOWED',
    'An exit assessment is only possible while the trajectory is in aftercare (nazorg) or closed.',
  );

export const beforeBaseline = () =>
  badRequest('ASSESSMENT_BEFORE_BASELINE', 'takenAt lies before the baseline with this instrument.', [
    { field: 'takenAt', message: 'before the baseline' },
  ]);

export const beforeTrajectoryStart = () =>
  badRequest('ASSESSMENT_BEFORE_START', 'takenAt lies before the trajectory started.', [
    { field: 'takenAt', message: 'before the trajectory started' },
  ]);

export const periodInvalid = () =>
  badRequest('PERIOD_INVALID', 'from must not lie after to.', [{ field: 'from', message: 'after to' }]);

export const compareInvalid = (message: string) =>
  badRequest('STAR_COMPARE_INVALID', message, [{ field: 'compare', message }]);

export const noAssessmentToDraw = () => notFound('An assessment with this instrument for this trajectory');

export const participantScoresTwice = () =>
  badRequest(
    'ASSESSMENT_PARTICIPANT_SCORES_TWICE',
    "A participant's own reading holds their scores in scores; participantScores belongs beside a coach's or an agreed reading.",
    [{ field: 'participantScores', message: 'not allowed with perspective participant' }],
  );
