import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EmployerKind } from './employer-kinds';

// Constraints and indexes live in the hand-written migration (1795300800000-WorkAndEmployers).
@Entity('employers')
@Index('employers_kbo_uq', { synchronize: false })
@Index('employers_partnership_name_idx', { synchronize: false })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') name!: string;
  @Column('char', { name: 'kbo_number', length: 10, nullable: true }) kboNumber!: string | null;
  @Column('text', { nullable: true }) sector!: string | null;
  @Column('text') kind!: EmployerKind;
  @Column('boolean') inclusive!: boolean;
  @Column('text', { name: 'contact_name', nullable: true }) contactName!: string | null;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone!: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail!: string | null;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
