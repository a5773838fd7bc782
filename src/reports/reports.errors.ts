import { badRequest, DomainError } from '../common/errors/domain-error';

export const periodInvalid = () =>
  badRequest('REPORT_PERIOD_INVALID', 'The period must end on or after its first day.', [
    { field: 'to', message: 'before from' },
  ]);

export const periodTooLong = (maxYears: number) =>
  badRequest('REPORT_PERIOD_TOO_LONG', `A report covers at most ${maxYears} years.`, [
    { field: 'to', message: `more than ${maxYears} years after from` },
  ]);

/** Special categories (GDPR art. 9) are only ever reported as numbers, never as a list of people. */
export const specialCategoryAggregateOnly = (code: string) =>
  new DomainError(
    403,
    'SPECIAL_CATEGORY_AGGREGATE_ONLY',
    `${code} is a special category of personal data: it is reported as a number only, never per participant.`,
  );

export const xlsxUnavailable = () =>
  new DomainError(503, 'XLSX_UNAVAILABLE', 'The XLSX export is not available on this server.');

export const followUpBeforeExit = () =>
  new DomainError(
    409,
    'FOLLOW_UP_BEFORE_EXIT',
    'A follow-up records the situation after leaving: close the trajectory first.',
  );

export const followUpDateBeforeExit = (exitDate: string) =>
  badRequest('FOLLOW_UP_DATE_BEFORE_EXIT', `The follow-up date is before the exit date (${exitDate}).`, [
    { field: 'at', message: 'before the exit date' },
  ]);

export const submissionNotFound = () =>
  new DomainError(404, 'REPORT_SUBMISSION_NOT_FOUND', 'The report submission was not found.');
