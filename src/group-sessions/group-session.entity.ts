import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const GROUP_SESSION_TAGS = [
  'generic_competences',
  'language',
  'work_orientation',
  'digital',
  'sector_info',
] as const;
export type GroupSessionTag = (typeof GROUP_SESSION_TAGS)[number];

@Entity('group_sessions')
export class GroupSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') theme!: string;
  @Column('text') tag!: GroupSessionTag;
  @Column('timestamptz') at!: Date;
  @Column('int', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('text') location!: string;
  @Column('uuid', { name: 'facilitator_id' }) facilitatorId!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('group_session_attendance')
export class GroupSessionAttendanceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'group_session_id' }) groupSessionId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('boolean') attended!: boolean;
  @Column('uuid', { name: 'contact_id', nullable: true }) contactId!: string | null;
  @Column('uuid', { name: 'registered_by' }) registeredBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
