import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('case_meetings')
export class CaseMeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'team_id' }) teamId!: string;
  @Column('timestamptz', { name: 'scheduled_at' }) scheduledAt!: Date;
  @Column('text') location!: string;
  @Column('uuid', { name: 'organiser_id' }) organiserId!: string;
  @Column('uuid', { name: 'organiser_organisation_id' }) organiserOrganisationId!: string;
  /** Cancelling ends every grant the meeting gave (a trigger, in the same transaction). */
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('case_meeting_attendees')
export class CaseMeetingAttendeeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'case_meeting_id' }) caseMeetingId!: string;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
}

@Entity('case_meeting_items')
export class CaseMeetingItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'case_meeting_id' }) caseMeetingId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('boolean', { name: 'participant_present' }) participantPresent!: boolean;
  /** Why the participant may be discussed: a case_meeting consent, or being there in person. */
  @Column('text') basis!: 'consent' | 'present';
  @Column('text', { nullable: true }) summary!: string | null;
  @Column('text', { nullable: true }) decisions!: string | null;
  @Column('uuid', { name: 'referral_id', nullable: true }) referralId!: string | null;
  @Column('uuid', { name: 'contact_id', nullable: true }) contactId!: string | null;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('uuid', { name: 'author_organisation_id' }) authorOrganisationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('case_meeting_actions')
export class CaseMeetingActionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'case_meeting_id' }) caseMeetingId!: string;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') description!: string;
  @Column('uuid', { name: 'owner_staff_id' }) ownerStaffId!: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  @Column('uuid', { name: 'completed_by', nullable: true }) completedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
