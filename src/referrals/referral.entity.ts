import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Gender } from '../participants/participant.constants';
import { ReferralState } from './referral-state';

export const REFERRAL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];
export const REFERRAL_TARGETS = ['vdab', 'ocmw', 'partnership'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_KINDS = [
  'intake_check',
  'training',
  'indicering',
  'combination_trajectory',
  'bit_evaluation',
  'rights_exploration',
  'leefloon',
  'twe_art60',
  'other',
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** The person an inbound referral is about, before they are a participant. The INSZ is kept apart, encrypted. */
export interface ReferralPerson {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: Gender;
  phone: string | null;
}

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
