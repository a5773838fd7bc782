import { conflict } from '../common/errors/domain-error';

export const organisationConflict = () =>
  conflict(
    'ORGANISATION_EXISTS',
    'An organisation with this name or KBO number already exists in this partnership.',
  );
