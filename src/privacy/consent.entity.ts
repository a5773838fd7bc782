import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentScope } from './consent.constants';

export const CONSENT_BASES = ['consent', 'legal_obligation', 'public_task'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

/** A recorded consent or other legal basis. Never deleted: withdrawal is a timestamp. */
@Entity('consents')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') scope!: ConsentScope;
  @Column('text') basis!: ConsentBasis;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('timestamptz', { name: 'given_at' }) givenAt!: Date;
  @Column('text') evidence!: string;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('uuid', { name: 'withdrawn_by', nullable: true }) withdrawnBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
