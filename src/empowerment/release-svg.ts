import { DomainError } from '../common/errors/domain-error';
import { Language } from './instrument';
import { Perspective } from './perspective';
import { escapeXml, ringValues, SERIES_STYLES, wrap } from './star-svg';

export interface ReleasePoint {
  /** The measurement's date in Brussels, YYYY-MM-DD: the x axis and the point's label. */
  date: string;
  takenAt: Date;
  score: number;
  perspective: Perspective;
}

export interface ReleaseOptions {
  scaleMin: number;
  scaleMax: number;
  /** The score from which guidance can be let go: a line across the chart. */
  threshold: number;
  points: readonly ReleasePoint[];
  lang: Language;
  title?: string;
}

/** A 400 as it stands: a request for a release chart that cannot be drawn. */
export class ReleaseInputError extends DomainError {
  constructor(message: string) {
    super(400, 'RELEASE_NOT_DRAWABLE', message);
  }
}

export const RELEASE_GEOMETRY = { width: 800, left: 70, right: 40, top: 70, plot: 320 } as const;

const TEXT = {
  nl: {
    title: 'Loslaatschaal',
    threshold: (t: number) => `Vanaf ${t} kan de begeleiding losgelaten worden`,
    perspective: { agreed: 'samen', participant: 'deelnemer', coach: 'coach' },
    scale: 'schaal',
    of: 'tot',
  },
  en: {
    title: 'Release scale',
    threshold: (t: number) => `From ${t} guidance can be let go`,
    perspective: { agreed: 'agreed', participant: 'participant', coach: 'coach' },
    scale: 'scale',
    of: 'to',
  },
} as const;

const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
/** The agreed reading solid in the first colour; the participant's and the coach's dashed beside it. */
const ORDER: readonly Perspective[] = ['agreed', 'participant', 'coach'];
const STYLE: Record<Perspective, (typeof SERIES_STYLES)[number]> = {
  agreed: SERIES_STYLES[0],
  participant: SERIES_STYLES[2],
  coach: SERIES_STYLES[1],
};

const num = (n: number) => String(Number(n.toFixed(2)));

function check(o: ReleaseOptions): void {
  if (!(Number.isFinite(o.scaleMin) && Number.isFinite(o.scaleMax) && o.scaleMin < o.scaleMax)) {
    throw new ReleaseInputError(`The scale ${o.scaleMin}–${o.scaleMax} is not a range.`);
  }
  if (!Number.isFinite(o.threshold) || o.threshold < o.scaleMin || o.threshold > o.scaleMax) {
    throw new ReleaseInputError(`The threshold ${o.threshold} lies outside the scale.`);
  }
  if (!o.points.length) throw new ReleaseInputError('There is no measurement to draw.');
  for (const p of o.points) {
    if (!Number.isFinite(p.score) || p.score < o.scaleMin || p.score > o.scaleMax) {
      throw new ReleaseInputError(`The score on ${p.date} lies outside the scale.`);
    }
  }
}

/**
 * The release scale over time as one self-contained SVG document (no scripts, fonts or images):
 * a line per perspective through the measurements, time on the x axis in proportion, and the
 * threshold from which guidance can be let go. Every text is escaped.
 */
