import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { ESF_COUNTING_RULES, ESF_INDICATORS, EsfIndicator, GENDERS, ReportGender } from '../esf-indicators';

const NULLABLE_COUNT = { ...COUNT, nullable: true } as const;

/** A count per gender and in total. */
export class ByGenderResponse {
  @ApiProperty(COUNT) female!: number;
  @ApiProperty(COUNT) male!: number;
  @ApiProperty(COUNT) nonbinary!: number;
  @ApiProperty(COUNT) total!: number;
}

/** A special category's counts: null where suppressed (small cell, or a period under a quarter). */
export class SuppressedByGenderResponse {
  @ApiProperty(NULLABLE_COUNT) female!: number | null;
  @ApiProperty(NULLABLE_COUNT) male!: number | null;
  @ApiProperty(NULLABLE_COUNT) nonbinary!: number | null;
  @ApiProperty(NULLABLE_COUNT) total!: number | null;
}

export class SuppressionResponse {
  @ApiProperty({ enum: ['SMALL_CELL', 'PERIOD_SHORTER_THAN_QUARTER'] }) reason!: string;
  @ApiProperty(COUNT) minCell!: number;
  @ApiProperty({ enum: [...GENDERS, 'total'], isArray: true, description: 'The cells left out' })
  cells!: string[];
  @ApiProperty() detail!: string;
}

export class EsfIndicatorValueResponse {
  @ApiProperty({ example: 'EECO01' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() definition!: string;
  @ApiProperty() mapping!: string;
  @ApiProperty({ enum: ['entered', 'left', 'left_six_months_before'] }) cohort!: string;
  @ApiProperty({ description: 'A special category (GDPR art. 9): aggregate only, small cells suppressed' })
  specialCategory!: boolean;
  @ApiProperty({
    type: SuppressedByGenderResponse,
    nullable: true,
    description: 'Counts; null per cell (or altogether) where a special category is suppressed',
  })
  value!: SuppressedByGenderResponse | null;
  @ApiPropertyOptional({
    type: ByGenderResponse,
    nullable: true,
    description: 'Present when the value can be unknown: missing data, or a declined special category',
  })
  unknown?: ByGenderResponse | null;
  @ApiProperty({ type: SuppressionResponse, nullable: true }) suppression!: SuppressionResponse | null;
}

export class EsfPeriodResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class EsfCompletenessResponse {
  @ApiProperty() definition!: string;
  @ApiProperty({ type: ByGenderResponse }) grandTotal!: ByGenderResponse;
  @ApiProperty({ type: ByGenderResponse }) complete!: ByGenderResponse;
}

export class EsfCohortsResponse {
  @ApiProperty({ type: ByGenderResponse }) entered!: ByGenderResponse;
  @ApiProperty({ type: ByGenderResponse }) left!: ByGenderResponse;
  @ApiProperty({ type: ByGenderResponse }) leftSixMonthsBefore!: ByGenderResponse;
  @ApiProperty({ type: ByGenderResponse }) leftWithFollowUpUponLeaving!: ByGenderResponse;
  @ApiProperty({ type: ByGenderResponse }) leftSixMonthsBeforeWithFollowUp!: ByGenderResponse;
}

/** The ESF+ common indicators for a period, by gender (JSON; esf.csv and esf.xlsx export it). */
export class EsfReportResponse {
  @ApiProperty({ type: EsfPeriodResponse }) period!: EsfPeriodResponse;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'The counting rules' }) definition!: string;
  @ApiProperty({ type: EsfCompletenessResponse }) completeness!: EsfCompletenessResponse;
  @ApiProperty({ type: EsfCohortsResponse }) cohorts!: EsfCohortsResponse;
  @ApiProperty({ type: [EsfIndicatorValueResponse] }) outputs!: EsfIndicatorValueResponse[];
  @ApiProperty({ type: [EsfIndicatorValueResponse] }) results!: EsfIndicatorValueResponse[];
}

export class EsfExplainIndicatorResponse {
  @ApiProperty({ example: 'EECO02' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() definition!: string;
  @ApiProperty() mapping!: string;
}

export class EsfExplainItemResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() pseudonymised!: boolean;
  @ApiPropertyOptional({ description: 'Only where the caller holds a grant' }) firstName?: string;
  @ApiPropertyOptional({ description: 'Only where the caller holds a grant' }) lastName?: string;
}

/** The participants behind one ESF+ number. */
export class EsfExplainResponse {
  @ApiProperty({ type: EsfExplainIndicatorResponse }) indicator!: EsfExplainIndicatorResponse;
  @ApiProperty({ type: EsfPeriodResponse }) period!: EsfPeriodResponse;
  @ApiProperty({ enum: ['counted', 'unknown'] }) bucket!: string;
  @ApiProperty({ type: [EsfExplainItemResponse] }) items!: EsfExplainItemResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

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
