import { GoalEntity } from '../goal.entity';

export function toGoalResponse(g: GoalEntity) {
  return {
    id: g.id,
    trajectoryId: g.trajectoryId,
    participantId: g.participantId,
    lifeDomain: g.lifeDomain,
    title: g.title,
    targetDate: g.targetDate,
    status: g.status,
    statusChangedAt: g.statusChangedAt.toISOString(),
    steps: g.steps.map((s) => ({ title: s.title, done: s.done, doneAt: s.doneAt })),
    createdBy: g.createdBy,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
    version: g.version,
  };
}
