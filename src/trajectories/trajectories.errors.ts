import { badRequest, conflict, notFound } from '../common/errors/domain-error';
import { OutcomeProblem, TrajectoryState } from './trajectory-state';

export const trajectoryNotFound = () => notFound('Trajectory');

export const invalidTransition = (
  from: TrajectoryState,
  to: TrajectoryState,
  allowed: readonly TrajectoryState[],
) =>
  conflict('TRAJECTORY_INVALID_TRANSITION', `A trajectory in ${from} cannot move to ${to}.`, {
    currentState: from,
    allowedNextStates: allowed,
  });

const OUTCOME_MESSAGES: Record<OutcomeProblem, string> = {
  outcome_required: 'Closing a trajectory requires an outcome.',
  outcome_not_allowed: 'Only closing a trajectory records an outcome.',
  kind_required: 'A regular_activation outcome requires outcomeKind (twe_art60, glow, vdab or other).',
  kind_not_allowed: 'outcomeKind belongs to a regular_activation outcome only.',
};
export const outcomeProblem = (p: OutcomeProblem) =>
  badRequest('TRAJECTORY_OUTCOME_INVALID', OUTCOME_MESSAGES[p], [
    { field: p.startsWith('kind') ? 'outcomeKind' : 'outcome', message: OUTCOME_MESSAGES[p] },
  ]);

export const trajectoryAlreadyOpen = (id: string) =>
  conflict('TRAJECTORY_ALREADY_OPEN', 'This participant already has an open trajectory.', {
    openTrajectoryId: id,
  });

export const transitionBeforePrevious = () =>
  badRequest(
    'TRANSITION_BEFORE_PREVIOUS',
    'The transition date is before the previous step of this trajectory.',
    [{ field: 'at', message: 'before the previous step' }],
  );

export const notAnActiveCoach = (field = 'staffId') =>
  badRequest('NOT_AN_ACTIVE_COACH', 'The staff member must be an active coach of this partnership.', [
    { field, message: 'not an active coach' },
  ]);

export const coCoachExists = () =>
  conflict('CO_COACH_EXISTS', 'This staff member is already a co-coach of the trajectory.');
export const coCoachIsCaseManager = () =>
  conflict('CO_COACH_IS_CASE_MANAGER', 'The case manager cannot also be a co-coach.');
export const trajectoryClosed = () => conflict('TRAJECTORY_CLOSED', 'The trajectory is closed.');

export const effectiveBeforeStart = () =>
  badRequest('EFFECTIVE_BEFORE_START', 'effectiveAt is before the trajectory started.', [
    { field: 'effectiveAt', message: 'before the trajectory started' },
  ]);

export const handOverBeforeCurrent = () =>
  badRequest(
    'HANDOVER_BEFORE_CURRENT_ASSIGNMENT',
    'effectiveAt is before the current case manager took over; the history cannot overlap.',
    [{ field: 'effectiveAt', message: 'before the current case manager took over' }],
  );
