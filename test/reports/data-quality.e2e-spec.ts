import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import {
  day,
  grant,
  insertContact,
  insertParticipant,
  insertTrajectory,
  reasonCodes,
} from './report-fixtures';

import { as } from '../support/api';

describe('quarterly follow-up and data quality', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let d: TestPartnership;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    [a, b, d] = [
      await createPartnership(t, 'A'),
      await createPartnership(t, 'B'),
      await createPartnership(t, 'D'),
    ];
    await t.sql(`update staff set fte = 0.5 where id = any($1)`, [[a.staff.coach.id, a.staff.coach2.id]]);
    const P = async (key: string) => (id[key] = await insertParticipant(t, a));

    // Q1 2025 runs from 2025-01-01 to 2025-03-31, Brussels time.
    const t1 = await insertTrajectory(t, a, await P('q1'), {
      referral_channel: 'vdab',
      started_at: day('2025-01-10'),
      intake_at: day('2025-01-15'),
      guidance_started_at: day('2025-01-20'),
    });
    const t2 = await insertTrajectory(t, a, await P('q2'), {
      referral_channel: 'ocmw',
      started_at: day('2025-02-01'),
      closed_at: day('2025-03-01'), // 28 days
      outcome: 'work',
    });
    await insertTrajectory(t, a, await P('q3'), {
      referral_channel: 'vdab',
      started_at: day('2024-10-01'),
      guidance_started_at: day('2024-11-01'),
      closed_at: day('2025-03-30'), // 180 days
      outcome: 'no_result',
    });
    await insertTrajectory(t, a, await P('q4'), {
      started_at: day('2024-12-01'),
      closed_at: day('2025-01-31'), // 61 days
      outcome: 'regular_activation',
      outcome_kind: 'glow',
    });
    // 23:30 on 31 March in Brussels (summer time): still the first quarter.
    await insertTrajectory(t, a, await P('q5'), {
      referral_channel: 'self',
      started_at: '2025-03-31T21:30:00Z',
      case_manager: 'coach2',
    });
    await insertTrajectory(t, a, await P('q6'), { started_at: day('2025-04-01'), case_manager: 'coach2' });
    const t7 = await insertTrajectory(t, a, await P('q7'), {
      started_at: day('2024-06-01'),
      guidance_started_at: day('2024-07-01'),
      case_manager: 'coachCaw',
    });
    for (let i = 0; i < 16; i++)
      await insertTrajectory(t, a, await P(`x${i}`), {
        started_at: day('2024-09-01'),
        case_manager: 'coach2',
      });

    await insertContact(t, a, t1, day('2025-02-03'), 'office', 60);
    await insertContact(t, a, t1, day('2025-03-03'), 'phone', 15);
    await insertContact(t, a, t7, day('2025-02-10'), 'home_visit', 90, 'coachCaw', true); // confidential, CAW
    await insertContact(t, a, t2, day('2024-12-15'), 'office', 30); // before the quarter
    await insertContact(t, a, t1, day('2025-04-02'), 'office', 45); // after it

    const other = await insertParticipant(t, b);
    await insertTrajectory(t, b, other, {
      referral_channel: 'vdab',
      started_at: day('2025-02-01'),
      closed_at: day('2025-02-15'),
      outcome: 'work',
    });
  });
  afterAll(() => t.close());

  describe('GET /reports/data-quality', () => {
    const dq: Record<string, string> = {};

    beforeAll(async () => {
      // Each an ESF participant: a trajectory that reached intake and closed with an outcome, so the
      // 60-day sign-up check (rule 2) has nothing to say about them.
      const P = async (key: string, row: Parameters<typeof insertParticipant>[2] = {}) => {
        dq[key] = await insertParticipant(t, d, { entry_date: '2025-06-01', ...row });
        await insertTrajectory(t, d, dq[key], {
          started_at: day('2025-06-01'),
          intake_at: day('2025-06-01'),
          closed_at: day('2025-07-01'),
          outcome: 'no_result',
        });
        return dq[key];
      };
      await P('noLabour', { labour_status: null, long_term_unemployed: null });
      await P('adultPupil', { labour_status: 'in_education', birth_date: '2005-01-01' }); // 20 at entry
      await P('pupil', { labour_status: 'in_education', birth_date: '2008-01-01' }); // 17: fine
      await P('ltuMissing', { long_term_unemployed: null });
      await P('declined', { disability: 'declined', minority: 'declined' }); // declining is an answer
      await P('noTcn', { third_country_national: null });
      await P('ltuInactive', { labour_status: 'inactive', long_term_unemployed: true });
      await P('belgianTcn', { nationality: 'BE', third_country_national: true });
      await P('frenchTcn', { nationality: 'FR', third_country_national: true });
      await P('moroccanTcn', { nationality: 'MA', third_country_national: true }); // consistent
      await P('belgian', { nationality: 'BE', third_country_national: false });
      await P('fine');
      await insertTrajectory(t, d, await P('silent'), { started_at: day('2026-01-05') });
      const spoken = await insertTrajectory(t, d, await P('spoken'), {
        started_at: day('2026-01-05'),
        case_manager: 'coachCaw',
      });
      await insertContact(
        t,
        d,
        spoken,
        // Ten days before the server's clock (the injected one): inside the 90 days on any date.
        new Date(t.clock.now().getTime() - 10 * 86400_000).toISOString(),
        'phone',
        10,
        'coachCaw',
        true,
      );
    });

    const list = (
      who: Parameters<TestPartnership['auth']>[0] = 'coordinator',
      query: Record<string, string> = {},
    ) =>
      as(t, d.auth(who))
        .get('/reports/data-quality', { query })
        // The messages are checked in English here; Dutch is the default (test/reports/quarterly-empowerment).
        .set('accept-language', 'en');

    it('lists each participant with incomplete or inconsistent entry data once, with every reason', async () => {
      await grant(t, d, dq.noLabour, d.orgs.stad.id, 'summary');
      const res = await list().expect(200);
      const reasons = reasonCodes(res.body);
      expect(reasons).toEqual({
        // Rule 3: an ESF participant without a labour status counts in the grand total only.
        [dq.noLabour]: ['labour_status_missing', 'esf_entry_data_incomplete'],
        [dq.adultPupil]: ['adult_in_education'],
        [dq.ltuMissing]: ['long_term_unemployed_missing'],
        [dq.noTcn]: ['third_country_national_missing'],
        [dq.ltuInactive]: ['long_term_without_unemployed'],
        [dq.belgianTcn]: ['eu_national_third_country'],
        [dq.frenchTcn]: ['eu_national_third_country'],
        [dq.silent]: ['no_contact_90_days'],
      });
      expect(res.body.total).toBe(8);
      const belgian = res.body.items.find(
        (i: { participantId: string }) => i.participantId === dq.belgianTcn,
      );
      expect(belgian.reasons[0].message).toMatch(/third-country national/);
      const named = res.body.items.filter((i: Record<string, unknown>) => 'firstName' in i);
      expect(named.map((i: { participantId: string }) => i.participantId)).toEqual([dq.noLabour]);
      expect(res.body.items[0].reasons[0].message.length).toBeGreaterThan(10);
    });

    it('pages', async () => {
      const res = await list('coordinator', { limit: '3', page: '3' }).expect(200);
      expect(res.body).toMatchObject({ total: 8, page: 3, limit: 3 });
      expect(res.body.items).toHaveLength(2);
    });

    it('refuses a coach with 403 and no token with 401, and shows another partnership nothing of this one', async () => {
      await list('coach').expect(403);
      await t.http().get('/reports/data-quality').expect(401);
      const other = await as(t, b.auth('coordinator')).get('/reports/data-quality').expect(200);
      expect(other.body.items.map((i: { participantId: string }) => i.participantId)).not.toEqual(
        expect.arrayContaining([dq.noLabour]),
      );
      await list('coordinator', { limit: '500' }).expect(400);
    });
  });
});
