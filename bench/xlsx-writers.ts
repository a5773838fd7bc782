import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ESF_INDICATORS } from '../src/reports/esf-indicators';
import { PARTICIPANT_HEADER, ROW_INDICATORS } from '../src/reports/export/esf-rows';

/**
 * XLSX writers on the ESF export's workbook (issue 14): a summary sheet, N participant rows with the
 * export's columns (src/reports/export/esf-rows.ts) and the definitions sheet, synthetic and
 * deterministic, written to a file. No database.
 *
 *   mkdir -p /tmp/xlsx-cand && cd /tmp/xlsx-cand && npm init -y && npm install --ignore-scripts \
 *     exceljs@4.4.0 @cj-tech-master/excelts@10.2.0 xlsx-write-stream@1.0.3 write-excel-file@4.1.1
 *   npm run build --silent && node dist/bench/xlsx-writers.js --modules /tmp/xlsx-cand [--rows 150000] \
 *     [--only exceljs,excelts] [--out /tmp/xlsx-bench] [--no-verify | --verify-only]
 *
 * Each writer runs in a fresh Node process (its peak RSS is its own, from getrusage). Every file is
 * then read back by python3's openpyxl, when installed (apt-get install python3-openpyxl): sheet
 * names, row counts, and the first and last participant rows compared cell by cell with what was
 * written. Without openpyxl it falls back to `unzip -t` and says so.
 */

type Cell = string | number | null;
type Rows = Cell[][];

interface Workbook {
  summary: Rows;
  definitions: Rows;
  header: string[];
  rows: number;
}

