import { canDrawStar, pickLanguage, validateInstrumentDefinition } from './instrument';

const dims = (...keys: string[]) => keys.map((key) => ({ key }));
const valid = { key: 'werkfit', dimensions: dims('a', 'b', 'c'), scaleMin: 1, scaleMax: 5 };
const codes = (def: Parameters<typeof validateInstrumentDefinition>[0]) =>
  validateInstrumentDefinition(def).map((e) => `${e.field}:${e.code}`);

describe('validateInstrumentDefinition', () => {
  it('accepts a well-formed definition', () => {
    expect(validateInstrumentDefinition(valid)).toEqual([]);
  });

  it('accepts one dimension (the release scale) and twenty', () => {
    expect(codes({ ...valid, dimensions: dims('release') })).toEqual([]);
    expect(codes({ ...valid, dimensions: dims(...Array.from({ length: 20 }, (_, i) => `d${i}`)) })).toEqual(
      [],
    );
  });

  it('takes a release threshold on the scale, and refuses one off it', () => {
    expect(codes({ ...valid, releaseThreshold: 5 })).toEqual([]);
    expect(codes({ ...valid, releaseThreshold: null })).toEqual([]);
    expect(codes({ ...valid, releaseThreshold: 6 })).toEqual([
      'releaseThreshold:RELEASE_THRESHOLD_OUT_OF_RANGE',
    ]);
    expect(codes({ ...valid, releaseThreshold: 0 })).toEqual([
      'releaseThreshold:RELEASE_THRESHOLD_OUT_OF_RANGE',
    ]);
  });

  it('refuses zero and twenty-one dimensions', () => {
    expect(codes({ ...valid, dimensions: [] })).toEqual(['dimensions:DIMENSION_COUNT']);
    expect(codes({ ...valid, dimensions: dims(...Array.from({ length: 21 }, (_, i) => `d${i}`)) })).toEqual([
      'dimensions:DIMENSION_COUNT',
    ]);
  });

  it('refuses scaleMin equal to or above scaleMax', () => {
    expect(codes({ ...valid, scaleMin: 5, scaleMax: 5 })).toEqual(['scaleMax:SCALE_RANGE']);
    expect(codes({ ...valid, scaleMin: 6, scaleMax: 5 })).toEqual(['scaleMax:SCALE_RANGE']);
    expect(codes({ ...valid, scaleMin: 4, scaleMax: 5 })).toEqual([]);
  });

  it('names every repeated dimension key by its position', () => {
    expect(codes({ ...valid, dimensions: dims('a', 'b', 'a', 'a') })).toEqual([
      'dimensions.2.key:DIMENSION_DUPLICATE',
      'dimensions.3.key:DIMENSION_DUPLICATE',
    ]);
  });

  it('accepts anchors on the ends of the scale, for all dimensions or for one', () => {
    expect(
      codes({
        ...valid,
        anchors: [{ score: 1 }, { score: 5 }, { score: 1, dimension: 'b' }],
      }),
    ).toEqual([]);
  });

  it('refuses anchors off the scale, on an unknown dimension, or twice on one score', () => {
    expect(
      codes({
        ...valid,
        anchors: [{ score: 0 }, { score: 6 }, { score: 3, dimension: 'z' }, { score: 2 }, { score: 2 }],
      }),
    ).toEqual([
      'anchors.0.score:ANCHOR_OUT_OF_RANGE',
      'anchors.1.score:ANCHOR_OUT_OF_RANGE',
      'anchors.2.dimension:ANCHOR_UNKNOWN_DIMENSION',
      'anchors.4:ANCHOR_DUPLICATE',
    ]);
  });

  it('does not judge anchors against a scale that is itself invalid', () => {
    expect(codes({ ...valid, scaleMin: 5, scaleMax: 1, anchors: [{ score: 3 }] })).toEqual([
      'scaleMax:SCALE_RANGE',
    ]);
  });
});

describe('canDrawStar', () => {
  it('needs three dimensions', () => {
    expect(canDrawStar({ dimensions: [] })).toBe(false);
    expect(canDrawStar({ dimensions: dims('a', 'b') as never })).toBe(false);
    expect(canDrawStar({ dimensions: dims('a', 'b', 'c') as never })).toBe(true);
  });
});

describe('pickLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-BE', 'nl'],
    ['fr-BE,fr;q=0.9,en;q=0.8,nl;q=0.7', 'en'],
    ['fr', 'nl'],
    ['nl;q=0.5, en;q=0.8', 'en'],
    ['en;q=0, nl', 'nl'],
    ['*', 'nl'],
  ])('reads %p as %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});
