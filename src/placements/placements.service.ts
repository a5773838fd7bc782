import { Injectable } from '@nestjs/common';
import { staleVersion } from '../common/http/if-match.decorator';
import { offsetOf, Page, pageOf } from '../common/http/pagination';
import { localDate } from '../common/validation/dates';
import { DatabaseContext } from '../database/database-context.service';
import { EmployersService } from '../employers/employers.service';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { diff } from '../goals/goal-steps';
import { CreatePlacementDto, PlacementQuery, UpdatePlacementDto } from './dto/placement.dto';
import { PlacementResponse, toPlacementResponse } from './dto/placement.response';
import { canBeExit, PlacementFacts, placementProblem } from './placement-rules';
import { PlacementEntity } from './placement.entity';
import { employerUnknown, placementInvalid, placementIsExit, placementNotFound } from './placements.errors';
import { PlacementsRepository } from './placements.repository';

/**
 * A trajectory's placements: participant data under the grants, like goals (case scope to read,
 * trajectory.write to change). Unlike goals, placements stay writable after the trajectory closed:
 * whether work lasted (sustainable work) is only known months after the exit, so the end date of
 * a job is often recorded then.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly placements: PlacementsRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly employers: EmployersService,
    private readonly audit: AuditService,
  ) {}

  async create(trajectoryId: string, dto: CreatePlacementDto): Promise<PlacementResponse> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const facts: PlacementFacts = {
      kind: dto.kind,
      employerId: dto.employerId ?? null,
      startDate: dto.startDate,
      endDate: dto.endDate ?? null,
    };
    const employerName = await this.check(facts, trajectory);
    const placement = await this.placements.create({
      partnershipId: trajectory.partnershipId,
      trajectoryId,
      participantId: trajectory.participantId,
      ...facts,
      hoursPerWeek: dto.hoursPerWeek,
      contractType: dto.contractType,
      exit: false,
      createdBy: this.db.actor.staffId,
      version: 1,
    });
    await this.audit.record({
      action: 'create',
      resourceType: 'placement',
      resourceId: placement.id,
      participantId: trajectory.participantId,
      scope,
      details: {
        trajectoryId,
        values: { ...facts, hoursPerWeek: dto.hoursPerWeek, contractType: dto.contractType },
      },
    });
    return toPlacementResponse(placement, employerName);
  }

  async list(trajectoryId: string, query: PlacementQuery): Promise<Page<PlacementResponse>> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const [rows, total] = await this.placements.findPage(
      trajectoryId,
      query.kind,
      offsetOf(query),
      query.limit,
    );
    await this.audit.record({
      action: 'list',
      resourceType: 'placement',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
    });
    const names = await this.employers.names(rows.flatMap((r) => (r.employerId ? [r.employerId] : [])));
    return pageOf(rows, total, query, (r) => toPlacementResponse(r, names.get(r.employerId ?? '') ?? null));
  }

  async get(trajectoryId: string, placementId: string): Promise<PlacementResponse> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const placement = await this.find(trajectoryId, placementId);
    await this.audit.record({
      action: 'read',
      resourceType: 'placement',
      resourceId: placementId,
      participantId: trajectory.participantId,
      scope,
    });
    return this.respond(placement);
  }

  async update(
    trajectoryId: string,
    placementId: string,
    version: number,
    dto: UpdatePlacementDto,
  ): Promise<PlacementResponse> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const placement = await this.find(trajectoryId, placementId);
    if (placement.version !== version) throw staleVersion();
    const facts: PlacementFacts = {
      kind: dto.kind ?? placement.kind,
      employerId: dto.employerId ?? placement.employerId,
      startDate: dto.startDate ?? placement.startDate,
      endDate: dto.endDate === undefined ? placement.endDate : dto.endDate,
    };
    await this.check(facts, trajectory);
    if (placement.exit && trajectory.closedAt && !canBeExit(facts, localDate(trajectory.closedAt)))
      throw placementIsExit();
    const patch: Partial<PlacementEntity> = {
      kind: dto.kind,
      employerId: dto.employerId,
      startDate: dto.startDate,
      endDate: dto.endDate,
      hoursPerWeek: dto.hoursPerWeek,
      contractType: dto.contractType,
    };
    const changes = diff(placement, patch);
    if (Object.keys(changes).length === 0) return this.respond(placement);
    const set = Object.fromEntries(
      Object.keys(changes).map((k) => [k, patch[k as keyof PlacementEntity]]),
    ) as Partial<PlacementEntity>;
    const updated = await this.placements.updateVersioned(placementId, version, set);
    await this.audit.record({
      action: 'update',
      resourceType: 'placement',
      resourceId: placementId,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId, version: updated.version, changes },
    });
    return this.respond(updated);
  }

  /** The placement rules, and an employer from the caller's register (400 otherwise); returns its name. */
  private async check(facts: PlacementFacts, trajectory: { startedAt: Date }): Promise<string | null> {
    const problem = placementProblem(facts, localDate(trajectory.startedAt));
    if (problem) throw placementInvalid(problem);
    if (!facts.employerId) return null;
    const employer = await this.employers.findVisible(facts.employerId);
    if (!employer) throw employerUnknown();
    return employer.name;
  }

  private async find(trajectoryId: string, placementId: string): Promise<PlacementEntity> {
    const placement = await this.placements.findInTrajectory(trajectoryId, placementId);
    if (!placement) throw placementNotFound();
    return placement;
  }

  private async respond(p: PlacementEntity): Promise<PlacementResponse> {
    const names = await this.employers.names(p.employerId ? [p.employerId] : []);
    return toPlacementResponse(p, names.get(p.employerId ?? '') ?? null);
  }
}
