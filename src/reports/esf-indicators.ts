/**
 * The ESF+ common indicators for participants: code → Annex wording → what we count → how our data maps.
 * This file is the ONE place where they are defined; the JSON report, the explainability list, the
 * CSV/XLSX exports and the definitions sheet all read it.
 *
 * Source of the wording: Regulation (EU) 2021/1057 (ESF+), Annex I, points 1.1, 1.2 and 3 (OJ L 231,
 * 30.6.2021, p. 21). The Annex itself carries no codes. The codes are those of the Commission's SFC2021
 * system, which Europa WSE reports in; the Commission's SFC support portal names
 * 'Unemployed, including long-term unemployed' EECO02 and 'Participants with disabilities' EECO12,
 * so EECO01 is the total number of participants (the Annex lists the total last, SFC first).
 * The "six months" result definition (EECR06) follows the Commission's ESF monitoring guidance.
 *
 * Each indicator states its rule twice, side by side: as SQL over a facts row `f` (aggregates and the
 * explainability list run in the database) and as a TypeScript predicate (per-participant rows of the
 * exports). The CSV round-trip test proves the two agree on every fixture.
 */

export const GENDERS = ['female', 'male', 'nonbinary'] as const;
export type ReportGender = (typeof GENDERS)[number];

/** Who an indicator counts: the participants who entered, who left, or who left six months before the period. */
export type Cohort = 'entered' | 'left' | 'left_six_months_before';

/** Result situations as recorded on a follow-up (see follow-up.entity.ts). */
export const FOLLOW_UP_SITUATIONS = [
  'employed',
  'self_employed',
  'job_searching',
  'education_training',
  'qualification',
  'inactive',
  'unemployed',
  'other',
] as const;
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

/**
 * "Upon leaving" means within four weeks of the exit date; "six months after leaving" means a
 * follow-up dated within four weeks either side of exit + 6 months. Both in days, on local dates.
 */
export const FOLLOW_UP_WINDOWS = {
  upon_leaving: { label: 'within 4 weeks of leaving', fromDays: 0, toDays: 28, monthsAfterExit: 0 },
  six_months: {
    label: 'six months after leaving (± 4 weeks)',
    fromDays: -28,
    toDays: 28,
    monthsAfterExit: 6,
  },
} as const;
export type FollowUpWindow = keyof typeof FOLLOW_UP_WINDOWS;

/** One participant's facts, as the facts query returns them (dates as YYYY-MM-DD). */
export interface EsfFacts {
  participant_id: string;
  gender: ReportGender;
  birth_date: string;
  entry_date: string;
  exit_date: string | null;
  pseudonymised: boolean;
  entered: boolean;
  /** Gender, birth date, labour status and education level are all recorded (see ESF_COUNTING_RULES). */
  complete: boolean;
  left_in_period: boolean;
  left_six_months_before: boolean;
  labour_status: 'unemployed' | 'inactive' | 'in_education' | 'employed' | 'self_employed' | null;
  long_term_unemployed: boolean | null;
  education_level: 'isced_0_2' | 'isced_3_4' | 'isced_5_8' | null;
  third_country_national: boolean | null;
  foreign_background: boolean | null;
  homeless_or_housing_exclusion: boolean | null;
  rural_area: boolean | null;
  disability: 'yes' | 'no' | 'declined' | null;
  minority: 'yes' | 'no' | 'declined' | null;
  exit_outcome: string | null;
  exit_outcome_kind: string | null;
  situations_upon_leaving: FollowUpSituation[];
  situations_six_months: FollowUpSituation[];
  improved_six_months: boolean;
}

export interface EsfIndicator {
  code: string;
  /** Stable name for code that should not depend on the numbering. */
  key: string;
  kind: 'output' | 'result';
  cohort: Cohort;
  /** The Annex I wording. */
  name: string;
  /** What is counted, in words a coordinator and an auditor can check. */
  definition: string;
  /** How our records map onto it. */
  mapping: string;
  /** GDPR art. 9 data: only ever reported as an aggregate, never per participant. */
  specialCategory: boolean;
  /** SQL boolean over the facts row `f`: the participant counts. */
  sql: string;
  /** SQL boolean over `f`: the value is unknown (missing, or declined); null when it can never be unknown. */
  unknownSql: string | null;
  counts: (f: EsfFacts) => boolean;
  unknown: ((f: EsfFacts) => boolean) | null;
}

