import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { aggregateProgress } from '../empowerment/aggregate';
import { InstrumentsService } from '../empowerment/instruments.service';
import { countedReadings } from '../empowerment/perspective';
import { progress, ProgressReport } from '../empowerment/progress';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { AssessmentReportsRepository, ScoreRow } from './assessment-reports.repository';
import { AssessmentsService } from './assessments.service';
import { periodInvalid } from './assessments.errors';
import { GroupBy, ProgressAggregateQuery } from './dto/assessment.dto';
import { toAggregateGroup, toProgressResponse } from './dto/progress.response';

const GROUP_COLUMN: Record<GroupBy, (r: ScoreRow) => string | null> = {
  team: (r) => r.team_id,
  organisation: (r) => r.owner_organisation_id,
  partnership: () => 'partnership',
};

@Injectable()
export class AssessmentProgressService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly reports: AssessmentReportsRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly instruments: InstrumentsService,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
  ) {}

  /** Baseline against the latest follow-up, with the thresholds of the version the baseline was scored with. */
  async forTrajectory(trajectoryId: string, key: string) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    // The agreed (or participant's) reading of each moment; the coach's alone never counts.
    const history = countedReadings(await this.assessments.history(trajectoryId, key));
    const reference = history.find((a) => a.kind === 'baseline') ?? history.at(-1);
    const instrument = reference
      ? (await this.assessments.instrumentsOf([reference])).get(reference.instrumentId)!
      : await this.instruments.resolve(key);
    const report = progress(instrument, history);
    await this.audit.record({
      action: 'read',
      resourceType: 'assessment.progress',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { instrument: key },
    });
    return toProgressResponse(trajectoryId, instrument, report);
  }

  /** For coordinators: distance travelled per team, organisation or for the whole partnership. */
  async aggregate(query: ProgressAggregateQuery) {
    if (query.from > query.to) throw periodInvalid();
    const instrument = await this.instruments.resolve(query.instrument);
    const { rows, names } = await this.reports.periodScores(
      instrument.key,
      query.from,
      query.to,
      query.groupBy,
    );
    const byTrajectory = new Map<string, ScoreRow[]>();
    // push, not spread: copying the list per row made this quadratic in a group's size.
    for (const r of rows) {
      const list = byTrajectory.get(r.trajectory_id);
      if (list) list.push(r);
      else byTrajectory.set(r.trajectory_id, [r]);
    }
    const groups = new Map<string | null, (ProgressReport | null)[]>();
    for (const list of byTrajectory.values()) {
      const group = GROUP_COLUMN[query.groupBy](list[0]);
      const report = progress(
        instrument,
        countedReadings(
          list.map((r) => ({
            kind: r.kind,
            perspective: r.perspective,
            takenAt: new Date(r.taken_at),
            scores: r.scores,
          })),
        ),
      );
      const reports = groups.get(group);
      if (reports) reports.push(report);
      else groups.set(group, [report]);
    }
    await this.audit.record({
      action: 'read',
      resourceType: 'assessment.progress_report',
      details: { instrument: instrument.key, from: query.from, to: query.to, groupBy: query.groupBy },
    });
    return {
      instrument: { key: instrument.key, version: instrument.version },
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      groups: [...groups.entries()]
        .map(([id, reports]) => {
          const group =
            query.groupBy === 'partnership'
              ? { id: this.db.actor.partnershipId, name: names.get(this.db.actor.partnershipId) ?? null }
              : { id, name: id ? (names.get(id) ?? null) : null };
          return toAggregateGroup(group, aggregateProgress(instrument, reports));
        })
        .sort((x, y) => (x.group.name ?? '\uffff').localeCompare(y.group.name ?? '\uffff')),
    };
  }
}
