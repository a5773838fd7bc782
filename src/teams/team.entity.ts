import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { PartnershipEntity } from '../partnerships/partnership.entity';

// Constraints and indexes mirror the hand-written migration by name (see organisation.entity.ts).
@Entity('teams')
@Index('teams_partnership_idx', ['partnershipId', 'name'])
@Index('teams_name_uq', { synchronize: false })
@Unique('teams_tenant_key', ['id', 'partnershipId'])
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' })
  @ForeignKey(() => PartnershipEntity, { name: 'teams_partnership_id_fkey' })
  partnershipId!: string;
  @Column('text') name!: string;
  @Column('text') location!: string;
  @Column('text', { array: true, default: () => `'{}'` }) wijken!: string[];
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
