import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContactKind, ContactPlace } from './contact-kinds';

@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') kind!: ContactKind;
  @Column('int', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('uuid', { name: 'author_organisation_id' }) authorOrganisationId!: string;
  @Column('text', { nullable: true }) summary!: string | null;
  /** Null only for contacts from before places were recorded whose kind did not state one. */
  @Column('text', { nullable: true }) place!: ContactPlace | null;
  /** Participant data (it can reveal where someone lives): blanked by pseudonymisation. */
  @Column('text', { nullable: true }) location!: string | null;
  @Column('boolean', { default: false }) interpreter!: boolean;
  @Column('text', { name: 'interpreter_language', nullable: true }) interpreterLanguage!: string | null;
  @Column('boolean') confidential!: boolean;
  @Column('text', { name: 'source_type', nullable: true }) sourceType!: string | null;
  @Column('uuid', { name: 'source_id', nullable: true }) sourceId!: string | null;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export interface ContactSnapshot {
  at: string;
  kind: ContactKind;
  durationMinutes: number;
  staffId: string;
  summary: string | null;
  place?: ContactPlace | null;
  location?: string | null;
  interpreter?: boolean;
  interpreterLanguage?: string | null;
  confidential: boolean;
  updatedAt: string;
}

/** The version of a contact as it was before an edit; append-only. */
@Entity('contact_revisions')
export class ContactRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('uuid', { name: 'author_organisation_id' }) authorOrganisationId!: string;
  @Column('boolean') confidential!: boolean;
  @Column('int') version!: number;
  @Column('jsonb') snapshot!: ContactSnapshot;
  @Column('uuid', { name: 'edited_by' }) editedBy!: string;
  @Column('timestamptz', { name: 'edited_at' }) editedAt!: Date;
}
