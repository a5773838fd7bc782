import { Injectable } from '@nestjs/common';
import { offsetOf } from '../common/http/pagination';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentQuery } from './dto/assessment.dto';

const TRAJECTORY_ID = F.trajectoryId;

/** The assessments table (RLS: a case grant on the participant). Rows are never updated. */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(AssessmentEntity);
  }

  /** A trajectory's baselines of one instrument key, first first. */
  @GenerateSql({ params: [TRAJECTORY_ID, 'empowerment'] })
  baselines(trajectoryId: string, instrumentKey: string): Promise<AssessmentEntity[]> {
    return this.repo.find({
      where: { trajectoryId, instrumentKey, kind: 'baseline' },
      order: { takenAt: 'ASC', id: 'ASC' },
    });
  }

  /** Fails with the driver's error on assessments_one_baseline_uq when a concurrent baseline won. */
  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        instrumentId: F.instrumentId,
        instrumentKey: 'fixture',
        instrumentVersion: 1,
        kind: 'review',
        perspective: 'agreed',
        takenAt: new Date('2026-01-15T09:00:00Z'),
        scores: { autonomy: 5 },
        participantScores: null,
        note: null,
        participantPresent: true,
        assessedBy: F.coachId,
      },
    ],
  })
  insert(values: Partial<AssessmentEntity>): Promise<AssessmentEntity> {
    return this.repo.save(this.repo.create(values));
  }

  @GenerateSql({ params: [F.assessmentId, TRAJECTORY_ID] })
  async findInTrajectory(id: string, trajectoryId: string): Promise<AssessmentEntity | undefined> {
    return (await this.repo.findOneBy({ id, trajectoryId })) ?? undefined;
  }

  @GenerateSql(
    { name: 'all', params: [TRAJECTORY_ID, { page: 1, limit: 20 }] },
    {
      name: 'filtered',
      params: [
        TRAJECTORY_ID,
        { page: 1, limit: 20, instrument: 'empowerment', kind: 'review', perspective: 'agreed' },
      ],
    },
  )
  list(trajectoryId: string, query: AssessmentQuery): Promise<[AssessmentEntity[], number]> {
    return this.repo.findAndCount({
      where: {
        trajectoryId,
        ...(query.instrument ? { instrumentKey: query.instrument } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.perspective ? { perspective: query.perspective } : {}),
      },
      order: { takenAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
  }

  /** A trajectory's assessments with one instrument key, oldest first. */
  @GenerateSql({ params: [TRAJECTORY_ID, 'empowerment'] })
  history(trajectoryId: string, instrumentKey: string): Promise<AssessmentEntity[]> {
    return this.repo.find({
      where: { trajectoryId, instrumentKey },
      order: { takenAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The instrument keys a trajectory has been assessed with (in no order). */
  @GenerateSql({ params: [TRAJECTORY_ID] })
  async instrumentKeysUsed(trajectoryId: string): Promise<string[]> {
    const used: { instrument_key: string }[] = await this.repo
      .createQueryBuilder('a')
      .select('distinct a.instrument_key', 'instrument_key')
      .where('a.trajectory_id = :trajectoryId', { trajectoryId })
      .getRawMany();
    return used.map((u) => u.instrument_key);
  }
}