export function renderRelease(options: ReleaseOptions): string {
  const o: ReleaseOptions = { ...options, lang: options.lang === 'en' ? 'en' : 'nl' };
  check(o);
  const t = TEXT[o.lang];
  const { width, left, right, top, plot } = RELEASE_GEOMETRY;
  const plotWidth = width - left - right;
  const times = o.points.map((p) => p.takenAt.getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (at: Date) =>
    last === first
      ? left + plotWidth / 2
      : left + 20 + ((at.getTime() - first) / (last - first)) * (plotWidth - 40);
  const y = (score: number) => top + plot - ((score - o.scaleMin) / (o.scaleMax - o.scaleMin)) * plot;
  const perspectives = ORDER.filter((p) => o.points.some((q) => q.perspective === p));
  const legendTop = top + plot + 70;
  const height = legendTop + (perspectives.length + 1) * 24 + 12;
  const title = o.title ?? t.title;
  const dates = [...new Map(o.points.map((p) => [p.date, p.takenAt])).entries()];

  const grid = ringValues(o.scaleMin, o.scaleMax).map(
    (v) =>
      `<line class="gridline" data-value="${v}" x1="${left}" y1="${num(y(v))}" x2="${width - right}" y2="${num(y(v))}"/>` +
      `<text x="${left - 10}" y="${num(y(v) + 4)}" text-anchor="end" stroke="none" fill="#666666" font-size="11">${v}</text>`,
  );
  const ticks = dates.map(
    ([date, at]) =>
      `<text class="date" x="${num(x(at))}" y="${top + plot + 22}" text-anchor="middle" font-size="11" fill="#444444">${escapeXml(date)}</text>`,
  );
  const series = perspectives.map((p) => {
    const style = STYLE[p];
    const pts = o.points
      .filter((q) => q.perspective === p)
      .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    const path = pts.map((q) => `${num(x(q.takenAt))},${num(y(q.score))}`).join(' ');
    return [
      `<g class="series" data-perspective="${p}">`,
      `<polyline points="${path}" fill="none" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
      ...pts.map(
        (q) =>
          `<circle class="point" data-date="${escapeXml(q.date)}" data-score="${num(q.score)}" cx="${num(x(q.takenAt))}" cy="${num(y(q.score))}" r="5" fill="${style.colour}" stroke="#ffffff" stroke-width="1"/>`,
      ),
      '</g>',
    ].join('\n');
  });
  const threshold = t.threshold(o.threshold);
  const legend = [
    `<g class="legend" font-size="13" fill="#222222">`,
    `<g class="legend-item" data-threshold="${o.threshold}"><line x1="${left}" y1="${legendTop}" x2="${left + 48}" y2="${legendTop}" stroke="#2e7d32" stroke-width="2" stroke-dasharray="6 4"/><text x="${left + 60}" y="${legendTop + 4.5}">${escapeXml(threshold)}</text></g>`,
    ...perspectives.map((p, i) => {
      const style = STYLE[p];
      const ly = legendTop + (i + 1) * 24;
      return `<g class="legend-item" data-perspective="${p}"><line x1="${left}" y1="${ly}" x2="${left + 48}" y2="${ly}" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/><text x="${left + 60}" y="${ly + 4.5}">${escapeXml(t.perspective[p])}</text></g>`;
    }),
    '</g>',
  ];
  const desc = [
    `${t.scale} ${o.scaleMin} ${t.of} ${o.scaleMax}. ${threshold}.`,
    ...perspectives.map(
      (p) =>
        `${t.perspective[p]}: ${o.points
          .filter((q) => q.perspective === p)
          .map((q) => `${q.date} ${num(q.score)}`)
          .join(', ')}.`,
    ),
  ].join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="release-title release-desc" xml:lang="${o.lang}" font-family="${FONT}">`,
    `<title id="release-title">${escapeXml(title)}</title>`,
    `<desc id="release-desc">${escapeXml(desc)}</desc>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="chart-title" x="${width / 2}" y="34" text-anchor="middle" font-size="20" font-weight="bold" fill="#222222">${escapeXml(wrap(title, 60, 1)[0] ?? '')}</text>`,
    `<g class="grid" stroke="#d0d0d0" stroke-width="1">`,
    ...grid,
    '</g>',
    `<line class="threshold" data-value="${o.threshold}" x1="${left}" y1="${num(y(o.threshold))}" x2="${width - right}" y2="${num(y(o.threshold))}" stroke="#2e7d32" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<g class="dates">`,
    ...ticks,
    '</g>',
    ...series,
    ...legend,
    '</svg>',
  ].join('\n');
}
