import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContractType, PlacementKind } from './placement-rules';

const hours = {
  to: (v: number | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

// Constraints and indexes live in the hand-written migration (1795300800000-WorkAndEmployers).
@Entity('placements')
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'trajectory_id' }) trajectoryId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') kind!: PlacementKind;
  @Column('uuid', { name: 'employer_id', nullable: true }) employerId!: string | null;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('numeric', { name: 'hours_per_week', precision: 4, scale: 1, transformer: hours })
  hoursPerWeek!: number;
  @Column('text', { name: 'contract_type' }) contractType!: ContractType;
  /** The placement the trajectory's exit with outcome `work` refers to. */
  @Column('boolean') exit!: boolean;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
