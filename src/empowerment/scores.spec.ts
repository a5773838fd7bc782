import { allScores, empowerment, instrumentWith } from '../../test/support/instruments';
import { disagreement, scoreProblemsToFieldErrors, validateScores } from './scores';

const ok = allScores(empowerment, 5);
const problems = (scores: unknown) =>
  validateScores(empowerment, scores).map((p) => `${p.dimension}:${p.code}`);

describe('validateScores', () => {
  it('accepts a whole score within the scale for every dimension', () => {
    expect(validateScores(empowerment, ok)).toEqual([]);
  });

  it('accepts the scale ends exactly: 1 and 10', () => {
    expect(problems(allScores(empowerment, 1))).toEqual([]);
    expect(problems(allScores(empowerment, 10))).toEqual([]);
  });

  it('refuses one step past either end: 0 and 11', () => {
    expect(problems({ ...ok, impact: 0, betekenis: 11 })).toEqual([
      'impact:out_of_range',
      'betekenis:out_of_range',
    ]);
  });

  it('reports each missing dimension, null and undefined included', () => {
    const { competentie: _c, ...rest } = ok;
    expect(problems({ ...rest, impact: null, betekenis: undefined })).toEqual([
      'competentie:missing',
      'impact:missing',
      'betekenis:missing',
    ]);
  });

  it('refuses fractions, strings, NaN and infinities as not whole numbers', () => {
    expect(
      problems({
        ...ok,
        competentie: 5.5,
        zelfbeschikking: '5',
        impact: NaN,
        betekenis: Infinity,
        groepsorientatie: true,
      }),
    ).toEqual([
      'competentie:not_integer',
      'zelfbeschikking:not_integer',
      'impact:not_integer',
      'betekenis:not_integer',
      'groepsorientatie:not_integer',
    ]);
  });

  it('accepts 5.0, which JSON cannot tell from 5', () => {
    expect(problems({ ...ok, impact: 5.0 })).toEqual([]);
  });

  it('refuses a dimension the instrument does not have, in the order given', () => {
    expect(problems({ ...ok, zelfvertrouwen: 5, Impact: 4 })).toEqual([
      'zelfvertrouwen:unknown',
      'Impact:unknown',
    ]);
  });

  it('treats a non-object as no scores at all', () => {
    for (const input of [null, undefined, 7, 'x', [5, 5, 5, 5, 5, 5]]) {
      expect(
        validateScores(empowerment, input).every((p) => p.code === 'missing' || p.code === 'unknown'),
      ).toBe(true);
      expect(validateScores(empowerment, input).filter((p) => p.code === 'missing')).toHaveLength(6);
    }
  });

  it('uses the instrument scale, e.g. 1–5 for the life-domain star', () => {
    const star = instrumentWith(13, 1, 5);
    expect(validateScores(star, allScores(star, 5))).toEqual([]);
    expect(
      validateScores(
        star,
        allScores(star, (i) => (i === 12 ? 6 : 3)),
      ),
    ).toEqual([{ dimension: 'd12', code: 'out_of_range', message: 'd12 must lie from 1 to 5; got 6' }]);
  });

  it('can be shown as problem+json field errors', () => {
    const errors = scoreProblemsToFieldErrors(
      validateScores(empowerment, { ...ok, impact: 0 }),
      'participantScores',
    );
    expect(errors).toEqual([
      {
        field: 'participantScores.impact',
        code: 'SCORE_OUT_OF_RANGE',
        message: 'impact must lie from 1 to 10; got 0',
      },
    ]);
  });
});

describe('disagreement', () => {
  const coach = allScores(empowerment, 5);

  it('flags a gap of 2 or more either way, and not a gap of 1', () => {
    const result = disagreement(empowerment, coach, {
      ...coach,
      competentie: 7,
      impact: 3,
      betekenis: 6,
      groepsorientatie: 4,
    });
    const byKey = Object.fromEntries(result.map((d) => [d.dimension, d]));
    expect(byKey.competentie).toEqual({
      dimension: 'competentie',
      coach: 5,
      participant: 7,
      difference: 2,
      flagged: true,
    });
    expect(byKey.impact).toMatchObject({ difference: -2, flagged: true });
    expect(byKey.betekenis).toMatchObject({ difference: 1, flagged: false });
    expect(byKey.groepsorientatie).toMatchObject({ difference: -1, flagged: false });
    expect(byKey.zelfbeschikking).toMatchObject({ difference: 0, flagged: false });
  });

  it('follows the instrument order and skips dimensions only one of them scored', () => {
    const { impact: _i, ...partial } = coach;
    expect(disagreement(empowerment, coach, partial).map((d) => d.dimension)).toEqual([
      'competentie',
      'zelfbeschikking',
      'betekenis',
      'positieve_identiteit',
      'groepsorientatie',
    ]);
  });

  it('takes another gap when asked', () => {
    expect(
      disagreement(empowerment, coach, { ...coach, impact: 8 }, 4).find((d) => d.dimension === 'impact'),
    ).toMatchObject({
      difference: 3,
      flagged: false,
    });
  });
});
