import { Injectable } from '@nestjs/common';
import { offsetOf, pageOf } from '../common/http/pagination';
import { staleVersion } from '../common/http/if-match.decorator';
import { FUTURE_SLACK_MS } from '../common/validation/past-or-now';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { trajectoryClosed } from '../trajectories/trajectories.errors';
import { isOpen } from '../trajectories/trajectory-state';
import { CreateGoalDto, GoalQuery, GoalStepDto, UpdateGoalDto } from './dto/goal.dto';
import { toGoalResponse } from './dto/goal.response';
import { GoalEntity } from './goal.entity';
import { dateSteps, diff, GoalStep } from './goal-steps';
import { GoalsRepository } from './goals.repository';
import { goalNotFound, stepInvalid } from './goals.errors';

@Injectable()
export class GoalsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly goals: GoalsRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
  ) {}

  async create(trajectoryId: string, dto: CreateGoalDto) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    if (!isOpen(trajectory.status)) throw trajectoryClosed();
    const steps = this.steps(dto.steps ?? [], []);
    const goal = await this.goals.create({
      partnershipId: trajectory.partnershipId,
      trajectoryId,
      participantId: trajectory.participantId,
      lifeDomain: dto.lifeDomain,
      title: dto.title,
      targetDate: dto.targetDate,
      status: 'open',
      statusChangedAt: this.db.now,
      steps,
      createdBy: this.db.actor.staffId,
      version: 1,
    });
    await this.audit.record({
      action: 'create',
      resourceType: 'goal',
      resourceId: goal.id,
      participantId: trajectory.participantId,
      scope,
      details: {
        trajectoryId,
        values: {
          lifeDomain: goal.lifeDomain,
          title: goal.title,
          targetDate: goal.targetDate,
          status: 'open',
          steps,
        },
      },
    });
    return toGoalResponse(goal);
  }

  async list(trajectoryId: string, query: GoalQuery) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const [rows, total] = await this.goals.page(
      trajectoryId,
      { status: query.status, lifeDomain: query.lifeDomain },
      offsetOf(query),
      query.limit,
    );
    await this.audit.record({
      action: 'list',
      resourceType: 'goal',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
    });
    return pageOf(rows, total, query, toGoalResponse);
  }

  async get(trajectoryId: string, goalId: string) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const goal = await this.find(trajectoryId, goalId);
    await this.audit.record({
      action: 'read',
      resourceType: 'goal',
      resourceId: goalId,
      participantId: trajectory.participantId,
      scope,
    });
    return toGoalResponse(goal);
  }

  /** Every change is dated (status_changed_at, step dates) and logged with its old and new values. */
  async update(trajectoryId: string, goalId: string, version: number, dto: UpdateGoalDto) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    if (!isOpen(trajectory.status)) throw trajectoryClosed();
    const goal = await this.find(trajectoryId, goalId);
    if (goal.version !== version) throw staleVersion();
    const patch: Partial<GoalEntity> = {
      lifeDomain: dto.lifeDomain,
      title: dto.title,
      targetDate: dto.targetDate,
      status: dto.status,
      steps: dto.steps ? this.steps(dto.steps, goal.steps) : undefined,
    };
    const changes = diff(goal, patch);
    if (Object.keys(changes).length === 0) return toGoalResponse(goal);
    const set: Partial<GoalEntity> = {};
    for (const key of Object.keys(changes)) Object.assign(set, { [key]: patch[key as keyof GoalEntity] });
    if (changes.status) set.statusChangedAt = this.db.now;
    const updated = await this.goals.update(goalId, version, set);
    await this.audit.record({
      action: 'update',
      resourceType: 'goal',
      resourceId: goalId,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId, version: updated.version, changes },
    });
    return toGoalResponse(updated);
  }

  private async find(trajectoryId: string, goalId: string): Promise<GoalEntity> {
    const goal = await this.goals.findInTrajectory(trajectoryId, goalId);
    if (!goal) throw goalNotFound();
    return goal;
  }

  private steps(input: GoalStepDto[], previous: GoalStep[]): GoalStep[] {
    const result = dateSteps(input, previous, this.db.now, FUTURE_SLACK_MS);
    if (!('steps' in result)) throw stepInvalid(result);
    return result.steps;
  }
}
