import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SignalCategory } from './signal-text';

/** A profile the partnership works with (partnership agreement: "profielen of persona's"). No participant data. */
@Entity('personas')
export class PersonaEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A signal of a structural barrier, for the steering group. No personal data (see signal-text.ts). */
@Entity('signals')
export class SignalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') category!: SignalCategory;
  @Column('text') text!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('uuid', { name: 'author_organisation_id' }) authorOrganisationId!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}

/** The participant's question behind the question and what was waste, for one case-meeting agenda item. */
@Entity('case_meeting_value_questions')
export class ValueQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'case_meeting_id' }) caseMeetingId!: string;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'team_id' }) teamId!: string;
  @Column('timestamptz', { name: 'meeting_at' }) meetingAt!: Date;
  @Column('text', { name: 'value_question', nullable: true }) valueQuestion!: string | null;
  @Column('text', { nullable: true }) waste!: string | null;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('uuid', { name: 'recorded_by_organisation_id' }) recordedByOrganisationId!: string;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
