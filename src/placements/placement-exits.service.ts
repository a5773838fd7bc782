import { Injectable } from '@nestjs/common';
import { localDate } from '../common/validation/dates';
import { Scope } from '../access/scope';
import { AuditService } from '../privacy/audit.service';
import { canBeExit } from './placement-rules';
import { exitPlacementInvalid, exitPlacementRequired, exitPlacementWithoutWork } from './placements.errors';
import { PlacementsRepository } from './placements.repository';

/**
 * Links an exit with outcome `work` to its placement, when the trajectory closes. Kept apart from
 * PlacementsService so the trajectories module can use it without a circular import.
 *
 * How strict, so that old clients keep working: `placementId` is required only when the trajectory
 * holds paid work (job or art. 60) that had started by the exit day and not ended before it; a
 * client that never recorded placements closes with outcome work as before. Such an exit cannot be
 * shown to be sustainable, and the quarterly report counts it apart (sustainableWork.withoutPlacement).
 */
@Injectable()
export class PlacementExitsService {
  constructor(
    private readonly placements: PlacementsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Call before the trajectory is closed: throws a 400 (and writes nothing) when the link is wrong. */
  async linkExit(
    trajectory: { id: string; participantId: string },
    close: { outcome?: string; placementId?: string; at: Date },
    scope: Scope,
  ): Promise<void> {
    if (close.outcome !== 'work') {
      if (close.placementId) throw exitPlacementWithoutWork();
      return;
    }
    const exitDate = localDate(close.at);
    if (!close.placementId) {
      const rows = await this.placements.findByTrajectory(trajectory.id);
      const candidates = rows.filter((p) => canBeExit(p, exitDate)).map((p) => p.id);
      if (candidates.length) throw exitPlacementRequired(candidates);
      return;
    }
    const placement = await this.placements.findInTrajectory(trajectory.id, close.placementId);
    if (!placement || !canBeExit(placement, exitDate)) throw exitPlacementInvalid();
    await this.placements.markExit(trajectory.id, placement.id);
    await this.audit.record({
      action: 'update',
      resourceType: 'placement',
      resourceId: placement.id,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId: trajectory.id, exit: true },
    });
  }
}
