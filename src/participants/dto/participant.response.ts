import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { SCOPES, Scope, includesScope } from '../../access/scope';
import { TRAJECTORY_STATES } from '../../trajectories/trajectory-state';
import {
  EDUCATION_LEVELS,
  GENDERS,
  LABOUR_STATUSES,
  REFERRAL_CHANNELS,
  SPECIAL_ANSWERS,
} from '../participant.constants';
import { ParticipantEntity } from '../participant.entity';

/**
 * What a caller sees of a participant depends on the scope of their grant. Fields outside the
 * scope are left out of the object altogether, never sent as null.
 */
export interface ParticipantView {
  scope: Scope;
  /** Special categories (disability, minority) need full scope and a recorded special_categories basis. */
  specialCategories: boolean;
  insz?: string | null;
}

export class VdabTrajectoryResponse {
  @ApiProperty({ enum: ['none', 'active', 'closed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt!: string | null;
}

export class ParticipantAddressResponse {
  @ApiProperty({ type: String, nullable: true }) street!: string | null;
  @ApiProperty({ type: String, nullable: true }) postalCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: String, nullable: true }) wijk!: string | null;
}

export class EntryProfileResponse {
  @ApiProperty({ format: 'date' }) entryDate!: string;
  @ApiProperty({ enum: LABOUR_STATUSES, nullable: true }) labourStatus!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) longTermUnemployed!: boolean | null;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) educationLevel!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) singleAdultHouseholdWithChildren!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) thirdCountryNational!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) foreignBackground!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) homelessOrHousingExclusion!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) ruralArea!: boolean | null;
  @ApiPropertyOptional({
    enum: SPECIAL_ANSWERS,
    nullable: true,
    description: 'Only with a special_categories basis',
  })
  disability?: string | null;
  @ApiPropertyOptional({
    enum: SPECIAL_ANSWERS,
    nullable: true,
    description: 'Only with a special_categories basis',
  })
  minority?: string | null;
}

/**
 * A participant as the caller's scope shows it: the fields marked "referral" or "full" scope are left
 * out (not null) below that scope.
 */
export class ParticipantResponse {
  [field: string]: unknown;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SCOPES }) scope!: Scope;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty(COUNT) birthYear!: number;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseManagerId!: string | null;
  @ApiProperty({ enum: TRAJECTORY_STATES, nullable: true }) status!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) currentTrajectoryId!: string | null;
  @ApiProperty({ type: VdabTrajectoryResponse, nullable: true })
  vdabTrajectory!: VdabTrajectoryResponse | null;
  @ApiProperty() pseudonymised!: boolean;
  @ApiPropertyOptional({ enum: LABOUR_STATUSES, nullable: true, description: 'Referral scope and up' })
  labourStatus?: string | null;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, nullable: true, description: 'Referral scope and up' })
  educationLevel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Referral scope and up' })
  contactLanguage?: string | null;
  @ApiPropertyOptional({ format: 'date', description: 'Full scope' }) birthDate?: string;
  @ApiPropertyOptional({ enum: GENDERS, description: 'Full scope' }) gender?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Full scope' }) email?: string | null;
  @ApiPropertyOptional({ type: ParticipantAddressResponse, description: 'Full scope' })
  address?: ParticipantAddressResponse;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Full scope' }) nationality?:
    string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Full scope' }) ownerOrganisationId?: string;
  @ApiPropertyOptional({ enum: REFERRAL_CHANNELS, description: 'Full scope' }) referralChannel?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Full scope' }) referrer?: string | null;
  @ApiPropertyOptional({ type: EntryProfileResponse, description: 'Full scope' })
  entryProfile?: EntryProfileResponse;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Full scope, when recorded' })
  insz?: string | null;
  @ApiPropertyOptional({ ...COUNT, description: 'Full scope' }) version?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Full scope' }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Full scope' }) updatedAt?: string;
}

export function toParticipantResponse(p: ParticipantEntity, view: ParticipantView): ParticipantResponse {
  const out: ParticipantResponse = {
    id: p.id,
    scope: view.scope,
    firstName: p.firstName,
    lastName: p.lastName,
    birthYear: Number(p.birthDate.slice(0, 4)),
    phone: p.phone,
    teamId: p.teamId,
    caseManagerId: p.caseManagerId,
    status: p.currentStatus,
    currentTrajectoryId: p.currentTrajectoryId,
    // Shown at every scope, so no one opens a second trajectory beside an active VDAB one.
    vdabTrajectory: p.vdabTrajectoryStatus
      ? { status: p.vdabTrajectoryStatus, checkedAt: p.vdabCheckedAt?.toISOString() ?? null }
      : null,
    pseudonymised: p.pseudonymisedAt !== null,
  };
  if (includesScope(view.scope, 'referral')) {
    out.labourStatus = p.labourStatus;
    out.educationLevel = p.educationLevel;
    out.contactLanguage = p.contactLanguage;
  }
  if (includesScope(view.scope, 'full')) {
    Object.assign(out, {
      birthDate: p.birthDate,
      gender: p.gender,
      email: p.email,
      address: { street: p.street, postalCode: p.postalCode, city: p.city, wijk: p.wijk },
      nationality: p.nationality,
      ownerOrganisationId: p.ownerOrganisationId,
      referralChannel: p.referralChannel,
      referrer: p.referrer,
      entryProfile: {
        entryDate: p.entryDate,
        labourStatus: p.labourStatus,
        longTermUnemployed: p.longTermUnemployed,
        educationLevel: p.educationLevel,
        singleAdultHouseholdWithChildren: p.singleAdultHouseholdWithChildren,
        thirdCountryNational: p.thirdCountryNational,
        foreignBackground: p.foreignBackground,
        homelessOrHousingExclusion: p.homelessOrHousingExclusion,
        ruralArea: p.ruralArea,
        ...(view.specialCategories ? { disability: p.disability, minority: p.minority } : {}),
      },
      ...(view.insz !== undefined ? { insz: view.insz } : {}),
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    });
  }
  return out;
}
