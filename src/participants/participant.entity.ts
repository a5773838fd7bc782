import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  EducationLevel,
  Gender,
  LabourStatus,
  ReferralChannel,
  SpecialAnswer,
} from './participant.constants';

@Entity('participants')
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'partnership_id' }) partnershipId!: string;
  @Column('uuid', { name: 'owner_organisation_id' }) ownerOrganisationId!: string;
  @Column('text', { name: 'first_name' }) firstName!: string;
  @Column('text', { name: 'last_name' }) lastName!: string;
  @Column('text', { name: 'search_name' }) searchName!: string;
  @Column('text', { name: 'name_key' }) nameKey!: string;
  @Column('date', { name: 'birth_date' }) birthDate!: string;
  @Column('text') gender!: Gender;
  @Column('text', { name: 'insz_hash', nullable: true }) inszHash!: string | null;
  @Column('text', { name: 'insz_encrypted', nullable: true }) inszEncrypted!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) street!: string | null;
  @Column('text', { name: 'postal_code', nullable: true }) postalCode!: string | null;
  @Column('text', { nullable: true }) city!: string | null;
  @Column('text', { nullable: true }) wijk!: string | null;
  @Column('text', { name: 'contact_language', nullable: true }) contactLanguage!: string | null;
  @Column('char', { length: 2, nullable: true }) nationality!: string | null;
  @Column('date', { name: 'entry_date' }) entryDate!: string;
  @Column('text', { name: 'labour_status', nullable: true }) labourStatus!: LabourStatus | null;
  @Column('boolean', { name: 'long_term_unemployed', nullable: true }) longTermUnemployed!: boolean | null;
  @Column('text', { name: 'education_level', nullable: true }) educationLevel!: EducationLevel | null;
  @Column('boolean', { name: 'single_adult_household_with_children', nullable: true })
  singleAdultHouseholdWithChildren!: boolean | null;
  @Column('boolean', { name: 'third_country_national', nullable: true }) thirdCountryNational!:
    boolean | null;
  @Column('boolean', { name: 'foreign_background', nullable: true }) foreignBackground!: boolean | null;
  @Column('boolean', { name: 'homeless_or_housing_exclusion', nullable: true }) homelessOrHousingExclusion!:
    boolean | null;
  @Column('boolean', { name: 'rural_area', nullable: true }) ruralArea!: boolean | null;
  @Column('text', { nullable: true }) disability!: SpecialAnswer | null;
  @Column('text', { nullable: true }) minority!: SpecialAnswer | null;
  @Column('text', { name: 'referral_channel' }) referralChannel!: ReferralChannel;
  @Column('text', { nullable: true }) referrer!: string | null;
  @Column('uuid', { name: 'current_trajectory_id', nullable: true }) currentTrajectoryId!: string | null;
  @Column('text', { name: 'current_status', nullable: true }) currentStatus!: string | null;
  @Column('uuid', { name: 'case_manager_id', nullable: true }) caseManagerId!: string | null;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId!: string | null;
  @Column('text', { name: 'vdab_trajectory_status', nullable: true }) vdabTrajectoryStatus!:
    'none' | 'active' | 'closed' | null;
  @Column('timestamptz', { name: 'vdab_checked_at', nullable: true }) vdabCheckedAt!: Date | null;
  @Column('uuid', { name: 'vdab_checked_by', nullable: true }) vdabCheckedBy!: string | null;
  @Column('timestamptz', { name: 'pseudonymised_at', nullable: true }) pseudonymisedAt!: Date | null;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
