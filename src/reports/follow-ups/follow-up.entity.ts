import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FollowUpSituation } from '../esf-indicators';

/** What a participant was doing some time after leaving: the evidence behind the ESF+ result indicators. */
@Entity('follow_ups')
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('date') at!: string;
  @Column('text') situation!: FollowUpSituation;
  @Column('boolean', { name: 'improved_situation', nullable: true }) improvedSituation!: boolean | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
