import { Scope, includesScope } from '../../access/scope';
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

export type ParticipantResponse = Record<string, unknown> & { id: string; scope: Scope };

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
