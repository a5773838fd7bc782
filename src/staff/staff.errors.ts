import { badRequest, conflict } from '../common/errors/domain-error';

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
