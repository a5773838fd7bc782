import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LifeDomain } from './life-domain';

@Entity('life_domains')
export class LifeDomainEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') domain!: LifeDomain;
  @Column('smallint') severity!: number;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
