import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { EMPOWERMENT_INSTRUMENT } from '../empowerment/instrument';
import { InstrumentsService } from '../empowerment/instruments.service';
import { nextDue } from '../empowerment/schedule';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { AssessmentsService } from './assessments.service';
import { toDueResponse } from './dto/schedule.response';

/**
 * Which instruments are on a trajectory's calendar: empowerment always (the partnership measures
 * distance travelled with it for everyone), any other instrument once it has been used on the
 * trajectory. Putting every built-in instrument on every calendar would flood the overdue lists
 * with scales a coach never chose to use.
 */
export const ALWAYS_DUE = [EMPOWERMENT_INSTRUMENT] as const;

@Injectable()
export class AssessmentScheduleService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly trajectories: TrajectoriesService,
    private readonly instruments: InstrumentsService,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
  ) {}

  /** The next due date per instrument, from the newest version's schedule (baseline window, review interval). */
  async due(trajectoryId: string) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const used = await this.assessments.instrumentKeysUsed(trajectoryId);
    const keys = [...new Set([...ALWAYS_DUE, ...used.sort()])];
    const items = [];
    for (const key of keys) {
      const instrument = await this.instruments.resolve(key);
      const history = await this.assessments.history(trajectoryId, key);
      const due = nextDue(
        instrument,
        {
          guidanceStartedAt: trajectory.guidanceStartedAt,
          closedAt: trajectory.closedAt,
          assessments: history,
        },
        this.db.now,
      );
      items.push({ instrument, due });
    }
    await this.audit.record({
      action: 'read',
      resourceType: 'assessment.due',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
    });
    return toDueResponse(trajectoryId, items);
  }
}
