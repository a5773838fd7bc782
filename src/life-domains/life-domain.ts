/** The life domains a trajectory can work on, in the order they are shown. */
export const LIFE_DOMAINS = [
  'work',
  'income_debt',
  'housing',
  'health',
  'mental_health',
  'language',
  'mobility',
  'childcare_family',
  'justice',
  'social_network',
  'digital',
  'education',
  'residence_status',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** Notes on these domains are health data, a special category under GDPR art. 9. */
export const SPECIAL_CATEGORY_DOMAINS: readonly LifeDomain[] = ['health', 'mental_health'];

export const isSpecialCategoryDomain = (d: LifeDomain) => SPECIAL_CATEGORY_DOMAINS.includes(d);

export const domainOrder = (d: LifeDomain) => LIFE_DOMAINS.indexOf(d);
