import { badRequest, conflict, DomainError, notFound } from '../common/errors/domain-error';
import { PlacementProblem } from './placement-rules';

export const placementNotFound = () => notFound('Placement');

const MESSAGES: Record<PlacementProblem, { field: string; message: string }> = {
  end_before_start: { field: 'endDate', message: 'endDate cannot be before startDate.' },
  start_before_trajectory: {
    field: 'startDate',
    message: 'startDate cannot be before the trajectory started.',
  },
  employer_required: { field: 'employerId', message: 'Only a training may go without an employer.' },
};
export const placementInvalid = (p: PlacementProblem) =>
  badRequest('PLACEMENT_INVALID', MESSAGES[p].message, [{ ...MESSAGES[p], code: p }]);

export const employerUnknown = () =>
  badRequest('EMPLOYER_UNKNOWN', 'The employer is not in the register of this partnership.', [
    { field: 'employerId', message: 'unknown employer' },
  ]);

export const exitPlacementRequired = (candidatePlacementIds: string[]) =>
  new DomainError(
    400,
    'EXIT_PLACEMENT_REQUIRED',
    'This trajectory holds paid work that had started by the exit day: name it with placementId.',
    [{ field: 'placementId', message: 'required when the trajectory holds a matching placement' }],
    { candidatePlacementIds },
  );

export const exitPlacementInvalid = () =>
  badRequest(
    'EXIT_PLACEMENT_INVALID',
    'placementId must be a job or art. 60 placement of this trajectory that had started by the exit day and not ended before it.',
    [{ field: 'placementId', message: 'not a matching placement of this trajectory' }],
  );

export const exitPlacementWithoutWork = () =>
  badRequest('EXIT_PLACEMENT_NOT_ALLOWED', 'placementId belongs to closing with outcome work only.', [
    { field: 'placementId', message: 'only with outcome work' },
  ]);

export const placementIsExit = () =>
  conflict(
    'PLACEMENT_IS_EXIT',
    "This placement is the trajectory's exit to work: it must stay paid work that had started by the exit day.",
  );
