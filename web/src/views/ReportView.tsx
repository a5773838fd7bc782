import type { JSX } from 'preact';
import { useI18n } from '../i18n';

/**
 * Renders a report body as headed tables with labels (i18n.ts), never as raw keys: numbers right-aligned,
 * shares as percentages, a `definition` as the paragraph that explains the table, lists as tables.
 */
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
const isObject = (v: Json): v is { [k: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v);
const TEXT_KEYS = new Set(['definition', 'mapping', 'source']);
/** Numbers that name something (a year, a quarter) rather than count it: no thousands separator. */
const NAMING_KEYS = /^(year|quarter)$/;
/** A small set of counts (female, male, nonbinary, total) reads best on one line; larger ones get a table. */
const compact = (v: { [k: string]: Json }) =>
  Object.keys(v).length <= 4 && Object.values(v).every((x) => typeof x === 'number' || x === null);

function scalar(v: Json, key: string, l: (v: string) => string): string {
  if (v === null) return '–';
  if (typeof v === 'number' && NAMING_KEYS.test(key)) return String(v);
  if (typeof v === 'number')
    return /share|rate|min$|max$/i.test(key) && v <= 1
      ? `${(v * 100).toFixed(1)} %`
      : v.toLocaleString('nl-BE');
  if (typeof v === 'boolean') return v ? '✓' : '–';
  if (typeof v === 'string') return /^[a-z_]+$/.test(v) ? l(v) : v;
  if (isObject(v) && Object.values(v).every((x) => typeof x === 'number' || x === null))
    return Object.entries(v)
      .map(([k, x]) => `${l(k)} ${scalar(x, k, l)}`)
      .join(' · ');
  return JSON.stringify(v);
}

function Table({ rows, l }: { rows: { [k: string]: Json }[]; l: (v: string) => string }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => !TEXT_KEYS.has(c));
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={columns.map(l).join(', ')}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {l(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} class={typeof r[c] === 'number' ? 'num' : ''}>
                  {scalar(r[c] ?? null, c, l)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ name, value, depth }: { name: string; value: Json; depth: number }) {
  const { l } = useI18n();
  const Heading = (depth <= 0 ? 'h2' : depth === 1 ? 'h3' : 'h4') as keyof JSX.IntrinsicElements;
  if (Array.isArray(value)) {
    const rows = value.filter(isObject);
    return (
      <section>
        <Heading>{l(name)}</Heading>
        {rows.length ? <Table rows={rows} l={l} /> : <p>–</p>}
      </section>
    );
  }
  if (!isObject(value)) return null;
  const entries = Object.entries(value).filter(([k]) => !TEXT_KEYS.has(k));
  const flat = entries.filter(([, v]) => !Array.isArray(v) && (!isObject(v) || compact(v)));
  const nested = entries.filter(([k]) => !flat.some(([f]) => f === k));
  const definition = typeof value.definition === 'string' ? value.definition : null;
  return (
    <section>
      <Heading>{l(name)}</Heading>
      {definition && <p class="definition">{definition}</p>}
      {flat.length > 0 && (
        <table>
          <tbody>
            {flat.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{l(k)}</th>
                <td class={typeof v === 'number' ? 'num' : ''}>{scalar(v, k, l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nested.map(([k, v]) => (
        <Section key={k} name={k} value={v} depth={depth + 1} />
      ))}
    </section>
  );
}

export function ReportView({ title, report }: { title: string; report: Record<string, unknown> }) {
  return (
    <div class="report" data-testid="report">
      <Section name={title} value={report as Json} depth={0} />
    </div>
  );
}
