import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { renderStar, SERIES_STYLES, STAR_GEOMETRY, StarOptions } from '../../src/empowerment/star-svg';
import { allScores, empowerment, instrumentWith } from '../support/instruments';
import { countColour, decodePng } from '../support/png';

const run = promisify(execFile);

/**
 * Debian's package by default. CHROMIUM_PATH replaces the search (CHROMIUM_PATH=none turns the
 * check off locally). Without a browser the check prints a notice and passes on a developer's
 * machine; in CI (CI=true, as .ci/run sets, which also installs Chromium) it fails, so a missing
 * browser cannot pass by skipping the render check (issue 15).
 */
const CHROMIUM =
  process.env.CHROMIUM_PATH !== undefined
    ? [process.env.CHROMIUM_PATH].find((p) => existsSync(p))
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARTIFACTS = resolve(__dirname, '../artifacts');

const CHARTS: Record<string, StarOptions> = {
  'empowerment-nl': {
    dimensions: empowerment.dimensions,
    scaleMin: 1,
    scaleMax: 10,
    lang: 'nl',
    title: 'Empowerment (Vrijbaan)',
    series: [
      { label: '2026-01-15', scores: allScores(empowerment, (i) => 2 + (i % 3)) },
      { label: '2026-04-15', scores: allScores(empowerment, (i) => 5 + (i % 4)) },
    ],
  },
  'life-domains-en': {
    dimensions: instrumentWith(13, 1, 5).dimensions,
    scaleMin: 1,
    scaleMax: 5,
    lang: 'en',
    series: [
      { label: 'all minimum', scores: allScores(instrumentWith(13), 1) },
      { label: 'mixed', scores: allScores(instrumentWith(13), (i) => 1 + (i % 5)) },
      { label: 'all maximum', scores: allScores(instrumentWith(13), 5) },
    ],
  },
};

async function chromium(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${dataDir}`,
      ...args,
    ],
    { timeout: 45_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

describe('star diagram in Chromium', () => {
  let dataDir: string;

  beforeAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'jobteam-chromium-'));
    if (!CHROMIUM && process.env.CI === 'true')
      throw new Error(
        'Chromium was not found (/usr/bin/chromium, /usr/bin/chromium-browser, or CHROMIUM_PATH), so the star ' +
          'render check cannot run (CI=true makes this a failure, not a skip). Install it with ' +
          '`apt-get install -y chromium fonts-dejavu-core` (Debian/Ubuntu), or point CHROMIUM_PATH at a browser.',
      );
    if (!CHROMIUM) {
      console.warn(
        '\n[star-render] NOTICE: Chromium was not found (/usr/bin/chromium, or CHROMIUM_PATH); ' +
          'the browser render check is skipped. Install it with `apt-get install -y chromium`.\n',
      );
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(Object.keys(CHARTS))(
    'loads %s without errors and draws every series (screenshot kept)',
    async (name) => {
      if (!CHROMIUM) return;
      const svgFile = join(ARTIFACTS, `star-${name}.svg`);
      const pngFile = join(ARTIFACTS, `star-${name}.png`);
      rmSync(pngFile, { force: true });
      writeFileSync(svgFile, renderStar(CHARTS[name]));
      const url = pathToFileURL(svgFile).href;

      // A document the XML parser refuses comes back wrapped in <parsererror>.
      const dom = await chromium(dataDir, '--dump-dom', url);
      expect(dom).not.toContain('parsererror');
      expect(dom.match(/<polygon class="series"/g)).toHaveLength(CHARTS[name].series.length);

      await chromium(dataDir, `--screenshot=${pngFile}`, '--window-size=800,800', url);
      const png = decodePng(readFileSync(pngFile));
      expect([png.width, png.height]).toEqual([800, 800]);
      // Each series' colour shows inside the chart itself (above the legend), not only in the legend.
      const chartArea = { toY: STAR_GEOMETRY.cy + STAR_GEOMETRY.outer + 40 };
      const colours = SERIES_STYLES.slice(0, CHARTS[name].series.length).map((s) => s.colour);
      for (const colour of colours) expect(countColour(png, colour, chartArea)).toBeGreaterThan(100);
      const white = countColour(png, '#ffffff', { tolerance: 8 });
      expect(white).toBeLessThan(800 * 800 * 0.97); // something was drawn
      expect(white).toBeGreaterThan(800 * 800 * 0.3); // on the white background, not a black or error page
    },
  );
});
