export const GENDERS = ['female', 'male', 'nonbinary'] as const;
export type Gender = (typeof GENDERS)[number];
export const LABOUR_STATUSES = [
  'unemployed',
  'inactive',
  'in_education',
  'employed',
  'self_employed',
] as const;
export type LabourStatus = (typeof LABOUR_STATUSES)[number];
export const EDUCATION_LEVELS = ['isced_0_2', 'isced_3_4', 'isced_5_8'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const SPECIAL_ANSWERS = ['yes', 'no', 'declined'] as const;
export type SpecialAnswer = (typeof SPECIAL_ANSWERS)[number];
export const REFERRAL_CHANNELS = [
  'vdab',
  'ocmw',
  'outreach',
  'self',
  'participant',
  'partner',
  'other',
] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];
