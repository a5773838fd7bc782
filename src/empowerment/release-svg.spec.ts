import { renderRelease, ReleaseInputError, ReleasePoint } from './release-svg';

const pt = (
  date: string,
  score: number,
  perspective: ReleasePoint['perspective'] = 'agreed',
): ReleasePoint => ({
  date,
  takenAt: new Date(`${date}T10:00:00Z`),
  score,
  perspective,
});
const base = { scaleMin: 1, scaleMax: 10, threshold: 8, lang: 'nl' as const };

describe('renderRelease', () => {
  it('draws a point per measurement, a line per perspective and the threshold', () => {
    const svg = renderRelease({
      ...base,
      points: [pt('2026-01-05', 3), pt('2026-04-05', 6), pt('2026-04-05', 5, 'coach'), pt('2026-07-05', 8)],
    });
    expect(svg.match(/class="point"/g)).toHaveLength(4);
    expect(svg).toContain('data-perspective="agreed"');
    expect(svg).toContain('data-perspective="coach"');
    expect(svg).not.toContain('data-perspective="participant"');
    expect(svg).toMatch(/<line class="threshold" data-value="8"/);
    expect(svg).toContain('Vanaf 8 kan de begeleiding losgelaten worden');
    // Higher scores sit higher: the 8 of July above the 3 of January.
    const cy = (date: string) =>
      Number(new RegExp(`data-date="${date}" data-score="\\d+" cx="[\\d.]+" cy="([\\d.]+)"`).exec(svg)![1]);
    expect(cy('2026-07-05')).toBeLessThan(cy('2026-01-05'));
  });

  it('speaks English when asked', () => {
    const svg = renderRelease({ ...base, lang: 'en', points: [pt('2026-01-05', 3)] });
    expect(svg).toContain('From 8 guidance can be let go');
    expect(svg).toContain('xml:lang="en"');
  });

  it('escapes the title and every text: no markup gets through', () => {
    const svg = renderRelease({
      ...base,
      title: '<script>alert(1)</script>&"\'',
      points: [pt('2026-01-05', 3)],
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos;');
  });

  it('refuses nothing to draw, a score off the scale and a threshold off the scale', () => {
    expect(() => renderRelease({ ...base, points: [] })).toThrow(ReleaseInputError);
    expect(() => renderRelease({ ...base, points: [pt('2026-01-05', 11)] })).toThrow(ReleaseInputError);
    expect(() => renderRelease({ ...base, threshold: 12, points: [pt('2026-01-05', 3)] })).toThrow(
      ReleaseInputError,
    );
  });
});
