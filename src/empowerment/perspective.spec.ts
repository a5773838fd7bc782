import { countedReadings, momentOf, PerspectiveReading, withOtherPerspectives } from './perspective';

type R = PerspectiveReading & { id: string };
const r = (id: string, kind: R['kind'], at: string, perspective: R['perspective']): R => ({
  id,
  kind,
  takenAt: new Date(at),
  perspective,
});

describe('momentOf', () => {
  it('puts every baseline on one moment, whatever its date', () => {
    expect(momentOf(r('a', 'baseline', '2026-01-05T09:00:00Z', 'coach'))).toBe(
      momentOf(r('b', 'baseline', '2026-01-09T09:00:00Z', 'participant')),
    );
  });

  it('puts a review on its day in Brussels: 23:30 UTC on 31 March is 1 April', () => {
    expect(momentOf(r('a', 'review', '2026-03-31T23:30:00Z', 'coach'))).toBe('review|2026-04-01');
    expect(momentOf(r('a', 'review', '2026-04-01T08:00:00Z', 'coach'))).toBe('review|2026-04-01');
  });
});

describe('countedReadings: the readings progress counts', () => {
  it('takes the agreed reading of a moment over the participant and the coach', () => {
    const list = [
      r('c', 'baseline', '2026-01-05T09:00:00Z', 'coach'),
      r('p', 'baseline', '2026-01-05T09:10:00Z', 'participant'),
      r('g', 'baseline', '2026-01-05T09:20:00Z', 'agreed'),
    ];
    expect(countedReadings(list).map((x) => x.id)).toEqual(['g']);
  });

  it("takes the participant's reading where none was agreed", () => {
    const list = [
      r('c', 'review', '2026-04-05T09:00:00Z', 'coach'),
      r('p', 'review', '2026-04-05T15:00:00Z', 'participant'),
    ];
    expect(countedReadings(list).map((x) => x.id)).toEqual(['p']);
  });

  it("never counts the coach's reading alone: such a moment drops out", () => {
    const list = [
      r('b', 'baseline', '2026-01-05T09:00:00Z', 'agreed'),
      r('c1', 'review', '2026-04-05T09:00:00Z', 'coach'),
      r('c2', 'exit', '2026-07-05T09:00:00Z', 'coach'),
    ];
    expect(countedReadings(list).map((x) => x.id)).toEqual(['b']);
    expect(countedReadings([r('c', 'baseline', '2026-01-05T09:00:00Z', 'coach')])).toEqual([]);
  });

  it('keeps one reading per moment and the order of the input', () => {
    const list = [
      r('b', 'baseline', '2026-01-05T09:00:00Z', 'participant'),
      r('r1', 'review', '2026-04-05T09:00:00Z', 'agreed'),
      r('r1p', 'review', '2026-04-05T10:00:00Z', 'participant'),
      r('r2', 'review', '2026-04-06T09:00:00Z', 'participant'),
    ];
    expect(countedReadings(list).map((x) => x.id)).toEqual(['b', 'r1', 'r2']);
  });
});

describe('withOtherPerspectives: what the star draws', () => {
  const history = [
    r('bc', 'baseline', '2026-01-05T09:00:00Z', 'coach'),
    r('bp', 'baseline', '2026-01-05T09:10:00Z', 'participant'),
    r('rg', 'review', '2026-04-05T09:00:00Z', 'agreed'),
    r('rc', 'review', '2026-04-05T09:10:00Z', 'coach'),
    r('rp', 'review', '2026-04-05T09:20:00Z', 'participant'),
  ];

  it("draws the participant's and the coach's readings of a picked moment together", () => {
    expect(withOtherPerspectives([history[0]], history, 4).map((x) => x.id)).toEqual(['bc', 'bp']);
  });

  it('adds the agreed reading while there is room for it', () => {
    expect(withOtherPerspectives([history[2]], history, 4).map((x) => x.id)).toEqual(['rc', 'rp', 'rg']);
  });

  it('leaves out the agreed reading of a two-voice moment when the star would hold more than four', () => {
    expect(withOtherPerspectives([history[0], history[2]], history, 4).map((x) => x.id)).toEqual([
      'bc',
      'bp',
      'rc',
      'rp',
    ]);
  });

  it('draws a moment with one reading as that one reading', () => {
    const one = [r('a', 'baseline', '2026-01-05T09:00:00Z', 'agreed')];
    expect(withOtherPerspectives(one, one, 4)).toEqual(one);
  });
});
