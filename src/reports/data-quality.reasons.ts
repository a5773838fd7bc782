/** Every check, with the message a coordinator reads. The SQL in data-quality.repository.ts emits these codes. */
export const DATA_QUALITY_REASONS = {
  labour_status_missing:
    'Labour status at entry is missing: the participant is left out of the ESF+ total (EECO01).',
  education_level_missing: 'Education level (ISCED) at entry is missing.',
  long_term_unemployed_missing:
    'Unemployed at entry, but whether this is long-term unemployment is not recorded.',
  long_term_without_unemployed: 'Marked long-term unemployed, but the labour status is not unemployed.',
  eu_national_third_country:
    'Nationality is of an EU member state (Belgian, for instance), but marked as third-country national (EECO13).',
  adult_in_education: 'Aged 18 or over at entry with labour status "in education" (school pupil): check it.',
  entry_before_birth: 'The entry date is before the birth date.',
  third_country_national_missing: 'Third-country national (yes/no) is not recorded.',
  foreign_background_missing: 'Foreign background (yes/no) is not recorded.',
  homeless_missing: 'Homeless or housing exclusion (yes/no) is not recorded.',
  rural_area_missing: 'Rural area (yes/no) is not recorded.',
  special_category_not_asked:
    'Disability or minority was never asked (a participant may decline; record that).',
  closed_without_outcome: 'A closed trajectory has no outcome.',
  no_contact_90_days: 'An open trajectory has had no contact in the last 90 days.',
  never_reached_intake:
    'Signed up more than 60 days ago and no trajectory ever reached intake: reached only, not an ESF participant. Close the sign-up or record the intake.',
  esf_entry_data_incomplete:
    'An ESF participant (intake reached) whose non-sensitive entry data (gender, birth date, labour status, education level) are incomplete: counted in the ESF+ grand total only, in no EECO/EECR indicator.',
  special_category_without_basis:
    'Disability or minority answered, or a health note stored, without a live special_categories consent or legal basis (GDPR art. 9): record the basis or erase the value.',
  empowerment_baseline_missing:
    'In guidance or aftercare without a baseline empowerment assessment, although guidance started longer ago than the baseline window of the schedule (6 weeks by default).',
} as const;
export type DataQualityReason = keyof typeof DATA_QUALITY_REASONS;

/** A sign-up that has not reached intake after this many days is listed (issue 13, rule 2). */
export const SIGN_UP_WITHOUT_INTAKE_DAYS = 60;
/** EU member states (ISO 3166-1 alpha-2): a citizen of one is never a third-country national. */
export const EU_MEMBER_STATES =
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');

/** What the list holds, as its `definition` says (Dutch in i18n/texts.nl.ts). */
export const DATA_QUALITY_LIST = {
  definition: `One item per participant with every reason that applies. Besides missing or inconsistent entry data: sign-ups older than ${SIGN_UP_WITHOUT_INTAKE_DAYS} days that never reached intake (reached only, no ESF participant); ESF participants whose non-sensitive entry data (gender, birth date, labour status, education level) are incomplete (grand total only, in no EECO/EECR indicator); and special-category values (disability, minority, health notes) stored without a live special_categories basis.`,
} as const;
