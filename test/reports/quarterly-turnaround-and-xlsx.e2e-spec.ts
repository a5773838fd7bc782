import type { TestPartnership } from '../factories/partnership.factory';
import type { TestApp } from '../harness/test-app';
import { day, insertParticipant, insertReferral } from './report-fixtures';
import { useQuarterlyWorld } from './quarterly-world';
import {
  contactPlacesFromSheets,
  empowermentFromSheets,
  feedbackFromSheets,
  LoadedBook,
  sheetRows,
  loadExcelForTest,
} from './xlsx-sheets';
import { as } from '../support/api';

describe('quarterly follow-up and data quality', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let id: Record<string, string>;
  const { quarterly } = useQuarterlyWorld((world) => ({ t, a, b, id } = world));

  describe('referral turnaround in GET /reports/quarterly', () => {
    beforeAll(async () => {
      const R = (
        target: 'vdab' | 'ocmw' | 'partnership',
        submittedAt: string,
        ...steps: [string, string][]
      ) =>
        insertReferral(t, a, id.q1, {
          target,
          submittedAt,
          steps: steps as Parameters<typeof insertReferral>[3]['steps'],
        });
      // VDAB, decided in Q1: 2, 4 and 10 days.
      await R(
        'vdab',
        day('2025-01-06'),
        ['accepted', day('2025-01-08')],
        ['in_progress', day('2025-01-09')],
        [
          'completed',
          day('2025-02-05'), // completed after 30 days
        ],
      );
      await R('vdab', day('2025-02-01'), ['rejected', day('2025-02-05')]);
      await R('vdab', day('2025-03-01'), ['accepted', day('2025-03-11')], ['in_progress', day('2025-03-12')]);
      // Decided in Q4 2024, completed in Q1 after 90 days (20 December to 20 March).
      await R(
        'vdab',
        day('2024-12-20'),
        ['accepted', day('2024-12-23')],
        ['in_progress', day('2025-01-02')],
        ['completed', day('2025-03-20')],
      );
      await R('vdab', day('2025-03-25'), ['accepted', day('2025-04-02')]); // decided in Q2
      await R('vdab', day('2025-01-10'), ['cancelled', day('2025-01-12')]); // never decided
      await R('vdab', day('2025-03-28')); // still waiting
      // OCMW: twelve hours.
      await R('ocmw', '2025-01-15T10:00:00Z', ['accepted', '2025-01-15T22:00:00Z']);
      // Inbound: accepted at 23:30 on 31 March in Brussels (Q1) after 1.5 hours; the other rejected
      // at 00:30 on 1 April in Brussels, which is Q2.
      await R('partnership', '2025-03-31T20:00:00Z', ['accepted', '2025-03-31T21:30:00Z']);
      await R('partnership', day('2025-03-30'), ['rejected', '2025-03-31T22:30:00Z']);

      const other = await insertParticipant(t, b);
      await insertReferral(t, b, other, {
        target: 'vdab',
        submittedAt: day('2025-01-06'),
        steps: [['accepted', day('2025-01-26')]],
      });
    });

    it('gives median and p90 days to the first decision and to completion per target, as worked out by hand', async () => {
      const res = await quarterly({ year: 2025, quarter: 1 }).expect(200);
      expect(res.body.referralTurnaround.definition).toMatch(/first decision/);
      expect(res.body.referralTurnaround.byTarget).toEqual({
        // Decisions 2, 4, 10: median 4; p90 = 4 + 0.8 × (10 − 4) = 8.8. Completions 30, 90: median 60;
        // p90 = 30 + 0.9 × 60 = 84.
        vdab: {
          decided: 3,
          accepted: 2,
          rejected: 1,
          toDecision: { medianDays: 4, p90Days: 8.8 },
          completed: 2,
          toCompletion: { medianDays: 60, p90Days: 84 },
        },
        ocmw: {
          decided: 1,
          accepted: 1,
          rejected: 0,
          toDecision: { medianDays: 0.5, p90Days: 0.5 },
          completed: 0,
          toCompletion: { medianDays: null, p90Days: null },
        },
        // 1.5 hours = 0.0625 days, shown to one decimal.
        partnership: {
          decided: 1,
          accepted: 1,
          rejected: 0,
          toDecision: { medianDays: 0.1, p90Days: 0.1 },
          completed: 0,
          toCompletion: { medianDays: null, p90Days: null },
        },
      });
    });

    it('counts the rejection at 00:30 on 1 April in the second quarter, and the late VDAB decision too', async () => {
      const res = await quarterly({ year: 2025, quarter: 2 }).expect(200);
      expect(res.body.referralTurnaround.byTarget.partnership).toMatchObject({ decided: 1, rejected: 1 });
      // Submitted 25 March 10:00, accepted 2 April 10:00 (both UTC): 8 days.
      expect(res.body.referralTurnaround.byTarget.vdab).toMatchObject({
        decided: 1,
        toDecision: { medianDays: 8, p90Days: 8 },
      });
    });

    it("shows another partnership only its own referrals, and the function gives nothing outside a tenant's context", async () => {
      const res = await quarterly({ year: 2025, quarter: 1 }, 'coordinator', b).expect(200);
      expect(res.body.referralTurnaround.byTarget.vdab).toMatchObject({
        decided: 1,
        toDecision: { medianDays: 20, p90Days: 20 },
      });
      expect(res.body.referralTurnaround.byTarget.ocmw.decided).toBe(0);
      const none = await t.sql(`select * from app_report_referral_turnaround('2000-01-01', '2100-01-01')`);
      expect(none).toEqual([]);
      const [rights] = await t.sql<{ app: boolean; reader: boolean; anyone: boolean }>(
        `select has_function_privilege('jobteam_app', 'app_report_referral_turnaround(timestamptz, timestamptz)', 'execute') as app,
                has_function_privilege('jobteam_tenant_reader', 'app_report_referral_turnaround(timestamptz, timestamptz)', 'execute') as reader,
                exists (select 1 from pg_proc p, aclexplode(p.proacl) x where p.proname = 'app_report_referral_turnaround'
                         and x.grantee = 0) as anyone`,
      );
      expect(rights).toEqual({ app: true, reader: true, anyone: false });
    });
  });

  describe('GET /reports/quarterly.xlsx', () => {
    const download = (who: Parameters<TestPartnership['auth']>[0] = 'coordinator', p = a) =>
      as(t, p.auth(who))
        .get('/reports/quarterly.xlsx', { query: { year: 2025, quarter: 1 }, lang: 'en' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

    it('has one sheet per section that reads back to exactly the JSON figures, and is audited as an export', async () => {
      const excel = await loadExcelForTest<{ Workbook: new () => LoadedBook }>();
      if (!excel) {
        const res = await download().expect(503);
        expect(res.body.code).toBe('XLSX_UNAVAILABLE');
        return;
      }
      const res = await download().expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain('quarterly-2025-Q1.xlsx');
      const book = new excel.Workbook();
      await book.xlsx.load(res.body as Buffer);
      expect(book.worksheets.map((w) => w.name)).toEqual([
        'Summary',
        'Inflow',
        'Reach',
        'Exits',
        'Work target',
        'Duration',
        'Contact intensity',
        'Caseload per coach',
        'Caseload per organisation',
        'Referral turnaround',
        'Empowerment coverage',
        'Distance travelled',
        'Participant feedback',
        'Sustainable work',
        'Contact places',
        'Interpreter use',
      ]);
      const rows = sheetRows(book);
      const kv = (name: string) => new Map(rows(name).map((r) => [r[0] as string, r[1]]));
      const upTo = (name: string, last: string) => {
        const all = rows(name);
        return all.slice(
          0,
          all.findIndex((r) => r[0] === last),
        );
      };

      const work = (scope: string) =>
        upTo('Work target', 'definition')
          .filter((r) => r[0] === scope)
          .map(([, key, name, reached, toWork, shareOfReached, yr, yw, ys]) => ({
            key,
            name,
            reached,
            toWork,
            shareOfReached,
            projectYear: { reached: yr, toWork: yw, shareOfReached: ys },
          }));
      const summary = kv('Summary');
      const exits = kv('Exits');
      const intensity = kv('Contact intensity');
      const coaches = kv('Caseload per coach');
      const byKind = rows('Contact intensity').slice(0, 8);
      const rebuilt = {
        year: summary.get('year'),
        quarter: summary.get('quarter'),
        period: { from: summary.get('from'), to: summary.get('to') },
        inflow: {
          byReferralChannel: Object.fromEntries(upTo('Inflow', 'total')),
          trajectoriesStarted: kv('Inflow').get('total'),
        },
        reach: {
          definition: kv('Reach').get('definition'),
          reached: kv('Reach').get('reached'),
          intensive: kv('Reach').get('intensive'),
          esfEntrants: kv('Reach').get('esf entrants'),
        },
        activeTrajectoriesAtQuarterEnd: summary.get('active trajectories at quarter end'),
        exits: {
          definition: exits.get('definition'),
          byOutcome: Object.fromEntries(upTo('Exits', 'total')),
          total: exits.get('total'),
          toWork: {
            definition: kv('Work target').get('definition'),
            exits: exits.get('to work'),
            reached: exits.get('reached'),
            shareOfReached: exits.get('share of reached to work'),
            shareOfExits: exits.get('share of exits to work'),
            projectYear: work('partnership')[0].projectYear,
            target: { min: exits.get('target minimum'), max: exits.get('target maximum') },
            status: exits.get('status'),
            byOrganisation: work('organisation').map(({ key, name, ...s }) => ({
              organisationId: key,
              name,
              ...s,
            })),
            byReferralChannel: Object.fromEntries(
              work('referral channel').map((w) => [
                w.key,
                {
                  reached: w.reached,
                  toWork: w.toWork,
                  shareOfReached: w.shareOfReached,
                  projectYear: w.projectYear,
                },
              ]),
            ),
            byPersona: upTo('Work target', 'definition')
              .filter((r) => r[0] === 'persona')
              .map(([, personaId, name, reached, toWork, shareOfReached, yr, yw, ys, exits, ye]) => ({
                personaId,
                name,
                reached,
                toWork,
                shareOfReached,
                exits,
                projectYear: { reached: yr, toWork: yw, shareOfReached: ys, exits: ye },
              })),
          },
        },
        duration: {
          definition: kv('Duration').get('definition'),
          closedTrajectories: rows('Duration')[0][0],
          medianDays: rows('Duration')[0][1],
          p90Days: rows('Duration')[0][2],
        },
        contactIntensity: {
          definition: intensity.get('definition'),
          activeTrajectoriesDuringQuarter: intensity.get('active trajectories during the quarter'),
          byKind: Object.fromEntries(
            byKind.map(([kind, contacts, minutes, cpt, mpt]) => [
              kind,
              { contacts, minutes, contactsPerTrajectory: cpt, minutesPerTrajectory: mpt },
            ]),
          ),
        },
        caseload: {
          definition: coaches.get('definition'),
          normPerFte: coaches.get('norm per fte'),
          flagAbovePerFte: coaches.get('flag above per fte'),
          perCoach: upTo('Caseload per coach', 'norm per fte').map(
            ([staffId, name, organisationId, fte, activeTrajectories, perFte, overNorm, flagged]) => ({
              staffId,
              name,
              organisationId,
              fte,
              activeTrajectories,
              perFte,
              overNorm,
              flagged,
            }),
          ),
          perOrganisation: rows('Caseload per organisation').map(
            ([organisationId, name, fte, activeTrajectories, perFte]) => ({
              organisationId,
              name,
              fte,
              activeTrajectories,
              perFte,
            }),
          ),
        },
        referralTurnaround: {
          definition: kv('Referral turnaround').get('definition'),
          byTarget: Object.fromEntries(
            rows('Referral turnaround')
              .slice(0, 3)
              .map(([target, decided, accepted, rejected, dm, d90, completed, cm, c90]) => [
                target,
                {
                  decided,
                  accepted,
                  rejected,
                  toDecision: { medianDays: dm, p90Days: d90 },
                  completed,
                  toCompletion: { medianDays: cm, p90Days: c90 },
                },
              ]),
          ),
        },
        empowermentCoverage: empowermentFromSheets(rows),
        participantFeedback: feedbackFromSheets(rows),
        sustainableWork: {
          definition: kv('Sustainable work').get('definition'),
          exitsToWork: kv('Sustainable work').get('exits to work'),
          withPlacement: kv('Sustainable work').get('with placement'),
          withoutPlacement: kv('Sustainable work').get('without placement'),
          sustainable: kv('Sustainable work').get('sustainable'),
          shareOfExitsToWork: kv('Sustainable work').get('share of exits to work'),
        },
        contactPlaces: contactPlacesFromSheets(rows),
      };
      const json = (await quarterly({ year: 2025, quarter: 1 }).expect(200)).body;
      expect(rebuilt).toEqual(json);
      // Figures that a broken sheet would get wrong, so the comparison above cannot pass on empties.
      expect(rebuilt.referralTurnaround.byTarget.vdab.toDecision).toEqual({ medianDays: 4, p90Days: 8.8 });
      expect(rebuilt.caseload.perCoach.length).toBeGreaterThan(3);

      // The body can reach the client a moment before the request transaction commits its audit row.
      const audited = async () => {
        for (let i = 0; ; i++) {
          const found = await t.sql<{ actor_id: string; details: unknown }>(
            `select actor_id, details from audit_events
              where partnership_id = $1 and action = 'export' and resource_type = 'report.quarterly'`,
            [a.id],
          );
          if (found.length > 0 || i > 40) return found;
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      expect(await audited()).toEqual([
        { actor_id: a.staff.coordinator.id, details: { format: 'xlsx', year: 2025, quarter: 1 } },
      ]);
    });

    it('rejects a bad quarter with 400, no token with 401 and a coach with 403', async () => {
      await as(t, a.auth('coordinator'))
        .get('/reports/quarterly.xlsx', { query: { year: 2025, quarter: 0 } })
        .expect(400);
      await t.http().get('/reports/quarterly.xlsx').query({ year: 2025, quarter: 1 }).expect(401);
      await download('coach').expect(403);
    });
  });
});
