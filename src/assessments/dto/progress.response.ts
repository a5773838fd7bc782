import { ApiProperty } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { AggregateSummary, ProgressAggregate } from '../../empowerment/aggregate';
import { ChangeSummary, PROGRESS_LABELS, ProgressLabel, ProgressReport } from '../../empowerment/progress';
import { ASSESSMENT_KINDS, AssessmentKind } from '../../empowerment/schedule';
import { DimensionDisagreementResponse, InstrumentRef } from './assessment.response';
import { GROUP_BY, GroupBy } from './assessment.dto';

/** A score or a change in score, rounded to two decimals. */
const MEAN = { type: 'number', nullable: true } as const;

export class ProgressMeasurement {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
}

export class ProgressFollowUp extends ProgressMeasurement {
  @ApiProperty({ enum: ASSESSMENT_KINDS }) kind!: AssessmentKind;
}

export class ChangeSummaryResponse {
  @ApiProperty(MEAN) baseline!: number | null;
  @ApiProperty({ ...MEAN, description: 'null while there is no follow-up measurement' }) latest!:
    number | null;
  @ApiProperty(MEAN) change!: number | null;
  @ApiProperty({ ...MEAN, description: 'change ÷ months between × 3; null when no time passed' })
  changePerQuarter!: number | null;
  @ApiProperty({ enum: PROGRESS_LABELS, nullable: true }) label!: ProgressLabel | null;
}

export class DimensionChangeResponse extends ChangeSummaryResponse {
  @ApiProperty({ maxLength: 50 }) dimension!: string;
}

/** Distance travelled in one trajectory: baseline against the latest follow-up. */
export class ProgressResponse {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ type: InstrumentRef }) instrument!: InstrumentRef;
  @ApiProperty({ type: ProgressMeasurement, nullable: true }) baseline!: ProgressMeasurement | null;
  @ApiProperty({ type: ProgressFollowUp, nullable: true }) latest!: ProgressFollowUp | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1200 }) monthsBetween!: number | null;
  @ApiProperty({ type: [DimensionChangeResponse] }) dimensions!: DimensionChangeResponse[];
  @ApiProperty({ type: ChangeSummaryResponse, nullable: true }) total!: ChangeSummaryResponse | null;
  @ApiProperty({ type: [DimensionDisagreementResponse], nullable: true })
  disagreement!: DimensionDisagreementResponse[] | null;
}

export class LabelCountsResponse {
  @ApiProperty(COUNT) progress!: number;
  @ApiProperty(COUNT) stagnation!: number;
  @ApiProperty(COUNT) regression!: number;
}

export class AggregateSummaryResponse {
  @ApiProperty({ ...COUNT, description: 'Trajectories that contributed a change' }) n!: number;
  @ApiProperty(MEAN) meanChange!: number | null;
  @ApiProperty(MEAN) meanChangePerQuarter!: number | null;
  @ApiProperty({ type: LabelCountsResponse }) labels!: LabelCountsResponse;
}

export class DimensionAggregateResponse extends AggregateSummaryResponse {
  @ApiProperty({ maxLength: 50 }) dimension!: string;
}

export class ProgressGroupRef {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class ProgressGroupResponse {
  @ApiProperty({ type: ProgressGroupRef }) group!: ProgressGroupRef;
  @ApiProperty({ ...COUNT, description: 'Trajectories with a baseline and a follow-up' })
  trajectories!: number;
  @ApiProperty({ ...COUNT, description: 'Trajectories with a baseline only' }) baselineOnly!: number;
  @ApiProperty({ type: [DimensionAggregateResponse] }) dimensions!: DimensionAggregateResponse[];
  @ApiProperty({ type: AggregateSummaryResponse }) total!: AggregateSummaryResponse;
}

/** Distance travelled over a period, per group. */
export class ProgressAggregateResponse {
  @ApiProperty({ type: InstrumentRef }) instrument!: InstrumentRef;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: GROUP_BY }) groupBy!: GroupBy;
  @ApiProperty({ type: [ProgressGroupResponse] }) groups!: ProgressGroupResponse[];
}

/** Values are exact until here; what people read is rounded to two decimals (+ 0 turns -0 into 0). */
export const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100 + 0);

const change = (c: ChangeSummary) => ({
  baseline: round2(c.baseline),
  latest: round2(c.latest),
  change: round2(c.change),
  changePerQuarter: round2(c.changePerQuarter),
  label: c.label,
});

export function toProgressResponse(
  trajectoryId: string,
  instrument: { key: string; version: number },
  r: ProgressReport | null,
): ProgressResponse {
  return {
    trajectoryId,
    instrument: { key: instrument.key, version: instrument.version },
    baseline: r ? { id: r.baseline.id ?? null, takenAt: r.baseline.takenAt.toISOString() } : null,
    latest: r?.latest
      ? { id: r.latest.id ?? null, kind: r.latest.kind, takenAt: r.latest.takenAt.toISOString() }
      : null,
    monthsBetween: round2(r?.monthsBetween ?? null),
    dimensions: (r?.dimensions ?? []).map((d) => ({ dimension: d.dimension, ...change(d) })),
    total: r ? change(r.total) : null,
    disagreement: r?.disagreement
      ? r.disagreement.map((d) => ({
          dimension: d.dimension,
          coach: d.coach,
          participant: d.participant,
          difference: d.difference,
          flagged: d.flagged,
        }))
      : null,
  };
}

const summary = (s: AggregateSummary) => ({
  n: s.n,
  meanChange: round2(s.meanChange),
  meanChangePerQuarter: round2(s.meanChangePerQuarter),
  labels: { progress: s.labels.progress, stagnation: s.labels.stagnation, regression: s.labels.regression },
});

export function toAggregateGroup(
  group: { id: string | null; name: string | null },
  a: ProgressAggregate,
): ProgressGroupResponse {
  return {
    group: { id: group.id, name: group.name },
    trajectories: a.trajectories,
    baselineOnly: a.baselineOnly,
    dimensions: a.dimensions.map((d) => ({ dimension: d.dimension, ...summary(d) })),
    total: summary(a.total),
  };
}