const EMPLOYED = ['employed', 'self_employed'];
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Completed years between two YYYY-MM-DD dates: the birthday itself counts (18 on the 18th birthday). */
export function ageAt(birthDate: string, at: string): number {
  const years = Number(at.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return at.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
/** The same rule in SQL: age() counts whole years the same way, 29 February included. */
const AGE_SQL = `date_part('year', age(f.entry_date::date, f.birth_date::date))`;

const labourUnknown = {
  unknownSql: 'f.labour_status is null',
  unknown: (f: EsfFacts) => f.labour_status === null,
};
const educationUnknown = {
  unknownSql: 'f.education_level is null',
  unknown: (f: EsfFacts) => f.education_level === null,
};
const neverUnknown = { unknownSql: null, unknown: null };

/** A yes/no entry field: unknown when not recorded. */
function flag(
  column: 'third_country_national' | 'foreign_background' | 'homeless_or_housing_exclusion' | 'rural_area',
) {
  return {
    sql: `f.${column} is true`,
    counts: (f: EsfFacts) => f[column] === true,
    unknownSql: `f.${column} is null`,
    unknown: (f: EsfFacts) => f[column] === null,
  };
}

/** A special-category answer: 'declined' and not-asked are unknown, never "no". */
function special(column: 'disability' | 'minority') {
  return {
    sql: `f.${column} = 'yes'`,
    counts: (f: EsfFacts) => f[column] === 'yes',
    unknownSql: `f.${column} is null or f.${column} = 'declined'`,
    unknown: (f: EsfFacts) => f[column] === null || f[column] === 'declined',
  };
}

const OUTPUT_NOTE =
  'Counted once per participant who entered in the period (ESF entry date: the first intake), with the entry data, and only when the entry data are complete.';

/**
 * The counting rules every ESF+ figure follows (EC data-support guidance), as the reports state them
 * in their `definition`. The facts query (esf-facts.sql.ts) and the cohort tests below apply them.
 */
export const ESF_COUNTING_RULES = [
  'Reached: a person is reached from sign-up (the start of a trajectory, status aanmelding). ESF participant: from the day the first trajectory reaches intake, which is the ESF entry date. A record that never reached intake counts as reached only, in no ESF figure.',
  'Completeness: a participant whose non-sensitive entry data (gender, birth date, labour status at entry, education level) are incomplete counts in grandTotal only, and in no output (EECO) or result (EECR) indicator; completeness.complete is the count with complete data. The data-quality list names the incomplete records.',
  'Re-entry: a participant who leaves and re-enters is counted once. Start date and output data refer to the first entry; the exit date and results are those of the final exit, so a re-entry withdraws an earlier exit (there is no exit while a trajectory is open) and can revise the results of a period already reported.',
  'Results upon leaving: within 4 weeks of the exit date; six months after leaving: within 4 weeks either side of exit + 6 months. Dates are local dates in Europe/Brussels.',
] as const;

export const ESF_INDICATORS: readonly EsfIndicator[] = [
  {
    code: 'EECO01',
    key: 'total',
    kind: 'output',
    cohort: 'entered',
    name: 'Total number of participants',
    definition: `The sum of the employment statuses at entry: unemployed (incl. long-term) + inactive + employed (incl. self-employed). ${OUTPUT_NOTE}`,
    mapping:
      'Participants whose entry_date falls in the period and whose labour_status is recorded. A missing labour status is not counted and is reported as unknown (fix it: see the data-quality list).',
    specialCategory: false,
    sql: 'f.labour_status is not null',
    counts: (f) => f.labour_status !== null,
    ...labourUnknown,
  },
  {
    code: 'EECO02',
    key: 'unemployed',
    kind: 'output',
    cohort: 'entered',
    name: 'Unemployed, including long-term unemployed',
    definition: `Participants without work, available for and seeking work at entry, including the long-term unemployed. ${OUTPUT_NOTE}`,
    mapping: "labour_status = 'unemployed'.",
    specialCategory: false,
    sql: `f.labour_status = 'unemployed'`,
    counts: (f) => f.labour_status === 'unemployed',
    ...labourUnknown,
  },
  {
    code: 'EECO03',
    key: 'long_term_unemployed',
    kind: 'output',
    cohort: 'entered',
    name: 'Long-term unemployed',
    definition: `Unemployed participants who are long-term unemployed at entry (a subset of EECO02). ${OUTPUT_NOTE}`,
    mapping:
      "labour_status = 'unemployed' and long_term_unemployed = true. Unknown when the labour status is missing, or when an unemployed participant's long-term flag is missing.",
    specialCategory: false,
    sql: `f.labour_status = 'unemployed' and f.long_term_unemployed is true`,
    counts: (f) => f.labour_status === 'unemployed' && f.long_term_unemployed === true,
    unknownSql: `f.labour_status is null or (f.labour_status = 'unemployed' and f.long_term_unemployed is null)`,
    unknown: (f) =>
      f.labour_status === null || (f.labour_status === 'unemployed' && f.long_term_unemployed === null),
  },
  {
    code: 'EECO04',
    key: 'inactive',
    kind: 'output',
    cohort: 'entered',
    name: 'Inactive',
    definition: `Participants not in the labour force at entry (neither employed nor unemployed), including those in education or training. ${OUTPUT_NOTE}`,
    mapping: "labour_status = 'inactive' or 'in_education' (a pupil or student is inactive).",
    specialCategory: false,
    sql: `f.labour_status in ('inactive', 'in_education')`,
    counts: (f) => f.labour_status === 'inactive' || f.labour_status === 'in_education',
    ...labourUnknown,
  },
  {
    code: 'EECO05',
    key: 'employed',
    kind: 'output',
    cohort: 'entered',
    name: 'Employed, including self-employed',
    definition: `Participants in paid work or self-employment at entry. ${OUTPUT_NOTE}`,
    mapping: "labour_status = 'employed' or 'self_employed'.",
    specialCategory: false,
    sql: `f.labour_status in (${sqlList(EMPLOYED)})`,
    counts: (f) => EMPLOYED.includes(f.labour_status ?? ''),
    ...labourUnknown,
  },
  {
    code: 'EECO06',
    key: 'below_18',
    kind: 'output',
    cohort: 'entered',
    name: 'Number of children below 18 years of age',
    definition: `Participants younger than 18 on the entry date. ${OUTPUT_NOTE}`,
    mapping:
      'Completed years between birth_date and entry_date < 18; on the 18th birthday a participant is 18.',
    specialCategory: false,
    sql: `${AGE_SQL} < 18`,
    counts: (f) => ageAt(f.birth_date, f.entry_date) < 18,
    ...neverUnknown,
  },
  {
    code: 'EECO07',
    key: 'age_18_29',
    kind: 'output',
    cohort: 'entered',
    name: 'Young people between 18 and 29 years of age',
    definition: `Participants aged 18 to 29 inclusive on the entry date. ${OUTPUT_NOTE}`,
    mapping:
      'Completed years at entry_date between 18 and 29; on the 30th birthday a participant no longer counts.',
    specialCategory: false,
    sql: `${AGE_SQL} between 18 and 29`,
    counts: (f) => {
      const age = ageAt(f.birth_date, f.entry_date);
      return age >= 18 && age <= 29;
    },
    ...neverUnknown,
  },
  {
    code: 'EECO08',
    key: 'age_55_plus',
    kind: 'output',
    cohort: 'entered',
    name: 'Number of participants of 55 years of age and above',
    definition: `Participants aged 55 or more on the entry date. ${OUTPUT_NOTE}`,
    mapping: 'Completed years at entry_date >= 55; on the 55th birthday a participant counts.',
    specialCategory: false,
    sql: `${AGE_SQL} >= 55`,
    counts: (f) => ageAt(f.birth_date, f.entry_date) >= 55,
    ...neverUnknown,
  },
  {
    code: 'EECO09',
    key: 'isced_0_2',
    kind: 'output',
    cohort: 'entered',
    name: 'With lower secondary education or less (ISCED 0-2)',
    definition: `Highest completed education at entry is ISCED 0, 1 or 2. ${OUTPUT_NOTE}`,
    mapping: "education_level = 'isced_0_2'.",
    specialCategory: false,
    sql: `f.education_level = 'isced_0_2'`,
    counts: (f) => f.education_level === 'isced_0_2',
    ...educationUnknown,
  },
  {
    code: 'EECO10',
    key: 'isced_3_4',
    kind: 'output',
    cohort: 'entered',
    name: 'With upper secondary (ISCED 3) or post-secondary education (ISCED 4)',
    definition: `Highest completed education at entry is ISCED 3 or 4. ${OUTPUT_NOTE}`,
    mapping: "education_level = 'isced_3_4'.",
    specialCategory: false,
    sql: `f.education_level = 'isced_3_4'`,
    counts: (f) => f.education_level === 'isced_3_4',
    ...educationUnknown,
  },
  {
    code: 'EECO11',
    key: 'isced_5_8',
    kind: 'output',
    cohort: 'entered',
    name: 'With tertiary education (ISCED 5 to 8)',
    definition: `Highest completed education at entry is ISCED 5, 6, 7 or 8. ${OUTPUT_NOTE}`,
    mapping: "education_level = 'isced_5_8'.",
    specialCategory: false,
    sql: `f.education_level = 'isced_5_8'`,
    counts: (f) => f.education_level === 'isced_5_8',
    ...educationUnknown,
  },
  {
    code: 'EECO12',
    key: 'disability',
    kind: 'output',
    cohort: 'entered',
    name: 'Participants with disabilities',
    definition: `Participants who stated a disability at entry (special category, GDPR art. 9). ${OUTPUT_NOTE}`,
    mapping:
      "disability = 'yes'. 'declined' and not asked are counted as unknown, never as no. Reported as an aggregate only.",
    specialCategory: true,
    ...special('disability'),
  },
  {
    code: 'EECO13',
    key: 'third_country_national',
    kind: 'output',
    cohort: 'entered',
    name: 'Third-country nationals',
    definition: `Participants who are not citizens of the Union, including stateless persons (Regulation (EU) 2021/1057, Art. 2). ${OUTPUT_NOTE}`,
    mapping: 'third_country_national = true; unknown when not recorded.',
    specialCategory: false,
    ...flag('third_country_national'),
  },
  {
    code: 'EECO14',
    key: 'foreign_background',
    kind: 'output',
    cohort: 'entered',
    name: 'Participants with a foreign background',
    definition: `Participants with a foreign background as recorded at entry. ${OUTPUT_NOTE}`,
    mapping: 'foreign_background = true; unknown when not recorded.',
    specialCategory: false,
    ...flag('foreign_background'),
  },
  {
    code: 'EECO15',
    key: 'minority',
    kind: 'output',
    cohort: 'entered',
    name: 'Minorities (including marginalised communities, such as Roma people)',
    definition: `Participants who stated they belong to a minority (special category, GDPR art. 9). ${OUTPUT_NOTE}`,
    mapping:
      "minority = 'yes'. 'declined' and not asked are counted as unknown, never as no. Reported as an aggregate only.",
    specialCategory: true,
    ...special('minority'),
  },
  {
    code: 'EECO16',
    key: 'homeless',
    kind: 'output',
    cohort: 'entered',
    name: 'Homeless or affected by housing exclusion',
    definition: `Participants who are homeless or affected by housing exclusion at entry. ${OUTPUT_NOTE}`,
    mapping: 'homeless_or_housing_exclusion = true; unknown when not recorded.',
    specialCategory: false,
    ...flag('homeless_or_housing_exclusion'),
  },
  {
    code: 'EECO17',
    key: 'rural',
    kind: 'output',
    cohort: 'entered',
    name: 'Participants from rural areas',
    definition: `Participants living in a rural area at entry. ${OUTPUT_NOTE}`,
    mapping: 'rural_area = true; unknown when not recorded.',
    specialCategory: false,
    ...flag('rural_area'),
  },
  {
    code: 'EECR01',
    key: 'job_searching_upon_leaving',
    kind: 'result',
    cohort: 'left',
    name: 'Participants engaged in job searching upon leaving',
    definition:
      'Participants who left in the period and were engaged in job searching within 4 weeks of leaving.',
    mapping:
      "A follow-up with situation 'job_searching' dated from the exit date up to 4 weeks after it. A closing outcome alone is not evidence of job searching.",
    specialCategory: false,
    sql: `'job_searching' = any(f.situations_upon_leaving)`,
    counts: (f) => f.situations_upon_leaving.includes('job_searching'),
    ...neverUnknown,
  },
  {
    code: 'EECR02',
    key: 'education_upon_leaving',
    kind: 'result',
    cohort: 'left',
    name: 'Participants in education or training upon leaving',
    definition:
      'Participants who left in the period and were in education or training within 4 weeks of leaving.',
    mapping:
      "Closing outcome 'education', or a follow-up 'education_training' within 4 weeks of the exit date.",
    specialCategory: false,
    sql: `f.exit_outcome = 'education' or 'education_training' = any(f.situations_upon_leaving)`,
    counts: (f) => f.exit_outcome === 'education' || f.situations_upon_leaving.includes('education_training'),
    ...neverUnknown,
  },
  {
    code: 'EECR03',
    key: 'qualification_upon_leaving',
    kind: 'result',
    cohort: 'left',
    name: 'Participants gaining a qualification upon leaving',
    definition:
      'Participants who left in the period and gained a qualification, established within 4 weeks of leaving.',
    mapping: "A follow-up with situation 'qualification' within 4 weeks of the exit date.",
    specialCategory: false,
    sql: `'qualification' = any(f.situations_upon_leaving)`,
    counts: (f) => f.situations_upon_leaving.includes('qualification'),
    ...neverUnknown,
  },
  {
    code: 'EECR04',
    key: 'employed_upon_leaving',
    kind: 'result',
    cohort: 'left',
    name: 'Participants in employment, including self-employment, upon leaving',
    definition:
      'Participants who left in the period and were in employment or self-employment within 4 weeks of leaving.',
    mapping:
      "Closing outcome 'work', or a follow-up 'employed' or 'self_employed' within 4 weeks of the exit date.",
    specialCategory: false,
    sql: `f.exit_outcome = 'work' or f.situations_upon_leaving && array[${sqlList(EMPLOYED)}]::text[]`,
    counts: (f) => f.exit_outcome === 'work' || f.situations_upon_leaving.some((s) => EMPLOYED.includes(s)),
    ...neverUnknown,
  },
  {
    code: 'EECR05',
    key: 'employed_six_months',
    kind: 'result',
    cohort: 'left_six_months_before',
    name: 'Participants in employment, including self-employment, six months after leaving',
    definition:
      'Participants whose exit date lies six months before a day in the period, in employment or self-employment six months after leaving.',
    mapping:
      "A follow-up 'employed' or 'self_employed' dated within 4 weeks either side of exit date + 6 months.",
    specialCategory: false,
    sql: `f.situations_six_months && array[${sqlList(EMPLOYED)}]::text[]`,
    counts: (f) => f.situations_six_months.some((s) => EMPLOYED.includes(s)),
    ...neverUnknown,
  },
  {
    code: 'EECR06',
    key: 'better_situation_six_months',
    kind: 'result',
    cohort: 'left_six_months_before',
    name: 'Participants with a more favourable labour market situation six months after leaving',
    definition:
      'Participants employed at entry who, six months after leaving, moved from precarious to stable employment, from underemployment to full employment, to a job needing higher competences, or were promoted.',
    mapping:
      "labour_status at entry 'employed' or 'self_employed', and a follow-up with improved_situation = true within 4 weeks either side of exit date + 6 months. Moving from unemployment into work is EECR05, not EECR06.",
    specialCategory: false,
    sql: `f.improved_six_months and f.labour_status in (${sqlList(EMPLOYED)})`,
    counts: (f) => f.improved_six_months && EMPLOYED.includes(f.labour_status ?? ''),
    ...neverUnknown,
  },
];

export const INDICATOR_CODES = ESF_INDICATORS.map((i) => i.code);

export function indicatorByCode(code: string): EsfIndicator | undefined {
  return ESF_INDICATORS.find((i) => i.code === code);
}

/** The code of an indicator by its stable key (tests and callers that should survive a renumbering). */
export function codeOf(key: string): string {
  const found = ESF_INDICATORS.find((i) => i.key === key);
  if (!found) throw new Error(`Unknown ESF indicator key ${key}`);
  return found.code;
}

/** The SQL column that says whether the facts row belongs to the indicator's cohort. */
export const COHORT_COLUMN: Record<Cohort, string> = {
  entered: 'f.entered and f.complete',
  left: 'f.left_in_period and f.complete',
  left_six_months_before: 'f.left_six_months_before and f.complete',
};

/** An incomplete record counts in the grand total only, never in an indicator's cohort. */
export function inCohort(f: EsfFacts, cohort: Cohort): boolean {
  if (!f.complete) return false;
  return cohort === 'entered' ? f.entered : cohort === 'left' ? f.left_in_period : f.left_six_months_before;
}

export type CellValue = 1 | 0 | 'unknown' | null;

/** One participant's value for one indicator: null when outside its cohort. */
export function classify(f: EsfFacts, indicator: EsfIndicator): CellValue {
  if (!inCohort(f, indicator.cohort)) return null;
  if (indicator.counts(f)) return 1;
  return indicator.unknown?.(f) ? 'unknown' : 0;
}
