import { DomainError } from '../common/errors/domain-error';
import { InstrumentAnchor, InstrumentDimension, Language, LocalisedText } from './instrument';
import { Scores } from './scores';

export interface StarSeries {
  /** Shown in the legend, e.g. the date the assessment was taken ("2026-01-15"). */
  label: string;
  /** A score per dimension key; means (non-integers) are fine, e.g. for a team's star. */
  scores: Scores;
}

export interface StarOptions {
  dimensions: readonly InstrumentDimension[];
  scaleMin: number;
  scaleMax: number;
  /** Oldest first. The last series is drawn solid; earlier ones dashed, dotted, dash-dotted. */
  series: readonly StarSeries[];
  lang: Language;
  /** Defaults to a generic "star diagram" in the chosen language. */
  title?: string;
  /** What a score means (the instrument's anchors): listed per dimension under the legend. */
  anchors?: readonly InstrumentAnchor[];
}

/** A 400 as it stands: what reaches it is a request for a star that cannot be drawn (e.g. one axis). */
export class StarInputError extends DomainError {
  constructor(message: string) {
    super(400, 'STAR_NOT_DRAWABLE', message);
  }
}

export const STAR_DIMENSIONS = { min: 3, max: 20 } as const;
export const STAR_MAX_SERIES = 4;

/**
 * Geometry, exported for the structural tests. The scale minimum sits on a small inner ring rather
 * than the centre: a polygon of all-minimum scores stays a visible shape (not a dot on top of the
 * axes' crossing), and every score is a distinct distance from the centre.
 */
export const STAR_GEOMETRY = { width: 800, cx: 400, cy: 380, outer: 230, inner: 28, labelGap: 16 } as const;

/**
 * Okabe–Ito colours (safe for colour-blind readers) and a dash pattern and marker shape per series,
 * so the chart still reads when printed in black and white.
 */
export const SERIES_STYLES = [
  { colour: '#0072B2', dash: null, marker: 'circle' },
  { colour: '#D55E00', dash: '9 5', marker: 'square' },
  { colour: '#009E73', dash: '2 4', marker: 'diamond' },
  { colour: '#CC79A7', dash: '12 4 2 4', marker: 'triangle' },
] as const;
type SeriesStyle = (typeof SERIES_STYLES)[number];

const TEXT = {
  nl: {
    title: 'Stervoorstelling',
    scale: 'schaal',
    axes: 'assen',
    of: 'tot',
    anchors: 'Wat betekent een score?',
  },
  en: { title: 'Star diagram', scale: 'scale', axes: 'axes', of: 'to', anchors: 'What does a score mean?' },
} as const;

const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
const LINE = 15;
const LEGEND_ROW = 24;

/** The radius for a score: scaleMin on the inner ring, scaleMax on the outer one. */
export function starRadius(score: number, scaleMin: number, scaleMax: number): number {
  const { inner, outer } = STAR_GEOMETRY;
  return inner + ((score - scaleMin) / (scaleMax - scaleMin)) * (outer - inner);
}

