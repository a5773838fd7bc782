import { conflict, notFound } from '../common/errors/domain-error';

export const employerNotFound = () => notFound('Employer');

export const employerKboExists = (id?: string) =>
  conflict(
    'EMPLOYER_KBO_EXISTS',
    'An employer with this KBO number is already in the register.',
    id ? { employerId: id } : {},
  );
