import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import {
  day,
  grant,
  insertContact,
  insertParticipant,
  insertTrajectory,
  reasonCodes,
} from './report-fixtures';
import { useQuarterlyWorld } from './quarterly-world';

import { as } from '../support/api';

describe('quarterly follow-up and data quality', () => {
  let t: TestApp;
  let b: TestPartnership;
  let d: TestPartnership;
  useQuarterlyWorld((world) => ({ t, b, d } = world));

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
