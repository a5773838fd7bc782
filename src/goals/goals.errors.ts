import { badRequest, notFound } from '../common/errors/domain-error';
import { StepProblem } from './goal-steps';

export const goalNotFound = () => notFound('Goal');

const STEP_MESSAGES: Record<StepProblem['problem'], string> = {
  done_at_without_done: 'doneAt belongs to a step that is done.',
  done_at_in_future: 'doneAt cannot be in the future.',
};
export const stepInvalid = ({ index, problem }: StepProblem) =>
  badRequest('GOAL_STEP_INVALID', STEP_MESSAGES[problem], [
    { field: `steps.${index}.doneAt`, message: STEP_MESSAGES[problem] },
  ]);
