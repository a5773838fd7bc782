import { ApiProperty } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { InstrumentSpec, SCALE_LIMIT } from '../../empowerment/instrument';
import { Perspective, PERSPECTIVES } from '../../empowerment/perspective';
import { ASSESSMENT_KINDS, AssessmentKind } from '../../empowerment/schedule';
import { disagreement, Scores } from '../../empowerment/scores';
import { AssessmentEntity } from '../assessment.entity';

/** One score on the instrument's own scale (an instrument's scale lies within ±SCALE_LIMIT). */
export const SCORE = {
  type: 'integer',
  format: 'int32',
  minimum: -SCALE_LIMIT,
  maximum: SCALE_LIMIT,
} as const;
/** Scores per dimension key, in the instrument's order. */
export const SCORES = {
  type: 'object',
  additionalProperties: SCORE,
  description: 'Score per dimension key of the instrument',
  example: { zelfbeschikking: 4, competentie: 5 },
} as const;

export class InstrumentRef {
  @ApiProperty({ example: 'empowerment', maxLength: 50 }) key!: string;
  @ApiProperty(COUNT) version!: number;
}

export class InstrumentVersionRef extends InstrumentRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

/** Where the participant's own scores differ from the coach's, per dimension. */
export class DimensionDisagreementResponse {
  @ApiProperty({ maxLength: 50 }) dimension!: string;
  @ApiProperty(SCORE) coach!: number;
  @ApiProperty(SCORE) participant!: number;
  @ApiProperty({
    ...SCORE,
    minimum: -2 * SCALE_LIMIT,
    maximum: 2 * SCALE_LIMIT,
    description: 'participant − coach',
  })
  difference!: number;
  @ApiProperty({ description: 'The gap is large enough to talk about together' }) flagged!: boolean;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ type: InstrumentVersionRef }) instrument!: InstrumentVersionRef;
  @ApiProperty({ enum: ASSESSMENT_KINDS }) kind!: AssessmentKind;
  @ApiProperty({ enum: PERSPECTIVES, description: "Whose reading: the participant's, the coach's or agreed" })
  perspective!: Perspective;
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
  @ApiProperty(SCORES) scores!: Record<string, number>;
  @ApiProperty({ ...SCORES, nullable: true }) participantScores!: Record<string, number> | null;
  @ApiProperty({ type: [DimensionDisagreementResponse], nullable: true })
  disagreement!: DimensionDisagreementResponse[] | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) participantPresent!: boolean | null;
  @ApiProperty({ format: 'uuid' }) assessedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AssessmentPageResponse {
  @ApiProperty({ type: [AssessmentResponse] }) items!: AssessmentResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

/** Only the instrument's own dimensions, in its order: whatever else a jsonb column may hold stays private. */
const scoresOf = (instrument: Pick<InstrumentSpec, 'dimensions'>, s: Scores): Record<string, number> =>
  Object.fromEntries(
    instrument.dimensions.filter(({ key }) => typeof s[key] === 'number').map(({ key }) => [key, s[key]]),
  );

export function toAssessmentResponse(
  a: AssessmentEntity,
  instrument: Pick<InstrumentSpec, 'dimensions'>,
): AssessmentResponse {
  return {
    id: a.id,
    trajectoryId: a.trajectoryId,
    participantId: a.participantId,
    instrument: { id: a.instrumentId, key: a.instrumentKey, version: a.instrumentVersion },
    kind: a.kind,
    perspective: a.perspective,
    takenAt: a.takenAt.toISOString(),
    scores: scoresOf(instrument, a.scores),
    participantScores: a.participantScores ? scoresOf(instrument, a.participantScores) : null,
    disagreement: a.participantScores
      ? disagreement(instrument, a.scores, a.participantScores).map((d) => ({
          dimension: d.dimension,
          coach: d.coach,
          participant: d.participant,
          difference: d.difference,
          flagged: d.flagged,
        }))
      : null,
    note: a.note,
    participantPresent: a.participantPresent,
    assessedBy: a.assessedBy,
    createdAt: a.createdAt.toISOString(),
  };
}
