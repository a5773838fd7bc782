import { ESF_COUNTING_RULES, ESF_INDICATORS, EsfIndicator, GENDERS, ReportGender } from '../esf-indicators';

/** One row per gender from the aggregate query: cohort sizes and every indicator with its unknowns. */
export type GenderCountRow = { gender: ReportGender } & Record<string, number | string>;

export type ByGender = Record<ReportGender | 'total', number>;

export interface IndicatorValue {
  code: string;
  name: string;
  definition: string;
  mapping: string;
  cohort: EsfIndicator['cohort'];
  specialCategory: boolean;
  value: ByGender;
  /** Present when the value can be unknown: missing data, or a declined special category. */
  unknown?: ByGender;
}

function byGender(rows: GenderCountRow[], column: string): ByGender {
  const out = { female: 0, male: 0, nonbinary: 0, total: 0 } as ByGender;
  for (const g of GENDERS) {
    const n = Number(rows.find((r) => r.gender === g)?.[column] ?? 0);
    out[g] = n;
    out.total += n;
  }
  return out;
}

function toIndicatorValue(i: EsfIndicator, rows: GenderCountRow[]): IndicatorValue {
  return {
    code: i.code,
    name: i.name,
    definition: i.definition,
    mapping: i.mapping,
    cohort: i.cohort,
    specialCategory: i.specialCategory,
    value: byGender(rows, i.code),
    ...(i.unknownSql ? { unknown: byGender(rows, `${i.code}_unknown`) } : {}),
  };
}

export function toEsfReportResponse(period: { from: string; to: string }, rows: GenderCountRow[]) {
  return {
    period: { from: period.from, to: period.to },
    source:
      'Regulation (EU) 2021/1057 (ESF+), Annex I; indicator codes as used in SFC2021. Definitions and mapping rules per indicator.',
    definition: ESF_COUNTING_RULES.join(' '),
    completeness: {
      definition:
        'grandTotal: ESF participants who entered in the period (first intake). complete: those of them whose gender, birth date, labour status and education level are all recorded; only they count in the output indicators. Leavers with incomplete entry data count in no result indicator either.',
      grandTotal: byGender(rows, 'entered'),
      complete: byGender(rows, 'entered_complete'),
    },
    cohorts: {
      entered: byGender(rows, 'entered'),
      left: byGender(rows, 'left_in_period'),
      leftSixMonthsBefore: byGender(rows, 'left_six_months_before'),
      leftWithFollowUpUponLeaving: byGender(rows, 'followed_up_upon_leaving'),
      leftSixMonthsBeforeWithFollowUp: byGender(rows, 'followed_up_six_months'),
    },
    outputs: ESF_INDICATORS.filter((i) => i.kind === 'output').map((i) => toIndicatorValue(i, rows)),
    results: ESF_INDICATORS.filter((i) => i.kind === 'result').map((i) => toIndicatorValue(i, rows)),
  };
}
