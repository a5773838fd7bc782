import { BrowserContext, Page } from 'playwright-core';
import {
  demoEmail,
  describeInBrowser,
  expectAccessible,
  logIn,
  PHONE,
  screenshot,
  staff,
  useWebRig,
  waitFor,
  WebRig,
} from './browser';

const run = describeInBrowser();

/** A coach's day in the app on a phone: caseload, a participant's file, contacts offline, a review, the star. */
run('web app: a coach (coach1.compaan) on a phone', () => {
  let rig: WebRig;
  let context: BrowserContext;
  let page: Page;
  let coach: { id: string; token: string };
  let participant: { id: string; name: string; trajectoryId: string };
  useWebRig((opened) => ({ rig, context, page } = opened));
  // Both forms say "Bewaard op dit toestel" while their write waits; each test reads its own form's status.
  const contactStatus = () =>
    page.getByRole('form', { name: 'Contact registreren' }).getByText('Bewaard op dit toestel');
  const reviewStatus = () =>
    page.getByRole('region', { name: 'Empowermentevaluatie' }).getByText('Bewaard op dit toestel');
  const contactCount = async () =>
    Number(
      (
        await rig.t.sql<{ n: string }>('select count(*) as n from contacts where trajectory_id = $1', [
          participant.trajectoryId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    coach = await staff(rig.t, demoEmail('coach1', 'compaan'));
    // A participant in guidance with an empowerment baseline, so the star has something to show.
    const [row] = await rig.t.sql<{
      id: string;
      first_name: string;
      last_name: string;
      trajectory_id: string;
    }>(
      `select p.id, p.first_name, p.last_name, p.current_trajectory_id as trajectory_id
         from participants p
        where p.case_manager_id = $1 and p.current_status = 'begeleiding'
          and exists (select 1 from assessments a join instruments i on i.id = a.instrument_id
                       where a.trajectory_id = p.current_trajectory_id and i.key = 'empowerment')
        order by p.last_name, p.first_name limit 1`,
      [coach.id],
    );
    participant = { id: row.id, name: `${row.first_name} ${row.last_name}`, trajectoryId: row.trajectory_id };
  }, 120_000);

  it('logs in and shows the caseload with each phase and what is due, in Dutch and accessible', async () => {
    await page.goto(`${rig.url}/app`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await expectAccessible(page, 'login');
    await screenshot(page, 'login');
    await logIn(page, rig, demoEmail('coach1', 'compaan'));
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor();
    await page.getByRole('button', { name: new RegExp(participant.name) }).waitFor();
    expect(await page.locator('.phase').first().textContent()).toMatch(
      /Aanmelding|Intake|Begeleiding|Nazorg|Afgesloten/,
    );
    expect(await page.locator('.chip').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'caseload');
    await screenshot(page, 'caseload');
  });

  it('searches by name and by phase, without the search in the app URL', async () => {
    await page.getByLabel('Zoeken op naam').fill(participant.name.split(' ').slice(-1)[0]);
    await page.getByLabel('Fase').selectOption('begeleiding');
    await waitFor(
      () => page.locator('.rowlink').allTextContents(),
      (rows) =>
        rows.length > 0 &&
        rows.every((r) => r.includes('Begeleiding')) &&
        rows.some((r) => r.includes(participant.name)),
      'the filtered caseload',
    );
    expect(page.url()).toBe(`${rig.url}/app/`);
  });

  it("opens a participant's file: identity, phase, case managers by name, goals with steps, life domains, contacts", async () => {
    await page.getByRole('button', { name: new RegExp(participant.name) }).click();
    await page.getByRole('heading', { name: participant.name }).waitFor();
    await page.getByRole('heading', { name: 'Identiteit' }).waitFor();
    // Codes read as words: no ISCED key, no bare ISO language code.
    const identity = (await page.locator('section[aria-labelledby="identity-title"]').textContent()) ?? '';
    expect(identity).not.toMatch(/isced_\d/);
    expect(identity).not.toMatch(/Contacttaal[a-z]{2}(?![a-z])/);
    expect(await page.getByTestId('phase').textContent()).toBe('Begeleiding');
    await page
      .getByText(/Jonas Goossens|Goossens/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Doelen' }).waitFor();
    await page.getByRole('heading', { name: 'Levensdomeinen' }).waitFor();
    await page.getByTestId('contact').first().waitFor();
    expect(page.url()).toBe(`${rig.url}/app/`);
    await expectAccessible(page, 'participant file');
    await screenshot(page, 'participant-file');
  });

  it('records two contacts offline in under 30 s each; back online, exactly two arrive', async () => {
    const before = await contactCount();
    await context.setOffline(true);
    await page.getByText('Offline: wat je bewaart, wordt later verstuurd.').waitFor();
    for (const note of ['Offline gesprek een', 'Offline gesprek twee']) {
      const started = Date.now();
      await page.getByLabel('Soort').selectOption('phone');
      await page.getByLabel('Duur (minuten)').fill('15');
      await page.getByLabel('Korte notitie').fill(note);
      await page.getByRole('button', { name: 'Bewaren' }).click();
      await contactStatus().waitFor();
      expect(Date.now() - started).toBeLessThan(30_000);
    }
    await waitFor(
      () => page.getByTestId('queued-contact').count(),
      (n) => n === 2,
      'two queued contacts',
    );
    await screenshot(page, 'offline-queue');
    expect(await contactCount()).toBe(before);

    await context.setOffline(false);
    await waitFor(contactCount, (n) => n >= before + 2, 'the queued contacts to arrive');
    await waitFor(
      () => page.getByTestId('queued-contact').count(),
      (n) => n === 0,
      'the queue to empty',
    );
    expect(await contactCount()).toBe(before + 2);
    const rows = await rig.t.sql<{ summary: string }>(
      `select summary from contacts where trajectory_id = $1 and summary like 'Offline gesprek%'`,
      [participant.trajectoryId],
    );
    expect(rows.map((r) => r.summary).sort()).toEqual(['Offline gesprek een', 'Offline gesprek twee']);
    await page.getByText('Offline gesprek twee').waitFor();
  });

  it('sends again with the same Idempotency-Key when the answer was lost, and makes no second contact', async () => {
    const before = await contactCount();
    let lost = 0;
    await page.route('**/trajectories/*/contacts', async (route) => {
      if (route.request().method() === 'POST' && lost === 0) {
        lost += 1;
        await route.fetch(); // the request reaches the API and is stored ...
        return route.abort('connectionreset'); // ... but its answer never reaches the phone
      }
      return route.fallback();
    });
    await page.getByLabel('Korte notitie').fill('Antwoord verloren');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await waitFor(contactCount, (n) => n === before + 1, 'the first attempt to be stored');
    await contactStatus().waitFor();
    await waitFor(
      () => page.getByTestId('queued-contact').count(),
      (n) => n === 0,
      'the retry to be answered',
    );
    await page.unroute('**/trajectories/*/contacts');
    expect(lost).toBe(1);
    expect(await contactCount()).toBe(before + 1);
  });

  it('on a 412 shows the newer version of a contact and lets the coach reapply the change', async () => {
    const [mine] = await rig.t.sql<{ id: string; summary: string }>(
      `select id, summary from contacts where trajectory_id = $1 and summary = 'Antwoord verloren'`,
      [participant.trajectoryId],
    );
    const item = page.getByTestId('contact').filter({ hasText: 'Antwoord verloren' });
    await item.getByRole('button', { name: 'Wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Wijzigen' });
    await form.getByRole('button', { name: 'Bewaren' }).waitFor();
    await waitFor(
      () => form.getByRole('button', { name: 'Bewaren' }).isEnabled(),
      Boolean,
      'the ETag to load',
    );
    // A colleague's edit (same author account on another device) lands first.
    const other = await rig.t
      .http()
      .patch(`/trajectories/${participant.trajectoryId}/contacts/${mine.id}`)
      .set('authorization', `Bearer ${coach.token}`)
      .set('if-match', '"1"')
      .send({ summary: 'Andere versie van het gesprek' });
    expect(other.status).toBe(200);
    await form.getByLabel('Korte notitie').fill('Mijn versie van het gesprek');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('newer-summary').textContent()).toBe('Andere versie van het gesprek');
    await expectAccessible(page, 'edit conflict');
    await page.getByRole('button', { name: 'Mijn wijziging opnieuw toepassen' }).click();
    await page.getByTestId('conflict').waitFor({ state: 'detached' });
    const [stored] = await rig.t.sql<{ summary: string; version: number }>(
      'select summary, version from contacts where id = $1',
      [mine.id],
    );
    expect(stored).toEqual({ summary: 'Mijn versie van het gesprek', version: 3 });
  });

  it('scores an empowerment review offline with the Dutch level descriptions beside each component', async () => {
    const count = async () =>
      Number(
        (
          await rig.t.sql<{ n: string }>(
            `select count(*) as n from assessments a join instruments i on i.id = a.instrument_id
              where a.trajectory_id = $1 and i.key = 'empowerment'`,
            [participant.trajectoryId],
          )
        )[0].n,
      );
    const before = await count();
    await page.getByRole('button', { name: 'Evaluatie scoren' }).click();
    await page.getByText('Ik weet niet goed wat ik kan. Ik twijfel of ik mijn doel kan halen.').waitFor();
    await expectAccessible(page, 'review');
    await page.getByRole('group', { name: /Competentie/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'review');
    await context.setOffline(true);
    const selects = page.getByRole('form', { name: 'Evaluatie scoren' }).getByRole('combobox');
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption(String(6 + (i % 3)));
    await page
      .getByRole('form', { name: 'Evaluatie scoren' })
      .getByRole('button', { name: 'Bewaren' })
      .click();
    await reviewStatus().waitFor();
    expect(await count()).toBe(before);
    await context.setOffline(false);
    await waitFor(count, (n) => n === before + 1, 'the review to arrive');
  });

  it('shows the star, baseline against latest, full screen', async () => {
    await page.getByRole('button', { name: 'Ster tonen (volledig scherm)' }).click();
    const star = page.getByTestId('star');
    await star.waitFor();
    await waitFor(
      () => star.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      (w) => w > 0,
      'the star image',
    );
    await expectAccessible(page, 'star');
    await screenshot(page, 'star');
    await page.keyboard.press('Escape');
    await star.waitFor({ state: 'detached' });
  });

  it('switches to English and back, with keyboard only', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Record a contact' }).waitFor();
    await page.getByRole('heading', { name: 'Contact moments' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await screenshot(page, 'participant-file-en');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.getByRole('heading', { name: 'Contact registreren' }).waitFor();
  });

  it('reflows at 200 % zoom (half the CSS width): nothing needs a sideways scroll', async () => {
    // Elements that stick out to the right of the viewport (what would need a sideways scroll), named.
    const overflow = () =>
      page.evaluate(`[...document.querySelectorAll('main *, header *, nav *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))`) as Promise<
        string[]
      >;
    await page.setViewportSize({ width: PHONE.width / 2, height: PHONE.height / 2 });
    try {
      await page.getByRole('heading', { name: 'Contact registreren' }).waitFor();
      expect(await overflow()).toEqual([]);
      await screenshot(page, 'participant-file-zoom-200');
      await page.getByRole('button', { name: 'Mijn caseload' }).click();
      await page.locator('.rowlink').first().waitFor();
      expect(await overflow()).toEqual([]);
    } finally {
      await page.setViewportSize(PHONE);
    }
  });

  it('clears the offline queue at logout', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    const databases = (await page.evaluate(
      'indexedDB.databases().then((all) => all.map((d) => d.name))',
    )) as string[];
    expect(databases).not.toContain('jobteam-offline');
  });

  it('offers the confidential toggle, on by default, to a coach of a secrecy organisation (CAW)', async () => {
    const caw = await staff(rig.t, demoEmail('coach1', 'caw'));
    const [row] = await rig.t.sql<{ first_name: string; last_name: string; trajectory_id: string }>(
      `select first_name, last_name, current_trajectory_id as trajectory_id from participants
        where case_manager_id = $1 and current_status = 'begeleiding' order by last_name, first_name limit 1`,
      [caw.id],
    );
    await logIn(page, rig, demoEmail('coach1', 'caw'));
    await page.getByRole('button', { name: new RegExp(`${row.first_name} ${row.last_name}`) }).click();
    const toggle = page.getByLabel('Vertrouwelijk (beroepsgeheim)');
    expect(await toggle.isChecked()).toBe(true);
    await page.getByLabel('Korte notitie').fill('Vertrouwelijk gesprek');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('Bewaard.').waitFor();
    const [stored] = await rig.t.sql<{ confidential: boolean }>(
      `select confidential from contacts where trajectory_id = $1 and summary = 'Vertrouwelijk gesprek'`,
      [row.trajectory_id],
    );
    expect(stored.confidential).toBe(true);
  });

  it('keeps only the app shell in the service worker cache, never an API answer, and logout empties it', async () => {
    const own = await rig.browser.newContext({ viewport: PHONE });
    try {
      const p = await own.newPage();
      await logIn(p, rig, demoEmail('coach1', 'compaan'));
      await p.evaluate('navigator.serviceWorker.ready.then(() => true)');
      await p.evaluate("fetch('/app/').then((r) => r.ok)"); // through the worker once it controls the page
      await p.locator('.rowlink').first().click();
      await p.getByRole('heading', { name: 'Contactmomenten' }).waitFor();
      const cached = () =>
        p.evaluate(`caches.keys()
          .then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()))))
          .then((all) => all.flat().map((r) => new URL(r.url).pathname))`) as Promise<string[]>;
      const paths = await waitFor(cached, (list) => list.length > 0, 'the app shell in the cache');
      expect(paths.filter((path) => !path.startsWith('/app/'))).toEqual([]);
      await p.getByRole('button', { name: 'Afmelden' }).click();
      await p.getByRole('heading', { name: 'Inloggen' }).waitFor();
      expect(await p.evaluate('caches.keys()')).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
