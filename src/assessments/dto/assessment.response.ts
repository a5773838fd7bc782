import { InstrumentSpec } from '../../empowerment/instrument';
import { disagreement, Scores } from '../../empowerment/scores';
import { AssessmentEntity } from '../assessment.entity';

/** Only the instrument's own dimensions, in its order: whatever else a jsonb column may hold stays private. */
const scoresOf = (instrument: Pick<InstrumentSpec, 'dimensions'>, s: Scores): Record<string, number> =>
  Object.fromEntries(
    instrument.dimensions.filter(({ key }) => typeof s[key] === 'number').map(({ key }) => [key, s[key]]),
  );

export function toAssessmentResponse(a: AssessmentEntity, instrument: Pick<InstrumentSpec, 'dimensions'>) {
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
