import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The participant's feedback on their trajectory, in their own words, recorded by the coach with
 * them. Never updated by the app (insert-only); pseudonymisation blanks the comment.
 */
@Entity('participant_feedback')
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('timestamptz', { name: 'given_at' }) givenAt!: Date;
  @Column('int') satisfaction!: number;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('boolean', { name: 'at_closing' }) atClosing!: boolean;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
