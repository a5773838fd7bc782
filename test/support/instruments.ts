import {
  InstrumentDimension,
  InstrumentSpec,
  ScheduleSpec,
  ThresholdSpec,
} from '../../src/empowerment/instrument';

type Spec = InstrumentSpec & ScheduleSpec & ThresholdSpec;

const EMPOWERMENT: [string, string, string, string, string][] = [
  ['competentie', 'Competentie', 'Competence', 'Weten wat je kunt', 'Knowing what you can do'],
  ['zelfbeschikking', 'Zelfbeschikking', 'Self-determination', 'Weten wat je wilt', 'Knowing what you want'],
  ['impact', 'Impact', 'Impact', 'Je doet mee', 'You take part'],
  ['betekenis', 'Betekenis', 'Meaning', 'Voor jouw belang', 'It matters to you'],
  ['positieve_identiteit', 'Positieve identiteit', 'Positive identity', 'Je bent OK', 'You are OK'],
  [
    'groepsorientatie',
    'Groepsoriëntatie',
    'Group orientation',
    'Je staat er niet alleen voor',
    'You do not stand alone',
  ],
];

/** The empowerment instrument as the migration seeds it, for unit tests that need no database. */
export const empowerment: Spec = {
  key: 'empowerment',
  version: 1,
  dimensions: EMPOWERMENT.map(([key, nl, en, dnl, den]) => ({
    key,
    label: { nl, en },
    description: { nl: dnl, en: den },
  })),
  scaleMin: 1,
  scaleMax: 10,
  reviewIntervalMonths: 3,
  baselineDueWeeks: 6,
  progressThreshold: 1,
  regressionThreshold: -1,
};

/** n dimensions d0…d(n-1) on the given scale. */
export function instrumentWith(n: number, scaleMin = 1, scaleMax = 10, overrides: Partial<Spec> = {}): Spec {
  const dimensions: InstrumentDimension[] = Array.from({ length: n }, (_, i) => ({
    key: `d${i}`,
    label: { nl: `Dimensie ${i}`, en: `Dimension ${i}` },
  }));
  return { ...empowerment, key: `test_${n}`, dimensions, scaleMin, scaleMax, ...overrides };
}

/** The same score on every dimension. */
export const allScores = (
  spec: Pick<InstrumentSpec, 'dimensions'>,
  value: number | ((i: number) => number),
) => Object.fromEntries(spec.dimensions.map((d, i) => [d.key, typeof value === 'number' ? value : value(i)]));
