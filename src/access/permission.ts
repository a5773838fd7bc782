/**
 * The one permission vocabulary. Every route names exactly one of these; roles map to sets of
 * them in role-permissions.ts. Which *records* a permission reaches is decided per record by
 * access grants (service wall) and RLS (database wall).
 */
export enum Permission {
  SelfRead = 'self.read',
  SelfWrite = 'self.write',
  OrganisationRead = 'organisation.read',
  OrganisationWrite = 'organisation.write',
  TeamRead = 'team.read',
  TeamWrite = 'team.write',
  StaffRead = 'staff.read',
  StaffWrite = 'staff.write',

  ParticipantCreate = 'participant.create',
  ParticipantRead = 'participant.read',
  ParticipantUpdate = 'participant.update',
  TrajectoryWrite = 'trajectory.write',
  ContactWrite = 'contact.write',
  ConsentWrite = 'consent.write',
  VdabCheckWrite = 'vdab_check.write',

  ReferralRead = 'referral.read',
  ReferralWrite = 'referral.write',
  CaseMeetingRead = 'case_meeting.read',
  CaseMeetingWrite = 'case_meeting.write',
  GroupSessionRead = 'group_session.read',
  GroupSessionWrite = 'group_session.write',
  EmployerRead = 'employer.read',
  EmployerWrite = 'employer.write',

  InstrumentRead = 'instrument.read',
  InstrumentWrite = 'instrument.write',
  AssessmentRead = 'assessment.read',
  AssessmentWrite = 'assessment.write',
  FeedbackRead = 'feedback.read',
  FeedbackWrite = 'feedback.write',

  ReportRead = 'report.read',
  ReportSubmit = 'report.submit',
  AuditRead = 'audit.read',
  SubjectExport = 'subject.export',
  Pseudonymise = 'subject.pseudonymise',
  AgendaRead = 'agenda.read',

  PersonaRead = 'persona.read',
  PersonaWrite = 'persona.write',
  SignalWrite = 'signal.write',
}
