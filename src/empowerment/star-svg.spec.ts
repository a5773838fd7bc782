import { findAll, hasClass, parseXml, pointsOf, textOf, XmlElement } from '../../test/support/mini-xml';
import { allScores, empowerment, instrumentWith } from '../../test/support/instruments';
import {
  anchorLines,
  axisAngle,
  escapeXml,
  renderStar,
  ringValues,
  STAR_GEOMETRY,
  StarInputError,
  StarOptions,
  starRadius,
  wrap,
} from './star-svg';

const { cx, cy, inner, outer } = STAR_GEOMETRY;
const TOLERANCE = 0.01; // coordinates are written with two decimals

const twoDates = (spec = empowerment): StarOptions => ({
  dimensions: spec.dimensions,
  scaleMin: spec.scaleMin,
  scaleMax: spec.scaleMax,
  lang: 'nl',
  series: [
    { label: '2026-01-15', scores: allScores(spec, (i) => spec.scaleMin + (i % 3)) },
    { label: '2026-04-15', scores: allScores(spec, (i) => spec.scaleMax - (i % 2)) },
  ],
});

const render = (o: StarOptions) => parseXml(renderStar(o));
const seriesPolygons = (svg: XmlElement) =>
  findAll(svg, hasClass('series')).sort(
    (a, b) => Number(a.attrs['data-series']) - Number(b.attrs['data-series']),
  );

/** Every vertex k of the polygon lies on axis k at the radius its score asks for. */
function expectOnAxes(polygon: XmlElement, o: StarOptions, scores: Record<string, number>): void {
  const pts = pointsOf(polygon);
  const n = o.dimensions.length;
  expect(pts).toHaveLength(n);
  pts.forEach(([x, y], k) => {
    const r = starRadius(scores[o.dimensions[k].key], o.scaleMin, o.scaleMax);
    expect(Math.abs(Math.hypot(x - cx, y - cy) - r)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(x - (cx + r * Math.cos(axisAngle(k, n))))).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(y - (cy + r * Math.sin(axisAngle(k, n))))).toBeLessThanOrEqual(TOLERANCE);
  });
}