/** A small deterministic PRNG (mulberry32), so every writer gets the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Emma', 'Noah', 'Louise', 'Arthur', 'Olivia', 'Jules', 'Mila', 'Lucas', 'Fatima', 'Mohamed'];
const LAST = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'El Amrani',
];
const GENDER = ['female', 'male', 'nonbinary'];

function day(r: () => number, year: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + Math.floor(r() * 365)));
  return d.toISOString().slice(0, 10);
}

/** Participant row i: the shape of participantRow() (names on most rows, some pseudonymised). */
export function syntheticRow(i: number): Cell[] {
  const r = prng(i + 1);
  const pseudonymised = r() < 0.05;
  const left = r() < 0.4;
  const hex = (n: number) =>
    Math.floor(r() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return [
    `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    pseudonymised ? null : `${FIRST[Math.floor(r() * FIRST.length)]}-${i}`,
    pseudonymised ? null : LAST[Math.floor(r() * LAST.length)],
    pseudonymised ? 1 : 0,
    GENDER[Math.floor(r() * GENDER.length)],
    day(r, 2025),
    left ? day(r, 2026) : null,
    r() < 0.7 ? 1 : 0,
    left ? 1 : 0,
    0,
    ...ROW_INDICATORS.map((ind): Cell => {
      const x = r();
      if (ind.kind === 'result' && !left) return null;
      return x < 0.05 ? 'unknown' : x < 0.4 ? 1 : 0;
    }),
  ];
}

function workbook(rows: number): Workbook {
  const summary: Rows = [
    ['ESF+ indicators', '2025-01-01 to 2025-12-31'],
    ['code', 'name', 'cohort', 'female', 'male', 'nonbinary', 'total', 'unknown female', 'unknown male'],
    ...ESF_INDICATORS.filter((i) => !i.specialCategory).map((i, k) => [
      i.code,
      i.name,
      i.cohort,
      k * 10 + 1,
      k * 10 + 2,
      null,
      k * 20 + 3,
      0,
      1,
    ]),
  ];
  const definitions: Rows = [
    ['code', 'name', 'kind', 'cohort', 'definition', 'mapping', 'special category (aggregate only)'],
    ...ESF_INDICATORS.map((i) => [
      i.code,
      i.name,
      i.kind,
      i.cohort,
      i.definition,
      i.mapping,
      i.specialCategory ? 'yes' : 'no',
    ]),
  ];
  return { summary, definitions, header: [...PARTICIPANT_HEADER], rows };
}

/** The exceljs 4.x streaming API, which excelts keeps. */
interface StreamingBook {
  addWorksheet(name: string): { addRow(v: Cell[]): { commit(): void }; commit(): void };
  commit(): Promise<void>;
}
type StreamingBookCtor = new (o: {
  stream: Writable;
  useStyles: boolean;
  useSharedStrings: boolean;
}) => StreamingBook;

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

/** What src/reports/esf-export.service.ts does, with `Book` as the writer class. */
async function streaming(Book: StreamingBookCtor, wb: Workbook, out: Writable): Promise<void> {
  const book = new Book({ stream: out, useStyles: false, useSharedStrings: false });
  const s = book.addWorksheet('Summary');
  for (const row of wb.summary) s.addRow(row).commit();
  s.commit();
  const p = book.addWorksheet('Participants');
  p.addRow(wb.header).commit();
  for (let i = 0; i < wb.rows; i++) {
    p.addRow(syntheticRow(i)).commit();
    if (i % 200 === 199) await drained(out);
  }
  p.commit();
  const d = book.addWorksheet('Definitions');
  for (const row of wb.definitions) d.addRow(row).commit();
  d.commit();
  await book.commit();
}

type Writer = (req: NodeJS.Require, wb: Workbook, file: string) => Promise<void>;

const WRITERS: Record<string, { pkg: string; note: string; write: Writer }> = {
  exceljs: {
    pkg: 'exceljs',
    note: 'stream.xlsx.WorkbookWriter, 3 sheets',
    write: async (req, wb, file) => {
      const m = req('exceljs') as { stream: { xlsx: { WorkbookWriter: StreamingBookCtor } } };
      const out = createWriteStream(file);
      await streaming(m.stream.xlsx.WorkbookWriter, wb, out);
      if (!out.closed) await once(out, 'close');
    },
  },
  excelts: {
    pkg: '@cj-tech-master/excelts',
    note: 'WorkbookWriter (exceljs API), 3 sheets',
    write: async (req, wb, file) => {
      const m = req('@cj-tech-master/excelts') as { WorkbookWriter: StreamingBookCtor };
      const out = createWriteStream(file);
      await streaming(m.WorkbookWriter, wb, out);
      if (!out.closed) await once(out, 'close');
    },
  },
  'xlsx-write-stream': {
    pkg: 'xlsx-write-stream',
    note: 'Transform stream, ONE sheet only (participants)',
    write: async (req, wb, file) => {
      const m = req('xlsx-write-stream') as new () => NodeJS.ReadWriteStream;
      let i = -1;
      const input = new Readable({
        objectMode: true,
        read() {
          if (i >= wb.rows) this.push(null);
          else this.push(i < 0 ? wb.header : syntheticRow(i));
          i++;
        },
      });
      const out = createWriteStream(file);
      input.pipe(new m()).pipe(out);
      await once(out, 'close');
    },
  },
  'write-excel-file': {
    pkg: 'write-excel-file/node',
    note: 'in memory (no streaming input), 3 sheets',
    write: async (req, wb, file) => {
      const m = req('write-excel-file/node') as {
        default: (sheets: { data: Rows; sheet: string }[]) => { toFile(path: string): Promise<void> };
      };
      const participants: Rows = [wb.header];
      for (let i = 0; i < wb.rows; i++) participants.push(syntheticRow(i));
      await m
        .default([
          { data: wb.summary, sheet: 'Summary' },
          { data: participants, sheet: 'Participants' },
          { data: wb.definitions, sheet: 'Definitions' },
        ])
        .toFile(file);
    },
  },
};

interface Measured {
  writer: string;
  ms: number;
  /** User + system CPU of the writer's process while writing: steadier than wall time on a shared machine. */
  cpuMs?: number;
  peakRssMb: number;
  startRssMb: number;
  bytes: number;
  error?: string;
}

async function child(name: string, modules: string, rows: number, file: string): Promise<void> {
  const req = createRequire(join(resolve(modules), 'noop.js'));
  const w = WRITERS[name];
  req(w.pkg);
  const wb = workbook(rows);
  const startRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await w.write(req, wb, file);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const m: Measured = {
    writer: name,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    startRssMb,
    bytes: statSync(file).size,
  };
  console.log(JSON.stringify(m));
}

const VERIFY_PY = `
import json, sys, openpyxl
path, expect = sys.argv[1], json.loads(sys.argv[2])
wb = openpyxl.load_workbook(path, read_only=True)
target = "Participants" if "Participants" in wb.sheetnames else wb.sheetnames[0]
out = {"sheets": wb.sheetnames, "rows": {}, "first": None, "last": None, "target": target}
for ws in wb.worksheets:
    n = 0; first = None; last = None
    for row in ws.iter_rows(values_only=True):
        n += 1
        if ws.title == target:
            if n == 2: first = list(row)
            last = list(row)
    out["rows"][ws.title] = n
    if ws.title == target: out["first"], out["last"] = first, last
# A row's trailing empty cells are not written, so openpyxl returns it shorter: pad it.
width = len(expect["first"])
def norm(r): return ([None if v == "" else v for v in (r or [])] + [None] * width)[:width]
out["firstOk"] = norm(out["first"]) == expect["first"]
out["lastOk"] = norm(out["last"]) == expect["last"]
print(json.dumps({k: out[k] for k in ("sheets", "rows", "firstOk", "lastOk", "target")}))
`;

function verify(file: string, rows: number): string {
  const expect = JSON.stringify({ first: syntheticRow(0), last: syntheticRow(rows - 1) });
  // Debian's python3-openpyxl lands in /usr/bin/python3, which a pyenv python3 on PATH hides.
  const python = [process.env.PYTHON ?? 'python3', '/usr/bin/python3'].find(
    (p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0,
  );
  if (python) {
    const t0 = Date.now();
    const r = spawnSync(python, ['-c', VERIFY_PY, file, expect], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) return `openpyxl FAILED: ${r.stderr.trim().split('\n').pop()}`;
    const v = JSON.parse(r.stdout) as {
      sheets: string[];
      rows: Record<string, number>;
      firstOk: boolean;
      lastOk: boolean;
      target: string;
    };
    const counts = v.sheets.map((s) => `${s} ${v.rows[s]}`).join(', ');
    const ok = v.rows[v.target] === rows + 1 && v.firstOk && v.lastOk;
    return `openpyxl ${ok ? 'ok' : 'MISMATCH'} (${counts}; first/last row ${v.firstOk && v.lastOk ? 'equal' : 'differ'}; read in ${((Date.now() - t0) / 1000).toFixed(0)} s)`;
  }
  const z = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
  return `no openpyxl; unzip -t ${z.status === 0 ? 'ok' : 'FAILED'}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '150000' },
      modules: { type: 'string', default: process.cwd() },
      out: { type: 'string', default: '/tmp/xlsx-bench' },
      only: { type: 'string' },
      child: { type: 'string' },
      'no-verify': { type: 'boolean', default: false },
      // Read back the files (and measurements) of an earlier run without writing them again.
      'verify-only': { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const modules = values.modules;
  if (values.child) return child(values.child, modules, rows, join(values.out, `${values.child}.xlsx`));
  mkdirSync(values.out, { recursive: true });
  const names = values.only?.split(',') ?? Object.keys(WRITERS);
  const results: (Measured & { check: string })[] = [];
  for (const name of names) {
    if (!WRITERS[name]) throw new Error(`unknown writer ${name}: ${Object.keys(WRITERS).join(', ')}`);
    const measured = join(values.out, `${name}.json`);
    if (values['verify-only']) {
      if (!existsSync(measured)) continue;
      const m = JSON.parse(readFileSync(measured, 'utf8')) as Measured;
      const check = verify(join(values.out, `${name}.xlsx`), rows);
      results.push({ ...m, check });
      console.log(`${name}: ${JSON.stringify(m)} ${check}`);
      continue;
    }
    const r = spawnSync(
      process.execPath,
      [__filename, '--child', name, '--rows', String(rows), '--modules', modules, '--out', values.out],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      console.log(`${name}: failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const m = JSON.parse(line) as Measured;
    writeFileSync(measured, line);
    const check = values['no-verify'] ? 'not checked' : verify(join(values.out, `${name}.xlsx`), rows);
    results.push({ ...m, check });
    console.log(`${name}: ${JSON.stringify(m)} ${check}`);
  }
  console.log(`\n${rows.toLocaleString('en')} participant rows x ${PARTICIPANT_HEADER.length} columns\n`);
  console.log(
    '| writer | how | time s | CPU s | rows/s | peak RSS MB | RSS at start MB | file MB | read back |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results)
    console.log(
      `| ${r.writer} | ${WRITERS[r.writer].note} | ${(r.ms / 1000).toFixed(1)} | ${r.cpuMs === undefined ? '' : (r.cpuMs / 1000).toFixed(1)} | ${Math.round(rows / (r.ms / 1000)).toLocaleString('en')} | ${r.peakRssMb} | ${r.startRssMb} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${r.check} |`,
    );
}

if (require.main === module)
  main().catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
