import {
  Check,
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
import { OrganisationKind } from './organisation.constants';

// Constraints and indexes mirror the hand-written migration by name, so `migration:generate` diffs
// only real changes. Expression and partial indexes are left to migrations (synchronize: false).
@Entity('organisations')
@Index('organisations_partnership_idx', ['partnershipId', 'name'])
@Index('organisations_kbo_uq', { synchronize: false })
@Index('organisations_name_uq', { synchronize: false })
@Unique('organisations_tenant_key', ['id', 'partnershipId'])
@Check('organisations_kind_check', `kind in ('promotor', 'partner', 'vdab', 'ocmw')`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' })
  @ForeignKey(() => PartnershipEntity, { name: 'organisations_partnership_id_fkey' })
  partnershipId!: string;
  @Column('text') name!: string;
  @Column('char', { name: 'kbo_number', length: 10, nullable: true }) kboNumber!: string | null;
  @Column('text') kind!: OrganisationKind;
  @Column('boolean', { name: 'professional_secrecy', default: false }) professionalSecrecy!: boolean;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
