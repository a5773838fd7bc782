import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { DatabaseContext } from '../database/database-context.service';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from '../privacy/audit.service';
import { VdabTrajectoryCheckDto } from './dto/referral.dto';
import { checkInFuture } from './referrals.errors';

/**
 * The MLP check: a VDAB SPOC records whether VDAB already runs a trajectory for the person, so no
 * one opens a second one unknowingly. The result shows in the participant summary at every scope.
 */
@Injectable()
export class VdabCheckService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
  ) {}

  async record(participantId: string, dto: VdabTrajectoryCheckDto) {
    const scope = await this.access.requireScope(participantId, 'referral');
    const checkedAt = new Date(dto.checkedAt);
    // A minute of slack for clocks that run a little ahead.
    if (checkedAt.getTime() > this.db.now.getTime() + 60_000) throw checkInFuture();
    const actor = this.db.actor;
    // Not a versioned edit: these columns belong to the check alone, so no coach's If-Match is invalidated.
    await this.participants.recordVdabCheck(participantId, {
      vdabTrajectoryStatus: dto.status,
      vdabCheckedAt: checkedAt,
      vdabCheckedBy: actor.staffId,
    });
    await this.audit.record({
      action: 'update',
      resourceType: 'participant.vdab_trajectory',
      resourceId: participantId,
      participantId,
      scope,
      details: { status: dto.status, checkedAt: checkedAt.toISOString() },
    });
    return {
      participantId,
      vdabTrajectory: { status: dto.status, checkedAt: checkedAt.toISOString(), checkedBy: actor.staffId },
    };
  }
}
