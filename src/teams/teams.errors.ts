import { conflict } from '../common/errors/domain-error';

export const teamConflict = () =>
  conflict('TEAM_EXISTS', 'A team with this name already exists in this partnership.');
