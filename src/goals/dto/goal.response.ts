import { ApiProperty } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { LIFE_DOMAINS } from '../../life-domains/life-domain';
import { GoalEntity } from '../goal.entity';
import { GOAL_STATUSES } from '../goal-steps';

export class GoalStepResponse {
  @ApiProperty() title!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'When the step was done (ISO 8601)' })
  doneAt!: string | null;
}

export class GoalResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: LIFE_DOMAINS }) lifeDomain!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) targetDate!: string | null;
  @ApiProperty({ enum: GOAL_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ type: [GoalStepResponse] }) steps!: GoalStepResponse[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty(COUNT) version!: number;
}

export function toGoalResponse(g: GoalEntity): GoalResponse {
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
