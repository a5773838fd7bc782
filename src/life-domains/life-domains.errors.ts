import { badRequest, DomainError } from '../common/errors/domain-error';

export const duplicateDomain = (domain: string) =>
  badRequest('LIFE_DOMAIN_DUPLICATE', `The domain ${domain} is listed twice.`, [
    { field: 'domains', message: `${domain} listed twice` },
  ]);

export const specialCategoryNoteNotAllowed = (domain: string) =>
  new DomainError(
    403,
    'SPECIAL_CATEGORY_NOT_ALLOWED',
    `A note on ${domain} is health data (GDPR art. 9): it needs full scope and a recorded special_categories basis.`,
    [{ field: 'domains', message: `note on ${domain} not allowed` }],
  );
