import { badRequest } from '../common/errors/domain-error';

export const feedbackBeforeStart = () =>
  badRequest('FEEDBACK_BEFORE_START', 'givenAt lies before the trajectory started.', [
    { field: 'givenAt', message: 'before the trajectory started' },
  ]);
