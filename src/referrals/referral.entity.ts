import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReferralDirection, ReferralKind, ReferralPerson, ReferralTarget } from './referral.constants';
import { ReferralState } from './referral-state';

@Entity('referrals')
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') direction!: ReferralDirection;
  @Column('text') target!: ReferralTarget;
  @Column('text') kind!: ReferralKind;
  @Column('text') state!: ReferralState;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('uuid', { name: 'trajectory_id', nullable: true }) trajectoryId!: string | null;
  @Column('jsonb', { nullable: true }) person!: ReferralPerson | null;
  @Column('text', { name: 'person_insz_encrypted', nullable: true }) personInszEncrypted!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'sender_organisation_id' }) senderOrganisationId!: string;
  @Column('uuid', { name: 'target_organisation_id' }) targetOrganisationId!: string;
  @Column('uuid', { name: 'assigned_spoc_id', nullable: true }) assignedSpocId!: string | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('referral_transitions')
export class ReferralTransitionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'referral_id' }) referralId!: string;
  @Column('text', { name: 'from_state', nullable: true }) fromState!: ReferralState | null;
  @Column('text', { name: 'to_state' }) toState!: ReferralState;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'actor_id' }) actorId!: string;
  @Column('uuid', { name: 'actor_organisation_id' }) actorOrganisationId!: string;
  @Column('timestamptz') at!: Date;
}
