import { badRequest, conflict, DomainError } from '../common/errors/domain-error';

export const staffEmailTaken = () =>
  conflict('STAFF_EMAIL_TAKEN', 'A staff member with this email address already exists.');
export const unknownOrganisation = () =>
  badRequest('STAFF_ORGANISATION_UNKNOWN', 'The organisation does not exist in this partnership.', [
    { field: 'organisationId', message: 'unknown organisation' },
  ]);
export const unknownTeam = () =>
  badRequest('STAFF_TEAM_UNKNOWN', 'The team does not exist in this partnership.', [
    { field: 'teamId', message: 'unknown team' },
  ]);

const staffForbidden = (code: string, message: string) => new DomainError(403, code, message);

/** Nobody outside an organisation acts on its staff: that is the organisation's own org_admin's job. */
export const staffNotManaged = () =>
  staffForbidden(
    'STAFF_NOT_MANAGED',
    "Staff of an organisation are managed only by that organisation's own administrator (org_admin).",
  );
export const adminFirstOrgAdminOnly = () =>
  staffForbidden(
    'STAFF_ADMIN_FIRST_ORG_ADMIN_ONLY',
    'The partnership admin may only create the first org_admin of an organisation without active staff.',
  );
export const organisationHasStaff = () =>
  conflict(
    'STAFF_ORGANISATION_HAS_STAFF',
    'This organisation already has active staff: its own org_admin manages them.',
  );
export const roleNotGrantable = (role: string) =>
  staffForbidden('STAFF_ROLE_NOT_GRANTABLE', `The role ${role} cannot be granted or removed here.`);
export const staffMoveForbidden = () =>
  staffForbidden(
    'STAFF_MOVE_FORBIDDEN',
    'A staff member cannot be moved to another organisation; the new organisation creates its own account.',
  );
export const ownAccountRoles = () =>
  staffForbidden(
    'STAFF_OWN_ROLES',
    'You cannot change your own roles or deactivate yourself; another org_admin of your organisation can.',
  );
export const credentialTokenInvalid = () =>
  badRequest('CREDENTIAL_TOKEN_INVALID', 'The token is unknown, already used or expired.', [
    { field: 'token', message: 'unknown, used or expired token' },
  ]);
export const passwordWeak = (reasons: string[]) =>
  new DomainError(
    400,
    'PASSWORD_WEAK',
    'The password is too weak.',
    reasons.map((message) => ({ field: 'password', message })),
    { reasons },
  );
export const currentPasswordWrong = () =>
  badRequest('PASSWORD_CURRENT_WRONG', 'The current password is wrong.', [
    { field: 'currentPassword', message: 'wrong password' },
  ]);
