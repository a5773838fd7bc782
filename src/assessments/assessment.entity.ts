import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Perspective } from '../empowerment/perspective';
import { AssessmentKind } from '../empowerment/schedule';
import { Scores } from '../empowerment/scores';

/** One scoring of one instrument version. Never updated: a correction is a new assessment. */
@Entity('assessments')
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'instrument_id' }) instrumentId!: string;
  @Column('text', { name: 'instrument_key' }) instrumentKey!: string;
  @Column('int', { name: 'instrument_version' }) instrumentVersion!: number;
  @Column('text') kind!: AssessmentKind;
  @Column('timestamptz', { name: 'taken_at' }) takenAt!: Date;
  /** Whose reading this is; progress counts agreed or participant readings, never the coach's alone. */
  @Column('text') perspective!: Perspective;
  @Column('jsonb') scores!: Scores;
  @Column('jsonb', { name: 'participant_scores', nullable: true }) participantScores!: Scores | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('boolean', { name: 'participant_present', nullable: true }) participantPresent!: boolean | null;
  @Column('uuid', { name: 'assessed_by' }) assessedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
