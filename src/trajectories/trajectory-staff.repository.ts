import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { CaseManagerAssignmentEntity, CoCoachEntity } from './trajectory.entity';

const ID = '00000000-0000-4000-8000-000000000001';
const TRAJECTORY = F.trajectoryId;
const STAFF = F.coordinatorId;
const AT = new Date('2026-01-05T09:00:00Z');

/** Who guides a trajectory: the case manager's history and the co-coaches. */
@Injectable()
export class TrajectoryStaffRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get assignments() {
    return this.db.manager.getRepository(CaseManagerAssignmentEntity);
  }

  private get coCoaches() {
    return this.db.manager.getRepository(CoCoachEntity);
  }

  /** The case manager assignment still running (no end). */
  @GenerateSql({ params: [TRAJECTORY] })
  currentAssignment(trajectoryId: string): Promise<CaseManagerAssignmentEntity | null> {
    return this.assignments.findOneBy({ trajectoryId, toAt: IsNull() });
  }

  /** The assignment that took effect last. */
  @GenerateSql({ params: [TRAJECTORY] })
  lastAssignment(trajectoryId: string): Promise<CaseManagerAssignmentEntity | null> {
    return this.assignments.findOne({ where: { trajectoryId }, order: { fromAt: 'DESC' } });
  }

  @GenerateSql({ params: [TRAJECTORY] })
  assignmentsOf(trajectoryId: string): Promise<CaseManagerAssignmentEntity[]> {
    return this.assignments.find({ where: { trajectoryId }, order: { fromAt: 'ASC' } });
  }

  @GenerateSql({ params: [TRAJECTORY, AT] })
  async endCurrentAssignments(trajectoryId: string, at: Date): Promise<void> {
    await this.assignments.update({ trajectoryId, toAt: IsNull() }, { toAt: at });
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        staffId: F.coachId,
        organisationId: F.organisationId,
        fromAt: AT,
        recordedAt: AT,
        note: null,
        assignedBy: F.coachId,
      },
    ],
  })
  async insertAssignment(values: Omit<CaseManagerAssignmentEntity, 'id' | 'toAt'>): Promise<void> {
    await this.assignments.insert(values);
  }

  /** Active (not removed) co-coaches, earliest added first. */
  @GenerateSql({ params: [TRAJECTORY] })
  activeCoCoaches(trajectoryId: string): Promise<CoCoachEntity[]> {
    return this.coCoaches.find({ where: { trajectoryId, removedAt: IsNull() }, order: { addedAt: 'ASC' } });
  }

  @GenerateSql({ params: [TRAJECTORY, STAFF] })
  findActiveCoCoach(trajectoryId: string, staffId: string): Promise<CoCoachEntity | null> {
    return this.coCoaches.findOneBy({ trajectoryId, staffId, removedAt: IsNull() });
  }

  @GenerateSql({ params: [TRAJECTORY, STAFF] })
  isActiveCoCoach(trajectoryId: string, staffId: string): Promise<boolean> {
    return this.coCoaches.existsBy({ trajectoryId, staffId, removedAt: IsNull() });
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        staffId: F.coachId,
        organisationId: F.organisationId,
        addedAt: AT,
        addedBy: F.coachId,
      },
    ],
  })
  createCoCoach(values: Partial<CoCoachEntity>): Promise<CoCoachEntity> {
    return this.coCoaches.save(this.coCoaches.create(values));
  }

  @GenerateSql({ params: [ID, AT] })
  async removeCoCoach(id: string, at: Date): Promise<void> {
    await this.coCoaches.update({ id }, { removedAt: at });
  }
}
