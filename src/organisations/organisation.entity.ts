import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['promotor', 'partner', 'vdab', 'ocmw'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('text') name!: string;
  @Column('char', { name: 'kbo_number', length: 10, nullable: true }) kboNumber!: string | null;
  @Column('text') kind!: OrganisationKind;
  @Column('boolean', { name: 'professional_secrecy' }) professionalSecrecy!: boolean;
  @Column('boolean') active!: boolean;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
