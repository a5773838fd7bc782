import { Page } from 'playwright-core';
import {
  demoEmail,
  describeInBrowser,
  expectAccessible,
  logIn,
  screenshot,
  staff,
  useWebRig,
  waitFor,
  WebRig,
} from './browser';

const run = describeInBrowser();

/** The VDAB SPOC's inbox: open referrals by due date, accept, refuse with a reason, the MLP check. */
run('web app: a VDAB SPOC (spoc1.vdab) on a phone', () => {
  let rig: WebRig;
  let page: Page;
  useWebRig((opened) => ({ rig, page } = opened));
  const referrals: { id: string; participantId: string; name: string }[] = [];
  const state = async (id: string) =>
    (await rig.t.sql<{ state: string }>('select state from referrals where id = $1', [id]))[0].state;

  beforeAll(async () => {
    const coach = await staff(rig.t, demoEmail('coach1', 'compaan'));
    const spoc = await staff(rig.t, demoEmail('spoc1', 'vdab'));
    const people = await rig.t.sql<{ id: string; first_name: string; last_name: string }>(
      `select id, first_name, last_name from participants
        where case_manager_id = $1 and current_status in ('intake', 'begeleiding')
          and exists (select 1 from consents c where c.participant_id = participants.id
                       and c.scope = 'vdab_exchange' and c.withdrawn_at is null)
        order by last_name, first_name limit 2`,
      [coach.id],
    );
    // Two referrals to VDAB for this SPOC, due on different days (the inbox sorts by due date).
    expect(people).toHaveLength(2);
    for (const [i, p] of people.entries()) {
      const res = await rig.t
        .http()
        .post('/referrals')
        .set('authorization', `Bearer ${coach.token}`)
        .send({
          direction: 'outbound',
          target: 'vdab',
          kind: 'training',
          participantId: p.id,
          assignedSpocId: spoc.id,
          dueAt: new Date(Date.now() + (i + 1) * 86400_000).toISOString(),
        });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 201, code: undefined });
      referrals.push({ id: res.body.id, participantId: p.id, name: `${p.first_name} ${p.last_name}` });
    }
  }, 120_000);

  it('shows the open referrals by due date, accessible', async () => {
    await logIn(page, rig, demoEmail('spoc1', 'vdab'));
    await page.getByRole('heading', { name: 'Inbox verwijzingen' }).waitFor();
    const cards = page.getByTestId('referral');
    await cards.first().waitFor();
    const texts = await cards.allTextContents();
    const first = texts.findIndex((x) => x.includes(referrals[0].name));
    const second = texts.findIndex((x) => x.includes(referrals[1].name));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'inbox');
  });

  it('accepts one referral', async () => {
    const card = page.getByTestId('referral').filter({ hasText: referrals[0].name });
    await card.getByRole('button', { name: 'Aanvaarden' }).click();
    await waitFor(
      () => state(referrals[0].id),
      (s) => s === 'accepted',
      'the referral to be accepted',
    );
    await page.getByTestId('referral').filter({ hasText: referrals[0].name }).getByText('Aanvaard').waitFor();
  });

  it('refuses the other with a reason', async () => {
    const card = page.getByTestId('referral').filter({ hasText: referrals[1].name });
    await card.getByRole('button', { name: 'Weigeren' }).click();
    await card.getByLabel('Reden').fill('Opleiding is volzet dit kwartaal');
    await expectAccessible(page, 'inbox refusing');
    await card.getByRole('button', { name: 'Weigeren met reden' }).click();
    await waitFor(
      () => state(referrals[1].id),
      (s) => s === 'rejected',
      'the referral to be refused',
    );
    const [transition] = await rig.t.sql<{ reason: string }>(
      `select reason from referral_transitions where referral_id = $1 and to_state = 'rejected'`,
      [referrals[1].id],
    );
    expect(transition.reason).toBe('Opleiding is volzet dit kwartaal');
    await page.getByTestId('referral').filter({ hasText: referrals[1].name }).waitFor({ state: 'detached' });
  });

  it('records the MLP check: VDAB already runs a trajectory', async () => {
    const card = page.getByTestId('referral').filter({ hasText: referrals[0].name });
    await card.getByLabel('MLP-check (VDAB-traject?)').selectOption('active');
    await card.getByRole('button', { name: 'Registreren' }).click();
    await card.getByText('Gecontroleerd: Actief').waitFor();
    const [p] = await rig.t.sql<{ status: string }>(
      'select vdab_trajectory_status as status from participants where id = $1',
      [referrals[0].participantId],
    );
    expect(p.status).toBe('active');
  });
});
