import { FieldError } from '../common/errors/domain-error';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalisedText = Readonly<Record<Language, string>>;

export interface InstrumentDimension {
  key: string;
  label: LocalisedText;
  /** The component's meaning in a few words, e.g. "weten wat je kunt". */
  description?: LocalisedText;
}

/** Text for one score; `dimension` limits it to one dimension, otherwise it holds for all. */
export interface InstrumentAnchor {
  score: number;
  label: LocalisedText;
  dimension?: string;
}

export const DIMENSIONS_MIN = 1;
export const DIMENSIONS_MAX = 20;
export const SCALE_LIMIT = 100;

/**
 * What the pure rules (scores, schedule, progress, star) read of an instrument. InstrumentEntity
 * satisfies it as it is, and so does a plain object in a unit test.
 */
export interface InstrumentSpec {
  key: string;
  version: number;
  dimensions: readonly InstrumentDimension[];
  scaleMin: number;
  scaleMax: number;
}

export interface ScheduleSpec {
  reviewIntervalMonths: number;
  baselineDueWeeks: number;
}

/** A change ≥ progressThreshold is progress, ≤ regressionThreshold regression, anything between stagnation. */
export interface ThresholdSpec {
  progressThreshold: number;
  regressionThreshold: number;
}

/**
 * One stored version of an instrument, as other modules get it from InstrumentsService.
 * InstrumentEntity implements it, so no module outside empowerment needs the entity class.
 */
export interface Instrument extends InstrumentSpec, ScheduleSpec, ThresholdSpec {
  id: string;
  /** Null for a built-in instrument every partnership reads. */
  partnershipId: string | null;
  name: LocalisedText;
  dimensions: InstrumentDimension[];
  anchors: InstrumentAnchor[] | null;
  releaseThreshold: number | null;
  createdBy: string | null;
  createdAt: Date;
}

/** The Vrijbaan empowerment star: on every trajectory's calendar, and the one the reports cover. */
export const EMPOWERMENT_INSTRUMENT = 'empowerment';

export const DEFAULT_SCHEDULE: ScheduleSpec = { reviewIntervalMonths: 3, baselineDueWeeks: 6 };
export const DEFAULT_THRESHOLDS: ThresholdSpec = { progressThreshold: 1, regressionThreshold: -1 };

/** What an admin sends to define an instrument (the version is assigned by the server). */
export interface InstrumentDefinition {
  key: string;
  dimensions: readonly { key: string }[];
  scaleMin: number;
  scaleMax: number;
  anchors?: readonly { score: number; dimension?: string }[] | null;
  releaseThreshold?: number | null;
}

/**
 * The rules that span fields, which the DTO decorators cannot see: a real range, unique dimension
 * keys, and anchors that sit on the scale and name a dimension that exists. Field names follow the
 * validation pipe's `dimensions.2.key` form.
 */
export function validateInstrumentDefinition(def: InstrumentDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const rangeOk = def.scaleMin < def.scaleMax;
  if (!rangeOk) {
    errors.push({
      field: 'scaleMax',
      message: 'scaleMax must be greater than scaleMin',
      code: 'SCALE_RANGE',
    });
  }
  if (def.dimensions.length < DIMENSIONS_MIN || def.dimensions.length > DIMENSIONS_MAX) {
    errors.push({
      field: 'dimensions',
      message: `an instrument has ${DIMENSIONS_MIN} to ${DIMENSIONS_MAX} dimensions`,
      code: 'DIMENSION_COUNT',
    });
  }
  const seen = new Set<string>();
  def.dimensions.forEach((d, i) => {
    if (seen.has(d.key)) {
      errors.push({
        field: `dimensions.${i}.key`,
        message: `dimension key "${d.key}" is used twice`,
        code: 'DIMENSION_DUPLICATE',
      });
    }
    seen.add(d.key);
  });
  const release = def.releaseThreshold;
  if (
    rangeOk &&
    release !== undefined &&
    release !== null &&
    (release < def.scaleMin || release > def.scaleMax)
  ) {
    errors.push({
      field: 'releaseThreshold',
      message: `releaseThreshold ${release} lies outside the scale ${def.scaleMin}–${def.scaleMax}`,
      code: 'RELEASE_THRESHOLD_OUT_OF_RANGE',
    });
  }
  const anchorKeys = new Set<string>();
  (def.anchors ?? []).forEach((a, i) => {
    if (rangeOk && (a.score < def.scaleMin || a.score > def.scaleMax)) {
      errors.push({
        field: `anchors.${i}.score`,
        message: `anchor score ${a.score} lies outside the scale ${def.scaleMin}–${def.scaleMax}`,
        code: 'ANCHOR_OUT_OF_RANGE',
      });
    }
    if (a.dimension !== undefined && !seen.has(a.dimension)) {
      errors.push({
        field: `anchors.${i}.dimension`,
        message: `anchor names unknown dimension "${a.dimension}"`,
        code: 'ANCHOR_UNKNOWN_DIMENSION',
      });
    }
    const id = `${a.dimension ?? '*'}:${a.score}`;
    if (anchorKeys.has(id)) {
      errors.push({
        field: `anchors.${i}`,
        message: `score ${a.score} already has an anchor${a.dimension ? ` for "${a.dimension}"` : ''}`,
        code: 'ANCHOR_DUPLICATE',
      });
    }
    anchorKeys.add(id);
  });
  return errors;
}

/** The built-in loslaatschaal's key, and the threshold used when a release-scale version names none. */
export const RELEASE_INSTRUMENT = 'release_scale';
export const DEFAULT_RELEASE_THRESHOLD = 8;

/** A radar chart needs at least three axes; the one-dimension release scale is shown as a number. */
export const canDrawStar = (instrument: Pick<InstrumentSpec, 'dimensions'>) =>
  instrument.dimensions.length >= 3;

/**
 * The caller's language from an Accept-Language header: the first of nl or en by preference
 * (q-values honoured), Dutch when neither is asked for.
 */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.split('-')[0], q: q ? Number(q[1]) : 1, order };
    })
    .filter((l) => l.q > 0 && (LANGUAGES as readonly string[]).includes(l.lang))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranked[0]?.lang as Language | undefined) ?? 'nl';
}
