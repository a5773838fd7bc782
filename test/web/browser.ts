import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AddressInfo } from 'node:net';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemo } from '../../src/seed/demo-seed';
import { webAppDirectory } from '../../src/web-app/serve-web-app';
import { createTestApp, TEST_SECRETS, TestApp } from '../harness/test-app';

/**
 * The browser tests drive Debian's Chromium (CHROMIUM_PATH overrides) with playwright-core against the real API
 * on a fresh test database seeded with the demo. Without a browser they pass with a notice on a developer's
 * machine; in CI (CI=true) they fail, so a missing browser never passes by skipping (as the star render check).
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH !== undefined
    ? [process.env.CHROMIUM_PATH].find((p) => existsSync(p))
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const ARTIFACTS = resolve(__dirname, '../artifacts');
export const PHONE = { width: 390, height: 844 };
export const demoEmail = (label: string, org: string) => `${label}.${org}@${DEMO_DOMAIN}`;

/** False (with a notice) when the browser tests cannot run here; throws in CI. */
export function browserAvailable(): boolean {
  if (!existsSync(resolve(webAppDirectory(), 'index.html')))
    throw new Error(
      'web/dist is missing: run `npm run build:web` (npm test and npm run test:e2e do it first).',
    );
  if (CHROMIUM) return true;
  if (process.env.CI === 'true')
    throw new Error(
      'Chromium was not found (/usr/bin/chromium, /usr/bin/chromium-browser, or CHROMIUM_PATH), so the web app ' +
        'cannot be tested in a browser (CI=true makes this a failure, not a skip). Install it with ' +
        '`apt-get install -y chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at a browser.',
    );
  console.warn('notice: no Chromium found; the web app browser tests are skipped on this machine');
  return false;
}

export interface WebRig {
  t: TestApp;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** One API on a fresh database with the demo, listening on a free port, and one browser. */
export async function startRig(): Promise<WebRig> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const t = await createTestApp();
  await seedDemo(t.db, { inszHashKey: TEST_SECRETS.inszHashKey, log: () => {} });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    url: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A phone-sized context. The service worker is blocked: it only caches the app shell, and Playwright's
 * request routing (the lost-answer test) does not see requests a service worker handles.
 */
export async function phone(rig: WebRig): Promise<{ context: BrowserContext; page: Page }> {
  const context = await rig.browser.newContext({
    viewport: PHONE,
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function logIn(page: Page, rig: WebRig, email: string): Promise<void> {
  await page.goto(`${rig.url}/app/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad).toEqual([]);
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(ARTIFACTS, `web-${name}.png`), fullPage: false });

/** Polls a condition (no sleeps): resolves when it holds, fails with what was awaited after the timeout. */
export async function waitFor<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export async function staff(
  t: TestApp,
  email: string,
): Promise<{ id: string; partnershipId: string; token: string }> {
  const [row] = await t.sql<{ id: string; partnership_id: string }>(
    'select id, partnership_id from staff where email = $1',
    [email],
  );
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    token: t.token({ id: row.id, partnershipId: row.partnership_id }),
  };
}

/** `describe` where the browser tests can run here, `describe.skip` (after the notice) where they cannot. */
export const describeInBrowser = (): jest.Describe => (browserAvailable() ? describe : describe.skip);

/** What `useWebRig` opens for a test file: its rig, and one phone-sized context and page. */
export interface OpenedWebRig {
  rig: WebRig;
  context: BrowserContext;
  page: Page;
}

/**
 * Starts the file's own rig (a fresh database with the demo, and a browser) and opens a phone-sized page
 * before its tests, handing them to `into` (which keeps them in the file's `rig`, `context` and `page`), and
 * closes the rig after the last. A file's own `beforeAll`, registered after this, runs once they exist.
 */
export function useWebRig(into: (opened: OpenedWebRig) => void): void {
  let rig: WebRig | undefined;
  beforeAll(async () => {
    rig = await startRig();
    const { context, page } = await phone(rig);
    into({ rig, context, page });
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });
}
