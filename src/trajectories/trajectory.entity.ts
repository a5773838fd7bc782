import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReferralChannel } from '../participants/participant.constants';
import { Outcome, TrajectoryState } from './trajectory-state';

@Entity('trajectories')
export class TrajectoryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'previous_trajectory_id', nullable: true }) previousTrajectoryId!: string | null;
  @Column('text') status!: TrajectoryState;
  @Column('text', { name: 'referral_channel' }) referralChannel!: ReferralChannel;
  @Column('text', { nullable: true }) referrer!: string | null;
  @Column('uuid', { name: 'owner_organisation_id' }) ownerOrganisationId!: string;
  @Column('uuid', { name: 'case_manager_id', nullable: true }) caseManagerId!: string | null;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId!: string | null;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'intake_at', nullable: true }) intakeAt!: Date | null;
  @Column('timestamptz', { name: 'guidance_started_at', nullable: true }) guidanceStartedAt!: Date | null;
  @Column('timestamptz', { name: 'aftercare_at', nullable: true }) aftercareAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: Outcome | null;
  @Column('text', { name: 'outcome_kind', nullable: true }) outcomeKind!: string | null;
  /** The partnership's persona this trajectory is counted under (quarterly report, by persona). */
  @Column('uuid', { name: 'persona_id', nullable: true }) personaId!: string | null;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('trajectory_transitions')
export class TrajectoryTransitionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus!: TrajectoryState | null;
  @Column('text', { name: 'to_status' }) toStatus!: TrajectoryState;
  @Column('timestamptz') at!: Date;
  @Column('text', { nullable: true }) outcome!: Outcome | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'actor_id' }) actorId!: string;
}

@Entity('case_manager_assignments')
export class CaseManagerAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('timestamptz', { name: 'from_at' }) fromAt!: Date;
  @Column('timestamptz', { name: 'to_at', nullable: true }) toAt!: Date | null;
  /** When the hand-over was registered; fromAt is when it took effect. Null: registered as it took effect. */
  @Column('timestamptz', { name: 'recorded_at', nullable: true }) recordedAt!: Date | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'assigned_by' }) assignedBy!: string;
}

@Entity('co_coaches')
export class CoCoachEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('timestamptz', { name: 'added_at' }) addedAt!: Date;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
  @Column('uuid', { name: 'added_by' }) addedBy!: string;
}
