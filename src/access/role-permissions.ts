import { Permission as P } from './permission';
import { Role } from './role';

/** Who may do what. A change here is a change to who may see what: review it as one. */
export const ROLE_PERMISSIONS: Record<Role, readonly P[]> = {
  admin: [
    P.OrganisationRead,
    P.OrganisationWrite,
    P.TeamRead,
    P.TeamWrite,
    P.StaffRead,
    P.StaffWrite,
    P.InstrumentRead,
    P.InstrumentWrite,
    P.AgendaRead,
  ],
  // An organisation's own administrator: manages the staff of its organisation only (the service checks
  // which organisation), and sees no participant data: it is an administrator, not a caseworker.
  org_admin: [P.OrganisationRead, P.TeamRead, P.StaffRead, P.StaffWrite],
  coordinator: [
    P.OrganisationRead,
    P.TeamRead,
    P.StaffRead,
    P.ParticipantRead,
    P.ReferralRead,
    P.CaseMeetingRead,
    P.CaseMeetingWrite,
    P.GroupSessionRead,
    P.InstrumentRead,
    P.AssessmentRead,
    P.ReportRead,
    P.AgendaRead,
    P.PersonaRead,
    P.PersonaWrite,
  ],
  coach: [
    P.OrganisationRead,
    P.TeamRead,
    P.StaffRead,
    P.ParticipantCreate,
    P.ParticipantRead,
    P.ParticipantUpdate,
    P.TrajectoryWrite,
    P.ContactWrite,
    P.ConsentWrite,
    P.ReferralRead,
    P.ReferralWrite,
    P.CaseMeetingRead,
    P.CaseMeetingWrite,
    P.GroupSessionRead,
    P.GroupSessionWrite,
    P.InstrumentRead,
    P.AssessmentRead,
    P.AssessmentWrite,
    P.SubjectExport,
    P.AgendaRead,
    P.PersonaRead,
    P.SignalWrite,
  ],
  spoc_vdab: [
    P.OrganisationRead,
    P.TeamRead,
    P.StaffRead,
    P.ParticipantRead,
    P.VdabCheckWrite,
    P.ReferralRead,
    P.ReferralWrite,
    P.CaseMeetingRead,
    P.AgendaRead,
  ],
  spoc_ocmw: [
    P.OrganisationRead,
    P.TeamRead,
    P.StaffRead,
    P.ParticipantRead,
    P.ReferralRead,
    P.ReferralWrite,
    P.CaseMeetingRead,
    P.AgendaRead,
  ],
  expertise: [
    P.OrganisationRead,
    P.TeamRead,
    P.StaffRead,
    P.ParticipantRead,
    P.GroupSessionRead,
    P.GroupSessionWrite,
    P.CaseMeetingRead,
    P.AgendaRead,
    P.PersonaRead,
  ],
  dpo: [
    P.OrganisationRead,
    P.TeamRead,
    P.StaffRead,
    P.ParticipantRead,
    P.AuditRead,
    P.SubjectExport,
    P.Pseudonymise,
    P.ConsentWrite,
    P.AgendaRead,
  ],
};

/** Every role may read its own account and change its own password. */
const BASE: readonly P[] = [P.SelfRead, P.SelfWrite];

export function permissionsFor(roles: readonly Role[]): ReadonlySet<P> {
  return new Set([...BASE, ...roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? [])]);
}
