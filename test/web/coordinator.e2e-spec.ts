import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { LoadedBook, loadExcelForTest } from '../reports/xlsx-sheets';
import { DEMO_PASSWORD } from '../../src/seed/demo-seed';
import {
  demoEmail,
  describeInBrowser,
  expectAccessible,
  screenshot,
  useWebRig,
  waitFor,
  WebRig,
} from './browser';

const run = describeInBrowser();

/** The coordinator's page: the quarterly and ESF+ reports as tables, downloads and submissions. */
run('web app: the coordinator (coordinator.stad) on a phone', () => {
  let rig: WebRig;
  let page: Page;
  useWebRig((opened) => ({ rig, page } = opened));
  const submissions = async (kind: string) =>
    Number(
      (
        await rig.t.sql<{ n: string }>('select count(*) as n from report_submissions where kind = $1', [kind])
      )[0].n,
    );

  it('shows the quarterly report as tables with Dutch labels, accessible', async () => {
    // With the keyboard only: Tab to each field, Enter to log in.
    await page.goto(`${rig.url}/app/`);
    const focused = () =>
      page.evaluate('document.activeElement && document.activeElement.name') as Promise<string>;
    await waitFor(
      () => page.keyboard.press('Tab').then(focused),
      (name) => name === 'email',
      'focus on the email field',
    );
    await page.keyboard.type(demoEmail('coordinator', 'stad'));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Rapportering' }).waitFor();
    const report = page.getByTestId('report');
    await report.getByRole('heading', { name: 'Instroom' }).waitFor();
    await report.getByRole('heading', { name: 'Uitstroom naar werk' }).waitFor();
    await report.getByRole('rowheader', { name: 'Gestarte trajecten' }).waitFor();
    // No raw keys where a label exists.
    expect(await report.textContent()).not.toContain('trajectoriesStarted');
    // A year names a period: no thousands separator (nl-BE would write 2.026).
    const yearRow = report
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Jaar', exact: true }) });
    expect((await yearRow.first().getByRole('cell').textContent())?.trim()).toMatch(/^20\d\d$/);
    await expectAccessible(page, 'quarterly report');
    await screenshot(page, 'quarterly');
  });

  it('downloads the quarterly report as a real XLSX workbook', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'XLSX downloaden' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const Excel = await loadExcelForTest<{ Workbook: new () => LoadedBook }>();
    if (Excel) {
      const book = new Excel.Workbook();
      await book.xlsx.load(bytes);
      expect(book.worksheets.length).toBeGreaterThan(1);
    }
  });

  it('submits the quarter, and the submission is listed', async () => {
    const before = await submissions('quarterly');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.getByText('Ingediend.').waitFor();
    await waitFor(
      () => submissions('quarterly'),
      (n) => n === before + 1,
      'the quarterly submission',
    );
    await waitFor(
      () => page.getByTestId('submissions').locator('li').count(),
      (n) => n === before + 1,
      'the list',
    );
  });

  it('shows the ESF+ report for a period, downloads its CSV and XLSX, and submits it', async () => {
    await page.getByRole('button', { name: 'ESF+-rapport' }).click();
    const report = page.getByTestId('report');
    await report.getByRole('heading', { name: 'Outputindicatoren' }).waitFor();
    await report.getByRole('columnheader', { name: 'Code' }).first().waitFor();
    await expectAccessible(page, 'ESF+ report');
    await screenshot(page, 'esf');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV downloaden' }).click(),
    ]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n').length).toBeGreaterThan(1);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'XLSX downloaden' }).click(),
    ]);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const before = await submissions('esf');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await waitFor(
      () => submissions('esf'),
      (n) => n === before + 1,
      'the ESF+ submission',
    );
  });

  it('shows the report in English on the toggle', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Reporting' }).waitFor();
    await page.getByRole('button', { name: 'Download XLSX' }).waitFor();
  });
});
