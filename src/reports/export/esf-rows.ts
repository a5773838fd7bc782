import { CellValue, classify, ESF_INDICATORS, EsfFacts } from '../esf-indicators';

/** Special categories stay aggregate-only: they never appear in a per-participant row. */
export const ROW_INDICATORS = ESF_INDICATORS.filter((i) => !i.specialCategory);

export const PARTICIPANT_HEADER = [
  'participant_id',
  'first_name',
  'last_name',
  'pseudonymised',
  'gender',
  'entry_date',
  'exit_date',
  'entered_in_period',
  'left_in_period',
  'left_six_months_before',
  ...ROW_INDICATORS.map((i) => i.code),
];

export interface Name {
  firstName: string;
  lastName: string;
}

const flag = (b: boolean) => (b ? 1 : 0);

/**
 * One participant as an export row. Indicator cells: 1 counted, 0 not counted, 'unknown' when the
 * entry data is missing, empty when the participant is outside that indicator's cohort.
 */
export function participantRow(f: EsfFacts, name: Name | undefined): (string | number | null)[] {
  return [
    f.participant_id,
    name?.firstName ?? null,
    name?.lastName ?? null,
    flag(f.pseudonymised),
    f.gender,
    f.entry_date,
    f.exit_date,
    flag(f.entered),
    flag(f.left_in_period),
    flag(f.left_six_months_before),
    ...ROW_INDICATORS.map((i): CellValue => classify(f, i)),
  ];
}
