import { FieldError } from '../common/errors/domain-error';
import { InstrumentSpec } from './instrument';

/** Scores keyed by dimension key, e.g. `{ competentie: 6, impact: 4 }`. */
export type Scores = Readonly<Record<string, number>>;

export type ScoreProblemCode = 'missing' | 'unknown' | 'not_integer' | 'out_of_range';

export interface ScoreProblem {
  dimension: string;
  code: ScoreProblemCode;
  message: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every dimension of the instrument needs a whole score within the scale, and nothing else may be
 * scored. Returns one problem per failing dimension (instrument order first, then unknown keys in
 * the order given); an empty list means the scores are valid. Input is `unknown` because it comes
 * straight from a request body.
 */
export function validateScores(instrument: InstrumentSpec, scores: unknown): ScoreProblem[] {
  const given = isPlainObject(scores) ? scores : {};
  const { scaleMin: min, scaleMax: max } = instrument;
  const problems: ScoreProblem[] = [];
  const known = new Set<string>();
  for (const { key } of instrument.dimensions) {
    known.add(key);
    if (
      !Object.prototype.hasOwnProperty.call(given, key) ||
      given[key] === undefined ||
      given[key] === null
    ) {
      problems.push({
        dimension: key,
        code: 'missing',
        message: `${key} needs a score from ${min} to ${max}`,
      });
      continue;
    }
    const value = given[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({
        dimension: key,
        code: 'not_integer',
        message: `${key} must be a whole number from ${min} to ${max}`,
      });
    } else if (value < min || value > max) {
      problems.push({
        dimension: key,
        code: 'out_of_range',
        message: `${key} must lie from ${min} to ${max}; got ${value}`,
      });
    }
  }
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      problems.push({
        dimension: key,
        code: 'unknown',
        message: `${key} is not a dimension of ${instrument.key} v${instrument.version}`,
      });
    }
  }
  return problems;
}

/** Shapes score problems as problem+json field errors, e.g. field `participantScores.impact`. */
export function scoreProblemsToFieldErrors(
  problems: readonly ScoreProblem[],
  field = 'scores',
): FieldError[] {
  return problems.map((p) => ({
    field: `${field}.${p.dimension}`,
    message: p.message,
    code: `SCORE_${p.code.toUpperCase()}`,
  }));
}

export const DISAGREEMENT_GAP = 2;

export interface DimensionDisagreement {
  dimension: string;
  coach: number;
  participant: number;
  /** participant − coach: positive when the participant rates themself higher. */
  difference: number;
  /** |difference| ≥ the gap: worth talking about together. */
  flagged: boolean;
}

/** The participant's own view beside the coach's, per dimension scored by both, in instrument order. */
export function disagreement(
  instrument: Pick<InstrumentSpec, 'dimensions'>,
  coach: Scores,
  participant: Scores,
  gap = DISAGREEMENT_GAP,
): DimensionDisagreement[] {
  return instrument.dimensions
    .filter(({ key }) => typeof coach[key] === 'number' && typeof participant[key] === 'number')
    .map(({ key }) => {
      const difference = participant[key] - coach[key];
      return {
        dimension: key,
        coach: coach[key],
        participant: participant[key],
        difference,
        flagged: Math.abs(difference) >= gap,
      };
    });
}
