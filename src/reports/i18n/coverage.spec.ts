import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { DATA_QUALITY_REASONS } from '../data-quality.reasons';
import { toEsfReportResponse } from '../dto/esf-report.response';
import { ESF_INDICATORS } from '../esf-indicators';
import { PARTICIPANT_HEADER, ROW_INDICATORS } from '../export/esf-rows';
import { quarterlySheets } from '../export/quarterly-sheets';
import type { QuarterlyReport } from '../quarterly-report.service';
import { REPORT_LABELS_NL } from './labels.nl';
import { ESF_SOURCE } from './esf-texts';
import { REPORT_PATTERNS_NL, REPORT_TEXTS_NL } from './texts.nl';

/**
 * Every English text the reports can emit has a Dutch entry, so a reworded or new definition cannot
 * slip out in English again. Definitions are found two ways: by reading the source of src/reports
 * (every `definition:` written as a text, with the constants it names filled in and a sample number
 * for a parameter), and by calling the builders that assemble them (the ESF+ indicators and report).
 * Labels: the quarterly workbook's sheets as built from a report, the ESF+ CSV header, and the
 * labels the ESF+ workbook writes through `l(...)`.
 */
const REPORTS = join(__dirname, '..');
/** The number a definition's parameter (the review interval in months) is filled in with. */
const SAMPLE_NUMBER = '3';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The file's constants written as a text or a number, by name, to fill in `${NAME}`. */
function constants(file: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const v = n.initializer;
      if (ts.isStringLiteralLike(v) || ts.isNumericLiteral(v)) found.set(n.name.text, v.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** A text as the code writes it: a literal, or a template with its constants (or a sample number) filled in. */
function literalText(e: ts.Expression, names: Map<string, string>): string | undefined {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e))
    return (
      e.head.text +
      e.templateSpans
        .map((s) => {
          const v = ts.isIdentifier(s.expression) ? names.get(s.expression.text) : undefined;
          return (v ?? SAMPLE_NUMBER) + s.literal.text;
        })
        .join('')
    );
  return undefined;
}

/** Every `definition: <text>` in the source of src/reports, with where it is written. */
function writtenDefinitions(): { at: string; text: string }[] {
  return sources(REPORTS).flatMap((path) => {
    const file = parse(path);
    const names = constants(file);
    const out: { at: string; text: string }[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAssignment(n) && n.name.getText(file) === 'definition') {
        const text = literalText(n.initializer, names);
        if (text !== undefined) {
          const line = file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1;
          out.push({ at: `${relative(REPORTS, path)}:${line}`, text });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
    return out;
  });
}

/** The labels a file writes through its label function: `l('x')`, `reportLabel('x', …)`, `[…].map(l)`. */
function writtenLabels(path: string): string[] {
  const file = parse(path);
  const out: string[] = [];
  const strings = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n)) out.push(n.text);
    ts.forEachChild(n, strings);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText(file);
      if ((callee === 'l' || callee === 'reportLabel') && n.arguments[0]) strings(n.arguments[0]);
      if (
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.name.text === 'map' &&
        n.arguments[0]?.getText(file) === 'l' &&
        ts.isArrayLiteralExpression(n.expression.expression)
      )
        strings(n.expression.expression);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return out;
}

/** The `definition` texts anywhere in a built report. */
function definitionsIn(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(definitionsIn);
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) =>
      k === 'definition' && typeof x === 'string' ? [x] : definitionsIn(x),
    );
  return [];
}

const hasDutch = (en: string) =>
  REPORT_TEXTS_NL.has(en) || REPORT_PATTERNS_NL.some(([pattern]) => pattern.test(en));

/**
 * A quarterly report with one of everything. Data (codes, names, ids) starts with '#', so it can be
 * told apart from the labels the sheets put around it.
 */
