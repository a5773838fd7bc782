import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { pageOf } from '../common/http/pagination';
import { pastOrNow } from '../common/validation/past-or-now';
import { DatabaseContext } from '../database/database-context.service';
import { InstrumentsService } from '../empowerment/instruments.service';
import { DEFAULT_PERSPECTIVE } from '../empowerment/perspective';
import { scoreProblemsToFieldErrors, validateScores } from '../empowerment/scores';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { TrajectoryState } from '../trajectories/trajectory-state';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import {
  assessmentNotFound,
  baselineExists,
  baselineRequired,
  beforeBaseline,
  beforeTrajectoryStart,
  exitNotAllowed,
  instrumentUnknown,
  participantScoresTwice,
  scoresInvalid,
} from './assessments.errors';
import { AssessmentQuery, CreateAssessmentDto } from './dto/assessment.dto';
import { toAssessmentResponse } from './dto/assessment.response';

/** The exit assessment belongs to leaving: aftercare or closed. */
const EXIT_STATES: readonly TrajectoryState[] = ['nazorg', 'afgesloten'];
/** A body with thousands of unknown keys would otherwise answer with thousands of field errors. */
const MAX_FIELD_ERRORS = 50;

/** An instrument version as InstrumentsService answers it. */
export type Instrument = Awaited<ReturnType<InstrumentsService['resolve']>>;

const isBaselineRace = (err: unknown) =>
  err instanceof QueryFailedError &&
  (err.driverError as { constraint?: string } | undefined)?.constraint === 'assessments_one_baseline_uq';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly assessments: AssessmentsRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly instruments: InstrumentsService,
    private readonly audit: AuditService,
  ) {}

  async create(trajectoryId: string, dto: CreateAssessmentDto) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const instrument = await this.instruments
      .resolve(dto.instrument, dto.version)
      .catch((err: unknown) =>
        Promise.reject(
          err instanceof DomainError && err.status === 404
            ? instrumentUnknown(dto.instrument, dto.version)
            : err,
        ),
      );
    const perspective = dto.perspective ?? DEFAULT_PERSPECTIVE;
    // A participant's own reading is the participant's scores: there is no second one beside it.
    if (perspective === 'participant' && dto.participantScores !== undefined) throw participantScoresTwice();
    const takenAt = pastOrNow(dto.takenAt, this.db.now, 'takenAt');
    if (takenAt < trajectory.startedAt) throw beforeTrajectoryStart();
    const errors = [
      ...scoreProblemsToFieldErrors(validateScores(instrument, dto.scores), 'scores'),
      ...(dto.participantScores === undefined
        ? []
        : scoreProblemsToFieldErrors(validateScores(instrument, dto.participantScores), 'participantScores')),
    ];
    if (errors.length) throw scoresInvalid(errors.slice(0, MAX_FIELD_ERRORS));

    // One baseline per perspective; a review or exit follows the first baseline of any perspective.
    const baselines = await this.assessments.baselines(trajectoryId, instrument.key);
    const baseline = baselines[0];
    if (dto.kind === 'baseline' && baselines.some((b) => b.perspective === perspective))
      throw baselineExists();
    if (dto.kind === 'review' && !baseline) throw baselineRequired();
    if (dto.kind === 'exit' && !EXIT_STATES.includes(trajectory.status)) throw exitNotAllowed();
    if (dto.kind !== 'baseline' && baseline && takenAt < baseline.takenAt) throw beforeBaseline();

    const assessment = await this.assessments
      .insert({
        partnershipId: trajectory.partnershipId,
        trajectoryId,
        participantId: trajectory.participantId,
        instrumentId: instrument.id,
        instrumentKey: instrument.key,
        instrumentVersion: instrument.version,
        kind: dto.kind,
        perspective,
        takenAt,
        scores: dto.scores as Record<string, number>,
        participantScores: (dto.participantScores as Record<string, number> | undefined) ?? null,
        note: dto.note || null,
        participantPresent: dto.participantPresent ?? null,
        assessedBy: this.db.actor.staffId,
      })
      .catch((err: unknown) => Promise.reject(isBaselineRace(err) ? baselineExists() : err));
    await this.audit.record({
      action: 'create',
      resourceType: 'assessment',
      resourceId: assessment.id,
      participantId: trajectory.participantId,
      scope,
      details: {
        trajectoryId,
        instrument: instrument.key,
        version: instrument.version,
        kind: dto.kind,
        perspective,
        takenAt: takenAt.toISOString(),
      },
    });
    return toAssessmentResponse(assessment, instrument);
  }

  /** One assessment, read as the list reads it (case scope, audited): what an idempotent replay answers. */
  async get(trajectoryId: string, assessmentId: string) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const assessment = await this.assessments.findInTrajectory(assessmentId, trajectoryId);
    if (!assessment) throw assessmentNotFound();
    const instruments = await this.instrumentsOf([assessment]);
    await this.audit.record({
      action: 'read',
      resourceType: 'assessment',
      resourceId: assessment.id,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId },
    });
    return toAssessmentResponse(assessment, instruments.get(assessment.instrumentId)!);
  }

  async list(trajectoryId: string, query: AssessmentQuery) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const [rows, total] = await this.assessments.list(trajectoryId, query);
    const instruments = await this.instrumentsOf(rows);
    await this.audit.record({
      action: 'list',
      resourceType: 'assessment',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { instrument: query.instrument ?? null, kind: query.kind ?? null, count: rows.length },
    });
    return pageOf(rows, total, query, (a) => toAssessmentResponse(a, instruments.get(a.instrumentId)!));
  }

  /** A trajectory's assessments with one instrument key, oldest first. The caller has checked access. */
  history(trajectoryId: string, instrumentKey: string): Promise<AssessmentEntity[]> {
    return this.assessments.history(trajectoryId, instrumentKey);
  }

  /** The instrument keys a trajectory has been assessed with (in no order). The caller has checked access. */
  instrumentKeysUsed(trajectoryId: string): Promise<string[]> {
    return this.assessments.instrumentKeysUsed(trajectoryId);
  }

  /** The exact instrument versions the given assessments were scored with. */
  async instrumentsOf(rows: readonly AssessmentEntity[]): Promise<Map<string, Instrument>> {
    const ids = [...new Set(rows.map((a) => a.instrumentId))];
    const found = ids.length ? await this.instruments.findByIds(ids) : [];
    return new Map(found.map((i) => [i.id, i]));
  }
}
