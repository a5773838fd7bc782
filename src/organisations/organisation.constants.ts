export const ORGANISATION_KINDS = ['promotor', 'partner', 'vdab', 'ocmw'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
