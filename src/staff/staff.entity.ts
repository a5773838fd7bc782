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
import { Role } from '../access/role';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { TeamEntity } from '../teams/team.entity';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

// Constraints and indexes mirror the hand-written migration by name (see organisation.entity.ts).
// The composite keys make a staff member's organisation and team belong to the same partnership.
@Entity('staff')
@Index('staff_email_uq', ['email'], { unique: true })
@Index('staff_partnership_idx', ['partnershipId', 'name'])
@Index('staff_organisation_idx', ['organisationId'])
@Index('staff_team_idx', ['teamId'])
@Unique('staff_tenant_key', ['id', 'partnershipId'])
@ForeignKey(() => OrganisationEntity, ['organisationId', 'partnershipId'], ['id', 'partnershipId'], {
  name: 'staff_organisation_id_partnership_id_fkey',
})
@ForeignKey(() => TeamEntity, ['teamId', 'partnershipId'], ['id', 'partnershipId'], {
  name: 'staff_team_id_partnership_id_fkey',
})
@Check('staff_email_check', 'email = lower(email)')
@Check(
  'staff_roles_check',
  `cardinality(roles) > 0 and roles <@ array['admin','org_admin','coordinator','coach','spoc_vdab','spoc_ocmw','expertise','dpo']::text[]`,
)
@Check('staff_fte_check', 'fte >= 0 and fte <= 1')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' })
  @ForeignKey(() => PartnershipEntity, { name: 'staff_partnership_id_fkey' })
  partnershipId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId!: string | null;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('numeric', { precision: 3, scale: 2, default: 1, transformer: numeric }) fte!: number;
  @Column('boolean', { default: true }) active!: boolean;
  /** Null until the owner activates the account with the one-time token. */
  @Column('text', { name: 'password_hash', select: false, nullable: true }) passwordHash!: string | null;
  /** Every bearer token names this; a password change, a reset or a deactivation bumps it. */
  @Column('int', { name: 'token_version', default: 0, select: false }) tokenVersion!: number;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