function sampleQuarterlyReport(): QuarterlyReport {
  const shares = {
    reached: 1,
    toWork: 1,
    shareOfReached: 1,
    projectYear: { reached: 1, toWork: 1, shareOfReached: 1 },
  };
  const definition = '#definition';
  const report = {
    year: 2025,
    quarter: 1,
    period: { from: '#from', to: '#to' },
    activeTrajectoriesAtQuarterEnd: 1,
    inflow: { byReferralChannel: { '#channel': 1 }, trajectoriesStarted: 1 },
    reach: { definition, reached: 1, intensive: 1, esfEntrants: 1 },
    exits: {
      definition,
      byOutcome: { '#outcome': 1 },
      total: 1,
      toWork: {
        definition,
        exits: 1,
        reached: 1,
        shareOfReached: 1,
        shareOfExits: 1,
        projectYear: shares.projectYear,
        target: { min: 0.1, max: 0.15 },
        status: '#status',
        byOrganisation: [{ organisationId: '#org', name: '#name', ...shares }],
        byReferralChannel: { '#channel': shares },
        byPersona: [
          {
            personaId: '#persona',
            name: '#name',
            ...shares,
            exits: 1,
            projectYear: { ...shares.projectYear, exits: 1 },
          },
        ],
      },
    },
    duration: { definition, closedTrajectories: 1, medianDays: 1, p90Days: 1 },
    contactIntensity: {
      definition,
      activeTrajectoriesDuringQuarter: 1,
      byKind: {
        '#kind': { contacts: 1, minutes: 1, contactsPerTrajectory: 1, minutesPerTrajectory: 1 },
      },
    },
    caseload: {
      definition,
      normPerFte: 1,
      flagAbovePerFte: 1,
      perCoach: [
        {
          staffId: '#staff',
          name: '#name',
          organisationId: '#org',
          fte: 1,
          activeTrajectories: 1,
          perFte: 1,
          overNorm: false,
          flagged: false,
        },
      ],
      perOrganisation: [{ organisationId: '#org', name: '#name', fte: 1, activeTrajectories: 1, perFte: 1 }],
    },
    referralTurnaround: {
      definition,
      byTarget: {
        '#target': {
          decided: 1,
          accepted: 1,
          rejected: 0,
          toDecision: { medianDays: 1, p90Days: 1 },
          completed: 1,
          toCompletion: { medianDays: 1, p90Days: 1 },
        },
      },
    },
    empowermentCoverage: {
      instrument: { key: '#instrument', version: 1 },
      activeTrajectories: 1,
      baseline: { definition, trajectories: 1, withBaseline: 1, share: 1 },
      reviews: { definition, intervalMonths: 3, due: 1, onTime: 1, late: 0, outstanding: 0, share: 1 },
      distanceTravelled: {
        definition,
        trajectories: 1,
        byComponent: { '#component': { n: 1, meanChange: 1 } },
      },
    },
    participantFeedback: {
      definition,
      responses: 5,
      meanSatisfaction: 4,
      distribution: { '1': 0, '2': 0, '3': 1, '4': 3, '5': 1 },
      texts: ['#text'],
    },
    contactPlaces: {
      definition,
      byPlace: { '#place': 1 },
      interpreter: { contacts: 1, byLanguage: { '#language': 1 } },
    },
    sustainableWork: {
      definition,
      exitsToWork: 1,
      withPlacement: 1,
      withoutPlacement: 0,
      sustainable: 1,
      shareOfExitsToWork: 1,
    },
  };
  return report as unknown as QuarterlyReport;
}

describe('Dutch report texts cover everything the reports emit', () => {
  const written = writtenDefinitions();
  const esfReport = toEsfReportResponse({ from: '2025-01-01', to: '2025-12-31' }, []);

  it('finds the definitions written in the source (the scan itself works)', () => {
    const texts = written.map((d) => d.text);
    expect(written.length).toBeGreaterThan(20);
    expect(texts).toContain('Days from sign-up to closing, for trajectories closed in the quarter.');
    // A template with a constant (OUTPUT_NOTE) and one with a parameter (the review interval).
    expect(texts).toContain(ESF_INDICATORS.find((i) => i.key === 'unemployed')!.definition);
    expect(texts.some((t) => t.startsWith('Every baseline or review makes the next review due 3 '))).toBe(
      true,
    );
  });

  it('has Dutch for every definition written in src/reports', () => {
    expect(written.filter((d) => !hasDutch(d.text))).toEqual([]);
  });

  it('has Dutch for every definition the ESF+ report builds, and for its source', () => {
    const built = [...definitionsIn(esfReport), ...ESF_INDICATORS.map((i) => i.definition)];
    expect(built.length).toBeGreaterThan(ESF_INDICATORS.length);
    expect(built.filter((t) => !hasDutch(t))).toEqual([]);
    expect(ESF_SOURCE.nl).not.toBe(ESF_SOURCE.en);
  });

  it('has Dutch for every data-quality reason', () => {
    expect(Object.values(DATA_QUALITY_REASONS).filter((t) => !hasDutch(t))).toEqual([]);
  });

  it('keeps no Dutch text whose English the reports no longer emit (a reworded text leaves a stale entry)', () => {
    const emitted = new Set([
      ...written.map((d) => d.text),
      ...definitionsIn(esfReport),
      ...Object.values(DATA_QUALITY_REASONS),
    ]);
    expect([...REPORT_TEXTS_NL.keys()].filter((en) => !emitted.has(en))).toEqual([]);
  });

  it('has a Dutch label for every sheet name, header and row label of the quarterly workbook', () => {
    const labels = quarterlySheets(sampleQuarterlyReport()).flatMap((s) => [
      s.name,
      ...s.rows.flatMap((row, n) => (n === 0 ? row : row.slice(0, 1))),
    ]);
    const text = labels.filter((c): c is string => typeof c === 'string' && !c.startsWith('#'));
    expect(text).toEqual(expect.arrayContaining(['Work target', 'esf entrants', 'reviews late']));
    expect([...new Set(text)].filter((c) => !REPORT_LABELS_NL.has(c))).toEqual([]);
  });

  it('has a Dutch label for every column of the ESF+ CSV and every label of the ESF+ workbook', () => {
    const codes = new Set(ROW_INDICATORS.map((i) => i.code));
    const workbook = writtenLabels(join(REPORTS, 'esf-export.service.ts'));
    expect(workbook).toEqual(expect.arrayContaining(['Summary', 'unknown total', 'yes', 'no', 'source']));
    const labels = [...PARTICIPANT_HEADER.filter((h) => !codes.has(h)), ...workbook];
    expect([...new Set(labels)].filter((l) => !REPORT_LABELS_NL.has(l))).toEqual([]);
  });
});