/** Axis i of n, clockwise from twelve o'clock, in radians. */
export const axisAngle = (i: number, n: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;

/** The series style: the last (latest) series is solid, earlier ones take the dashed styles in turn. */
export const seriesStyle = (i: number, n: number): SeriesStyle => SERIES_STYLES[i === n - 1 ? 0 : i + 1];

// Control characters, U+FFFE/U+FFFF and unpaired surrogates: an XML parser refuses the whole file.
/* eslint-disable no-control-regex */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Text and attribute values: XML-escaped, with the characters XML 1.0 forbids removed. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Labels are validated to hold both languages; should one be missing, Dutch is the fallback. */
const inLang = (t: LocalisedText, lang: Language) => t[lang] ?? t.nl ?? '';

const num = (n: number) => String(Number(n.toFixed(2)));
const point = (r: number, angle: number) =>
  `${num(STAR_GEOMETRY.cx + r * Math.cos(angle))},${num(STAR_GEOMETRY.cy + r * Math.sin(angle))}`;

/** Greedy word wrap; a word longer than a line is cut. At most `maxLines`, the last one ending in "…". */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [word];
    for (const piece of pieces) {
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, width - 1)}…`;
  return kept;
}

/** Scale values that get a ring: every value on short scales, a round step (≤ 10 rings) on long ones. */
export function ringValues(min: number, max: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => (max - min) / s <= 10) ?? max - min;
  const values: number[] = [];
  for (let v = min; v < max; v += step) values.push(v);
  values.push(max);
  return values;
}

function check(o: StarOptions): void {
  const n = o.dimensions.length;
  if (n < STAR_DIMENSIONS.min || n > STAR_DIMENSIONS.max) {
    throw new StarInputError(
      `A star needs ${STAR_DIMENSIONS.min} to ${STAR_DIMENSIONS.max} dimensions; this instrument has ${n}.`,
    );
  }
  if (!(Number.isFinite(o.scaleMin) && Number.isFinite(o.scaleMax) && o.scaleMin < o.scaleMax)) {
    throw new StarInputError(`The scale ${o.scaleMin}–${o.scaleMax} is not a range.`);
  }
  if (o.series.length < 1 || o.series.length > STAR_MAX_SERIES) {
    throw new StarInputError(`A star shows 1 to ${STAR_MAX_SERIES} assessments; got ${o.series.length}.`);
  }
  for (const s of o.series) {
    for (const { key } of o.dimensions) {
      const v = s.scores[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < o.scaleMin || v > o.scaleMax) {
        throw new StarInputError(`"${s.label}" has no score from ${o.scaleMin} to ${o.scaleMax} for ${key}.`);
      }
    }
  }
}

function marker(style: SeriesStyle, x: number, y: number): string {
  const attrs = `class="marker" fill="${style.colour}" stroke="#ffffff" stroke-width="1"`;
  switch (style.marker) {
    case 'circle':
      return `<circle ${attrs} cx="${num(x)}" cy="${num(y)}" r="4.5"/>`;
    case 'square':
      return `<rect ${attrs} x="${num(x - 4)}" y="${num(y - 4)}" width="8" height="8"/>`;
    case 'diamond':
      return `<path ${attrs} d="M${num(x)} ${num(y - 5.5)}L${num(x + 5.5)} ${num(y)}L${num(x)} ${num(y + 5.5)}L${num(x - 5.5)} ${num(y)}Z"/>`;
    case 'triangle':
      return `<path ${attrs} d="M${num(x)} ${num(y - 5.5)}L${num(x + 5)} ${num(y + 4)}L${num(x - 5)} ${num(y + 4)}Z"/>`;
  }
}

const dashAttr = (style: SeriesStyle) => (style.dash ? ` stroke-dasharray="${style.dash}"` : '');

function grid(o: StarOptions): string[] {
  const n = o.dimensions.length;
  const { cx, cy, outer } = STAR_GEOMETRY;
  const out: string[] = ['<g class="grid" fill="none" stroke="#b8b8b8" stroke-width="1">'];
  for (const v of ringValues(o.scaleMin, o.scaleMax)) {
    const r = starRadius(v, o.scaleMin, o.scaleMax);
    const pts = o.dimensions.map((_, i) => point(r, axisAngle(i, n))).join(' ');
    out.push(`<polygon class="ring" data-value="${v}" points="${pts}"/>`);
  }
  o.dimensions.forEach((d, i) => {
    const a = axisAngle(i, n);
    out.push(
      `<line class="axis" data-dimension="${escapeXml(d.key)}" x1="${cx}" y1="${cy}" x2="${num(cx + outer * Math.cos(a))}" y2="${num(cy + outer * Math.sin(a))}"/>`,
    );
  });
  // A white halo keeps the numbers legible where a polygon crosses them.
  out.push(
    '</g>',
    `<g class="ring-labels" font-size="10" fill="#666666" stroke="#ffffff" stroke-width="3" paint-order="stroke">`,
  );
  for (const v of ringValues(o.scaleMin, o.scaleMax)) {
    const y = cy - starRadius(v, o.scaleMin, o.scaleMax);
    out.push(`<text x="${cx + 4}" y="${num(y - 2)}">${v}</text>`);
  }
  out.push('</g>');
  return out;
}

function axisLabels(o: StarOptions): string[] {
  const n = o.dimensions.length;
  const { cx, cy, outer, labelGap } = STAR_GEOMETRY;
  const out = [`<g class="axis-labels" fill="#222222">`];
  o.dimensions.forEach((d, i) => {
    const a = axisAngle(i, n);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const x = cx + (outer + labelGap) * cos;
    const y = cy + (outer + labelGap) * sin;
    const anchor = cos > 0.2 ? 'start' : cos < -0.2 ? 'end' : 'middle';
    const lines = [
      ...wrap(inLang(d.label, o.lang), 20, 2).map((t) => ({ t, bold: true })),
      ...(d.description ? wrap(inLang(d.description, o.lang), 22, 2) : []).map((t) => ({ t, bold: false })),
    ];
    // Above the chart the block grows upwards, below it downwards, at the sides it is centred.
    const top =
      sin < -0.5
        ? y - (lines.length - 1) * LINE
        : sin > 0.5
          ? y + 11
          : y + 4 - ((lines.length - 1) * LINE) / 2;
    const tspans = lines
      .map(
        (l, k) =>
          `<tspan x="${num(x)}" y="${num(top + k * LINE)}"${l.bold ? ' font-weight="bold" font-size="13"' : ' font-size="12"'}>${escapeXml(l.t)}</tspan>`,
      )
      .join('');
    out.push(
      `<text class="axis-label" data-dimension="${escapeXml(d.key)}" text-anchor="${anchor}">${tspans}</text>`,
    );
  });
  out.push('</g>');
  return out;
}

/**
 * All fills first, then all outlines and markers: a later series' tint never dulls an earlier
 * outline. The solid (latest) outline goes down first, so dashed ones stay visible where they coincide.
 */
function seriesShapes(o: StarOptions): string[] {
  const n = o.dimensions.length;
  const last = o.series.length - 1;
  const order = [last, ...[...o.series.keys()].slice(0, last)];
  const shapes = order.map((s) => {
    const style = seriesStyle(s, o.series.length);
    const coords = o.dimensions.map((d, i) => {
      const r = starRadius(o.series[s].scores[d.key], o.scaleMin, o.scaleMax);
      const a = axisAngle(i, n);
      return [STAR_GEOMETRY.cx + r * Math.cos(a), STAR_GEOMETRY.cy + r * Math.sin(a)];
    });
    return { s, style, coords, points: coords.map(([x, y]) => `${num(x)},${num(y)}`).join(' ') };
  });
  return [
    '<g class="series-fills" stroke="none" fill-opacity="0.12">',
    ...shapes.map(
      (p) =>
        `<polygon class="series-fill" data-series="${p.s}" points="${p.points}" fill="${p.style.colour}"/>`,
    ),
    '</g>',
    '<g class="series-outlines" fill="none" stroke-width="2.5" stroke-linejoin="round">',
    ...shapes.flatMap((p) => [
      `<polygon class="series" data-series="${p.s}" points="${p.points}" stroke="${p.style.colour}"${dashAttr(p.style)}/>`,
      ...p.coords.map(([x, y]) => marker(p.style, x, y)),
    ]),
    '</g>',
  ];
}

function legend(o: StarOptions, top: number): string[] {
  const out = [`<g class="legend" font-size="13" fill="#222222">`];
  const x = STAR_GEOMETRY.cx - 120;
  o.series.forEach((s, i) => {
    const style = seriesStyle(i, o.series.length);
    const y = top + i * LEGEND_ROW;
    out.push(
      `<g class="legend-item" data-series="${i}">`,
      `<line x1="${x}" y1="${y}" x2="${x + 48}" y2="${y}" stroke="${style.colour}" stroke-width="2.5"${dashAttr(style)}/>`,
      marker(style, x + 24, y),
      `<text x="${x + 60}" y="${y + 4.5}">${escapeXml(wrap(s.label, 48, 1)[0] ?? '')}</text>`,
      '</g>',
    );
  });
  out.push('</g>');
  return out;
}

interface AnchorLine {
  text: string;
  bold: boolean;
  dimension?: string;
}

/**
 * The anchors as lines: per dimension its label, then "score: text" for the anchors of that
 * dimension and those that hold for all, lowest score first. Dimensions without any are left out.
 */
export function anchorLines(o: Pick<StarOptions, 'dimensions' | 'anchors' | 'lang'>): AnchorLine[] {
  const anchors = o.anchors ?? [];
  if (!anchors.length) return [];
  const lines: AnchorLine[] = [{ text: TEXT[o.lang].anchors, bold: true }];
  for (const d of o.dimensions) {
    const own = anchors
      .filter((a) => a.dimension === undefined || a.dimension === d.key)
      .sort((a, b) => a.score - b.score);
    if (!own.length) continue;
    lines.push({ text: inLang(d.label, o.lang), bold: true, dimension: d.key });
    for (const a of own) {
      for (const text of wrap(`${a.score}: ${inLang(a.label, o.lang)}`, 100, 2)) {
        lines.push({ text, bold: false, dimension: d.key });
      }
    }
  }
  return lines;
}

function anchorBlock(lines: readonly AnchorLine[], top: number): string[] {
  if (!lines.length) return [];
  const x = 40;
  return [
    `<g class="anchors" fill="#222222">`,
    ...lines.map(
      (l, i) =>
        `<text class="anchor"${l.dimension ? ` data-dimension="${escapeXml(l.dimension)}"` : ''} x="${x}" y="${top + i * LINE}"${l.bold ? ' font-weight="bold" font-size="12"' : ' font-size="11"'}>${escapeXml(l.text)}</text>`,
    ),
    '</g>',
  ];
}

/** A plain-text reading of the chart for screen readers: the scale, then every score of every series. */
function description(o: StarOptions): string {
  const t = TEXT[o.lang];
  const head = `${o.dimensions.length} ${t.axes}, ${t.scale} ${o.scaleMin} ${t.of} ${o.scaleMax}.`;
  const rows = o.series.map(
    (s) =>
      `${s.label}: ${o.dimensions.map((d) => `${inLang(d.label, o.lang)} ${num(s.scores[d.key])}`).join(', ')}.`,
  );
  return [head, ...rows].join(' ');
}

/**
 * Renders a star (radar) diagram as one self-contained SVG document: no scripts, no external
 * fonts or images, so it can be saved, printed or handed to a participant as it is. Throws
 * StarInputError for fewer than 3 or more than 20 dimensions, 0 or more than 4 series, or a
 * missing or out-of-scale score.
 */
export function renderStar(options: StarOptions): string {
  const o: StarOptions = { ...options, lang: options.lang === 'en' ? 'en' : 'nl' };
  check(o);
  const { width, cy, outer } = STAR_GEOMETRY;
  const legendTop = cy + outer + 80;
  const anchors = anchorLines(o);
  const anchorsTop = legendTop + o.series.length * LEGEND_ROW + 20;
  const height = anchors.length
    ? anchorsTop + anchors.length * LINE + 12
    : legendTop + o.series.length * LEGEND_ROW + 12;
  const title = o.title ?? TEXT[o.lang].title;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="star-title star-desc" xml:lang="${o.lang}" font-family="${FONT}">`,
    `<title id="star-title">${escapeXml(title)}</title>`,
    `<desc id="star-desc">${escapeXml(description(o))}</desc>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="chart-title" x="${width / 2}" y="34" text-anchor="middle" font-size="20" font-weight="bold" fill="#222222">${escapeXml(title)}</text>`,
    ...grid(o),
    ...axisLabels(o),
    ...seriesShapes(o),
    ...legend(o, legendTop),
    ...anchorBlock(anchors, anchorsTop),
    '</svg>',
  ].join('\n');
}
