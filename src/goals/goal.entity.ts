import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LifeDomain } from '../life-domains/life-domain';
import { GoalStatus, GoalStep } from './goal-steps';

@Entity('goals')
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text', { name: 'life_domain' }) lifeDomain!: LifeDomain;
  @Column('text') title!: string;
  @Column('date', { name: 'target_date', nullable: true }) targetDate!: string | null;
  @Column('text') status!: GoalStatus;
  @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt!: Date;
  @Column('jsonb') steps!: GoalStep[];
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
