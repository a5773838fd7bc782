/**
 * Comparing a submission with today's figures, generically: both reports are flattened to their
 * numeric figures, so a field that a later version of a report adds (or drops) shows up as a line
 * with one side null instead of breaking the comparison.
 */
export type Cell = string | number | boolean | null;
export interface StoredFacts {
  header: string[];
  rows: Cell[][];
}

export interface Line {
  indicator: string;
  cell?: string;
  submitted: number | null;
  current: number | null;
  delta: number | null;
}

const ARRAY_KEYS = ['code', 'staffId', 'organisationId', 'key', 'id'];

/**
 * The numeric figures of a report as [indicator, cell] → value. Items of a list are keyed by
 * their code (or another id field) rather than by position; an ESF indicator's `value.female`
 * becomes cell `female` of that indicator, its `unknown.female` cell `unknown.female`.
 */
export function flattenFigures(
  report: unknown,
): Map<string, { indicator: string; cell?: string; value: number | null }> {
  const out = new Map<string, { indicator: string; cell?: string; value: number | null }>();
  const walk = (v: unknown, path: string[], code: string | null) => {
    if (typeof v === 'number' || v === null) {
      if (path.length === 0) return;
      let indicator: string;
      let cell: string | undefined;
      if (code !== null) {
        const i = path.indexOf(code);
        indicator = code;
        const rest = path.slice(i + 1);
        cell = (rest[0] === 'value' ? rest.slice(1) : rest).join('.') || undefined;
      } else {
        indicator = path.slice(0, -1).join('.') || path[0];
        cell = path.length > 1 ? path[path.length - 1] : undefined;
      }
      out.set(path.join('.'), { indicator, cell, value: v });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, n) => {
        const rec = item && typeof item === 'object' ? (item as Record<string, unknown>) : null;
        const keyField = rec ? ARRAY_KEYS.find((k) => typeof rec[k] === 'string') : undefined;
        const key = keyField ? String(rec![keyField]) : String(n);
        walk(item, [...path, key], code ?? (keyField === 'code' ? key : null));
      });
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        // Texts, periods and settings are not figures.
        if (['period', 'target', 'suppression', 'instrument'].includes(k)) continue;
        walk(x, [...path, k], code);
      }
    }
  };
  walk(report, [], null);
  return out;
}

/** Per indicator, the lines of submitted vs current figures, in the order of the submitted report. */
export function compareFigures(submitted: unknown, current: unknown): Map<string, Line[]> {
  const a = flattenFigures(submitted);
  const b = flattenFigures(current);
  const byIndicator = new Map<string, Line[]>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const s = a.get(key);
    const c = b.get(key);
    const meta = (s ?? c)!;
    const line: Line = {
      indicator: meta.indicator,
      ...(meta.cell !== undefined ? { cell: meta.cell } : {}),
      submitted: s?.value ?? null,
      current: c?.value ?? null,
      delta:
        typeof s?.value === 'number' && typeof c?.value === 'number'
          ? Math.round((c.value - s.value) * 1e6) / 1e6
          : null,
    };
    const list = byIndicator.get(meta.indicator) ?? [];
    list.push(line);
    byIndicator.set(meta.indicator, list);
  }
  return byIndicator;
}

export const lineMoved = (l: Line) => l.submitted !== l.current;

/**
 * The ids (first column) whose rows differ between two sets of facts, overall and per column:
 * a row that appears or disappears moves every column.
 */
export function movedIds(before: StoredFacts, after: StoredFacts) {
  const index = (f: StoredFacts) => new Map(f.rows.map((r) => [String(r[0]), r]));
  const a = index(before);
  const b = index(after);
  const colsA = new Map(before.header.map((h, i) => [h, i]));
  const colsB = new Map(after.header.map((h, i) => [h, i]));
  const any = new Set<string>();
  const byColumn = new Map<string, Set<string>>();
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const ra = a.get(id);
    const rb = b.get(id);
    if (JSON.stringify(ra) === JSON.stringify(rb) && before.header.join() === after.header.join()) continue;
    for (const h of new Set([...before.header, ...after.header])) {
      const va = ra && colsA.has(h) ? (ra[colsA.get(h)!] ?? null) : null;
      const vb = rb && colsB.has(h) ? (rb[colsB.get(h)!] ?? null) : null;
      if (va !== vb || !ra || !rb) {
        any.add(id);
        const set = byColumn.get(h) ?? new Set<string>();
        set.add(id);
        byColumn.set(h, set);
      }
    }
  }
  return { any, byColumn };
}