describe('renderStar', () => {
  it('is one well-formed, self-contained SVG document with a title and a description', () => {
    const text = renderStar({ ...twoDates(), title: 'Empowerment (Vrijbaan)' });
    const svg = parseXml(text);
    expect(svg.name).toBe('svg');
    expect(svg.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-labelledby': 'star-title star-desc',
      'xml:lang': 'nl',
      width: '800',
    });
    expect(svg.attrs.viewBox).toBe(`0 0 800 ${svg.attrs.height}`);
    expect(svg.children[0]).toMatchObject({
      name: 'title',
      text: 'Empowerment (Vrijbaan)',
      attrs: { id: 'star-title' },
    });
    expect(svg.children[1]).toMatchObject({ name: 'desc', attrs: { id: 'star-desc' } });
    expect(text).not.toMatch(/<script|<image|<foreignObject|href=|url\(|@import/i);
  });

  it.each([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('draws %i axes, labels and correctly placed polygons', (n) => {
    const spec = instrumentWith(n);
    const o = twoDates(spec);
    const svg = render(o);
    const axes = findAll(svg, hasClass('axis'));
    expect(axes).toHaveLength(n);
    axes.forEach((axis, k) => {
      expect(axis.attrs['data-dimension']).toBe(`d${k}`);
      expect(Number(axis.attrs.x1)).toBe(cx);
      expect(Number(axis.attrs.y1)).toBe(cy);
      const [x2, y2] = [Number(axis.attrs.x2), Number(axis.attrs.y2)];
      expect(Math.abs(Math.hypot(x2 - cx, y2 - cy) - outer)).toBeLessThanOrEqual(TOLERANCE);
      expect(
        Math.abs(
          Math.atan2(y2 - cy, x2 - cx) - Math.atan2(Math.sin(axisAngle(k, n)), Math.cos(axisAngle(k, n))),
        ),
      ).toBeLessThan(1e-3);
    });
    expect(findAll(svg, hasClass('axis-label')).map((l) => l.attrs['data-dimension'])).toEqual(
      spec.dimensions.map((d) => d.key),
    );
    const polygons = seriesPolygons(svg);
    expect(polygons).toHaveLength(2);
    expectOnAxes(polygons[0], o, o.series[0].scores);
    expectOnAxes(polygons[1], o, o.series[1].scores);
  });

  it('draws a ring for every scale value, from the inner ring at the minimum to the outer one at the maximum', () => {
    const svg = render(twoDates());
    const rings = findAll(svg, hasClass('ring'));
    expect(rings.map((r) => r.attrs['data-value'])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    const radius = (ring: XmlElement) => pointsOf(ring).map(([x, y]) => Math.hypot(x - cx, y - cy));
    for (const r of radius(rings[0])) expect(r).toBeCloseTo(inner, 1);
    for (const r of radius(rings[9])) expect(r).toBeCloseTo(outer, 1);
    const ringLabels = findAll(svg, (e) => e.name === 'g' && hasClass('ring-labels')(e))[0];
    expect(ringLabels.children.map(textOf)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('keeps the minimum on a small inner ring, not on the centre', () => {
    expect(starRadius(1, 1, 10)).toBe(inner);
    expect(inner).toBeGreaterThan(0);
    expect(starRadius(10, 1, 10)).toBe(outer);
    expect(starRadius(5.5, 1, 10)).toBe((inner + outer) / 2);
  });

  it('draws all-minimum and all-maximum scores on the inner and outer rings', () => {
    const o = twoDates();
    const lowest = allScores(empowerment, 1);
    const highest = allScores(empowerment, 10);
    const svg = render({
      ...o,
      series: [
        { label: 'min', scores: lowest },
        { label: 'max', scores: highest },
      ],
    });
    const [min, max] = seriesPolygons(svg);
    expectOnAxes(min, o, lowest);
    expectOnAxes(max, o, highest);
    const outerRing = findAll(svg, (e) => hasClass('ring')(e) && e.attrs['data-value'] === '10')[0];
    expect(max.attrs.points).toBe(outerRing.attrs.points);
  });

  it('draws identical assessments as two polygons that stay apart by style', () => {
    const same = allScores(empowerment, 6);
    const svg = render({
      ...twoDates(),
      series: [
        { label: 'a', scores: same },
        { label: 'b', scores: same },
      ],
    });
    const [a, b] = seriesPolygons(svg);
    expect(a.attrs.points).toBe(b.attrs.points);
    expect(a.attrs['stroke-dasharray']).not.toBe(b.attrs['stroke-dasharray']);
    expect(a.attrs.stroke).not.toBe(b.attrs.stroke);
    // The dashed one is drawn over the solid one, so it stays visible.
    const order = findAll(svg, hasClass('series')).map((p) => p.attrs['data-series']);
    expect(order).toEqual(['1', '0']);
  });

  it('lays every tinted fill under every outline, so no outline is dulled by a later fill', () => {
    const svg = render(twoDates());
    const drawn = findAll(svg, (e) => hasClass('series')(e) || hasClass('series-fill')(e)).map(
      (e) => e.attrs.class,
    );
    expect(drawn).toEqual(['series-fill', 'series-fill', 'series', 'series']);
    for (const fill of findAll(svg, hasClass('series-fill'))) {
      const outline = seriesPolygons(svg)[Number(fill.attrs['data-series'])];
      expect(fill.attrs.points).toBe(outline.attrs.points);
      expect(fill.attrs.fill).toBe(outline.attrs.stroke);
    }
  });

  it('places a mean (non-integer) score, e.g. for a team star, at its exact radius', () => {
    const o = twoDates();
    const means = allScores(empowerment, (i) => 1.25 + i * 1.5);
    expectOnAxes(seriesPolygons(render({ ...o, series: [{ label: 'team', scores: means }] }))[0], o, means);
  });

  it('gives each series its own colour and dash pattern, the latest solid, with a legend of the dates', () => {
    const o = twoDates();
    const svg = render({
      ...o,
      series: [...o.series, { label: '2026-07-15', scores: allScores(empowerment, 5) }],
    });
    const polygons = seriesPolygons(svg);
    const dashes = polygons.map((p) => p.attrs['stroke-dasharray'] ?? 'solid');
    expect(new Set(dashes).size).toBe(3);
    expect(dashes[2]).toBe('solid');
    expect(new Set(polygons.map((p) => p.attrs.stroke)).size).toBe(3);
    const items = findAll(svg, hasClass('legend-item'));
    expect(items.map((i) => textOf(i).trim())).toEqual(['2026-01-15', '2026-04-15', '2026-07-15']);
    items.forEach((item, i) => {
      const sample = item.children.find((c) => c.name === 'line')!;
      expect(sample.attrs.stroke).toBe(polygons[i].attrs.stroke);
      expect(sample.attrs['stroke-dasharray'] ?? 'solid').toBe(dashes[i]);
    });
  });

  it('writes labels and descriptions in the chosen language', () => {
    const labels = (lang: 'nl' | 'en') =>
      findAll(render({ ...twoDates(), lang }), hasClass('axis-label'))
        .map((l) => l.children.map(textOf).join(' '))
        .join(' | ');
    expect(labels('nl')).toContain('Groepsoriëntatie');
    expect(labels('nl')).toContain('Weten wat je kunt');
    expect(labels('en')).toContain('Group orientation');
    expect(labels('en')).toContain('Knowing what you can do');
    expect(labels('en')).not.toContain('Groepsoriëntatie');
    expect(textOf(render({ ...twoDates(), lang: 'en' }).children[0])).toBe('Star diagram');
  });

  it('reads out every score in the description, for screen readers', () => {
    const desc = render(twoDates()).children[1].text;
    expect(desc).toMatch(/^6 assen, schaal 1 tot 10\./);
    expect(desc).toContain('2026-01-15: Competentie 1, Zelfbeschikking 2, Impact 3,');
    expect(desc).toContain('2026-04-15: Competentie 10, Zelfbeschikking 9,');
  });

  it('escapes labels, so markup in a name stays text', () => {
    const hostile = `<script>alert("x")</script> & 'co'\u0007`;
    const dims = empowerment.dimensions.map((d, i) =>
      i ? d : { ...d, label: { nl: hostile, en: hostile } },
    );
    const text = renderStar({
      ...twoDates(),
      dimensions: dims,
      title: hostile,
      series: [{ label: hostile, scores: allScores(empowerment, 3) }],
    });
    expect(text).not.toContain('<script');
    const svg = parseXml(text);
    expect(findAll(svg, (e) => e.name === 'script')).toHaveLength(0);
    expect(svg.children[0].text).toBe(`<script>alert("x")</script> & 'co'`);
    expect(textOf(findAll(svg, hasClass('legend-item'))[0]).trim()).toBe(
      `<script>alert("x")</script> & 'co'`,
    );
  });

  it.each([
    ['two dimensions', { dimensions: empowerment.dimensions.slice(0, 2) }],
    ['21 dimensions', { dimensions: instrumentWith(21).dimensions }],
    ['no series', { series: [] }],
    ['five series', { series: Array(5).fill({ label: 'x', scores: allScores(empowerment, 5) }) }],
    ['a missing score', { series: [{ label: 'x', scores: { competentie: 5 } }] }],
    ['a score above the scale', { series: [{ label: 'x', scores: allScores(empowerment, 11) }] }],
    ['a NaN score', { series: [{ label: 'x', scores: allScores(empowerment, NaN) }] }],
    ['an empty scale', { scaleMin: 5, scaleMax: 5 }],
  ])('refuses %s with a StarInputError', (_, patch) => {
    expect(() => renderStar({ ...twoDates(), ...patch } as StarOptions)).toThrow(StarInputError);
  });
});

describe('renderStar errors', () => {
  it('answers as a 400 STAR_NOT_DRAWABLE problem, e.g. for the one-axis release scale', () => {
    const release = instrumentWith(1);
    expect(() => renderStar({ ...twoDates(release) })).toThrow(
      expect.objectContaining({ status: 400, code: 'STAR_NOT_DRAWABLE' }),
    );
  });

  it('falls back to Dutch for a language it does not know, and shortens a long legend label', () => {
    const svg = render({
      ...twoDates(),
      lang: 'fr' as 'nl',
      series: [{ label: 'x'.repeat(80), scores: allScores(empowerment, 5) }],
    });
    expect(svg.attrs['xml:lang']).toBe('nl');
    expect(svg.children[0].text).toBe('Stervoorstelling');
    expect(textOf(findAll(svg, hasClass('legend-item'))[0]).trim()).toBe(`${'x'.repeat(47)}…`);
  });
});

describe('ringValues', () => {
  it('rings every value on short scales and a round step on long ones', () => {
    expect(ringValues(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(ringValues(0, 100)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(ringValues(1, 20)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 20]);
    expect(ringValues(-3, 3)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });
});

describe('wrap', () => {
  it('wraps on words, cuts an overlong word, and ends a cut-off text with an ellipsis', () => {
    expect(wrap('Je staat er niet alleen voor', 22, 2)).toEqual(['Je staat er niet', 'alleen voor']);
    expect(wrap('Arbeidsmarktgerichtheid', 10, 3)).toEqual(['Arbeidsmar', 'ktgerichth', 'eid']);
    expect(wrap('een twee drie vier vijf zes', 9, 2)).toEqual(['een twee', 'drie vie…']);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`a<b>&"'\u0000\u001f\uffff\ud800z`)).toBe('a&lt;b&gt;&amp;&quot;&apos;z');
    expect(escapeXml('😀 Groepsoriëntatie')).toBe('😀 Groepsoriëntatie');
  });
});

describe('the XML reader these tests rely on', () => {
  it.each([
    ['an unclosed element', '<svg><g></svg>'],
    ['a bare ampersand', '<svg><text>a & b</text></svg>'],
    ['a raw "<" in an attribute', '<svg a="<"/>'],
    ['a duplicate attribute', '<svg a="1" a="2"/>'],
    ['an unknown entity', '<svg><text>&nbsp;</text></svg>'],
    ['two roots', '<svg/><svg/>'],
  ])('refuses %s, as a browser would', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

describe('the anchors under the legend', () => {
  const anchors = [
    { score: 10, dimension: empowerment.dimensions[0].key, label: { nl: 'Hoog <b>&</b>', en: 'High' } },
    { score: 1, dimension: empowerment.dimensions[0].key, label: { nl: 'Laag', en: 'Low' } },
    { score: 5, label: { nl: 'Midden voor allen', en: 'Middle for all' } },
  ];

  it('lists per dimension its own and the general anchors, lowest score first, in the reader’s language', () => {
    const lines = anchorLines({ dimensions: empowerment.dimensions, anchors, lang: 'nl' });
    expect(lines[0]).toEqual({ text: 'Wat betekent een score?', bold: true });
    expect(lines.slice(1, 5).map((l) => l.text)).toEqual([
      empowerment.dimensions[0].label.nl,
      '1: Laag',
      '5: Midden voor allen',
      '10: Hoog <b>&</b>',
    ]);
    expect(anchorLines({ dimensions: empowerment.dimensions, anchors, lang: 'en' })[2].text).toBe('1: Low');
  });

  it('draws them escaped below the legend and grows the picture; without anchors nothing changes', () => {
    const plain = renderStar(twoDates());
    const svg = renderStar({ ...twoDates(), anchors });
    expect(svg).toContain('10: Hoog &lt;b&gt;&amp;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    const height = (s: string) => Number(/height="(\d+)"/.exec(s)![1]);
    expect(height(svg)).toBeGreaterThan(height(plain));
    expect(findAll(parseXml(plain), hasClass('anchor'))).toEqual([]);
    expect(findAll(parseXml(svg), hasClass('anchor')).length).toBeGreaterThan(4);
  });
});
