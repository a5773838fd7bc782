import { scores } from '../assessments/helpers';
import { syntheticInsz } from '../factories/insz';
import { createPartnership, StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { addCaseWork } from './case-fixtures';
import { as } from '../support/api';

const monthsAgo = (n: number) => new Date(Date.now() - n * 30.5 * 86400_000).toISOString();
const TEXT = {
  goal: 'Rijbewijs halen voor werk in de haven',
  note: 'Woont bij zus, huurachterstand',
  contact: 'Gesprek over sollicitatie bij De Lijn',
  confidential: 'Vertrouwelijk: schulden bij familie',
  foreignConfidential: 'CAW vertrouwelijk: begeleiding relatie',
};

describe('data-subject rights', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
  });
  afterAll(() => t.close());

  const get = (path: string, who: StaffKey, p = a) => as(t, p.auth(who)).get(path);
  const pseudonymise = (id: string, who: StaffKey = 'dpo', p = a) =>
    as(t, p.auth(who)).post(`/participants/${id}/pseudonymise`);
  const close = (trajectoryId: string, at: string) =>
    as(t, a.auth('coach'))
      .post(`/trajectories/${trajectoryId}/transitions`, {
        to: 'afgesloten',
        at,
        outcome: 'work',
        note: 'Vast contract bij bakkerij Van Damme',
      })
      .expect(200);
  const share = (id: string, scope = 'partnership_sharing') =>
    as(t, a.auth('coach'))
      .post(`/participants/${id}/consents`, {
        scope,
        basis: 'consent',
        givenAt: new Date().toISOString(),
        evidence: 'Formulier TS-2025-044',
      })
      .expect(201);

  describe('GET /participants/{id}/access-log', () => {
    it('tells the participant who (role and organisation, no names), when, what and why', async () => {
      const p = await createParticipant(t, a);
      await share(p.id);
      await get(`/participants/${p.id}`, 'coachCaw').expect(200);
      const res = await get(`/participants/${p.id}/access-log`, 'coach').expect(200);
      expect(res.body).toMatchObject({ page: 1, limit: 50 });
      const lines = res.body.items.map(
        (e: {
          who: { roles: string[]; organisation: string };
          what: { action: string; resource: string };
          why: { code: string };
        }) =>
          `${e.who.roles.join('+')}@${e.who.organisation} ${e.what.action} ${e.what.resource} because ${e.why?.code}`,
      );
      expect(lines).toEqual([
        'coach@CAW Oost-Vlaanderen read participant because consent_partnership',
        'coach@Compaan grant participant because consent_partnership',
        'coach@Compaan create consent because consent',
        'coach@Compaan create participant because owner',
      ]);
      expect(res.body.total).toBe(4);
      expect(res.body.items[0].why.text).toBe('Sharing within the partnership, based on your consent');
      expect(new Date(res.body.items[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(JSON.stringify(res.body)).not.toMatch(/Test coach|@test\.jobteam|staffId|actorId/);
    });

    it('serves the DPO, who holds no grant, and is itself logged', async () => {
      const p = await createParticipant(t, a);
      const res = await get(`/participants/${p.id}/access-log`, 'dpo').expect(200);
      expect(res.body.items.map((e: { what: { action: string } }) => e.what.action)).toEqual(['create']);
      const again = await get(`/participants/${p.id}/access-log`, 'coach').expect(200);
      expect(again.body.items[0]).toMatchObject({
        who: { roles: ['dpo'], organisation: 'Stad Gent' },
        what: { action: 'read', resource: 'participant.access_log' },
        why: { code: 'data_subject_request' },
      });
    });

    it('answers 403 below full scope, 404 without a grant or in another partnership, 401 without a token', async () => {
      const p = await createParticipant(t, a);
      await share(p.id);
      const narrow = await get(`/participants/${p.id}/access-log`, 'coachCaw').expect(403);
      expect(narrow.body.code).toBe('SCOPE_INSUFFICIENT');
      await get(`/participants/${p.id}/access-log`, 'admin').expect(403);
      const q = await createParticipant(t, a);
      await get(`/participants/${q.id}/access-log`, 'coachCaw').expect(404);
      await get(`/participants/${q.id}/access-log`, 'coordinator').expect(404);
      await get(`/participants/${q.id}/access-log`, 'dpo', b).expect(404);
      await get(`/participants/${q.id}/access-log?limit=0`, 'coach').expect(400);
      await t.http().get(`/participants/${q.id}/access-log`).expect(401);
    });
  });

  describe('GET /participants/{id}/export', () => {
    let participant: { id: string } & Record<string, unknown>;
    const insz = syntheticInsz('1982-04-09', 77);

    beforeAll(async () => {
      participant = await createParticipant(t, a, 'coach', {
        birthDate: '1982-04-09',
        insz,
        email: 'Deelnemer@Example.org',
      });
      // Stored before the basis rule (issue 13, rule 7): the API now refuses 'yes' without a basis.
      await t.sql(`update participants set disability = 'yes' where id = $1`, [participant.id]);
      const tr = await startTrajectory(t, a, participant.id);
      await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coachCaw.id })
        .expect(201);
      await addCaseWork(t, a, { participantId: participant.id, trajectoryId: tr.id }, TEXT);
      await share(participant.id, 'vdab_exchange');
    });

    it("gives the case manager's organisation everything, minus another organisation's confidential notes", async () => {
      const res = await get(`/participants/${participant.id}/export`, 'coach2').expect(200);
      const body = res.body;
      expect(body.participantId).toBe(participant.id);
      expect(body.identity).toMatchObject({
        firstName: participant.firstName,
        birthDate: '1982-04-09',
        insz,
        email: 'deelnemer@example.org',
      });
      // No special_categories basis recorded: the owner's export leaves art. 9 out.
      expect(body.profile).toMatchObject({ labourStatus: 'unemployed', referralChannel: 'outreach' });
      expect(body.profile).not.toHaveProperty('disability');
      expect(body.trajectories).toHaveLength(1);
      expect(body.trajectories[0]).toMatchObject({
        status: 'aanmelding',
        ownerOrganisation: 'Compaan',
        transitions: [{ from: null, to: 'aanmelding' }],
        caseManagers: [{ organisation: 'Compaan', to: null }],
        coCoaches: [{ organisation: 'CAW Oost-Vlaanderen', to: null }],
      });
      // A date column is a calendar day (YYYY-MM-DD), not a timestamp shifted by the server's time zone.
      expect(body.goals).toMatchObject([
        { title: TEXT.goal, lifeDomain: 'work', status: 'open', targetDate: '2026-03-31' },
      ]);
      expect(body.lifeDomains).toMatchObject([{ domain: 'housing', severity: 4, note: TEXT.note }]);
      expect(body.contacts.map((c: { summary: string }) => c.summary).sort()).toEqual(
        [TEXT.confidential, TEXT.contact].sort(),
      );
      expect(JSON.stringify(body)).not.toContain(TEXT.foreignConfidential);
      expect(body.consents).toMatchObject([{ scope: 'vdab_exchange', basis: 'consent', withdrawnAt: null }]);
      expect(body.accessGrants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organisation: 'Compaan', scope: 'full', reason: 'owner', endedAt: null }),
          expect.objectContaining({ organisation: 'CAW Oost-Vlaanderen', scope: 'case', reason: 'co_coach' }),
        ]),
      );
      expect(body.accessLog.length).toBeGreaterThan(3);
      expect(JSON.stringify(body)).not.toMatch(/Test coach|@test\.jobteam/);
      const [logged] = await t.sql<{ actor_id: string; scope: string; reason: string }>(
        `select actor_id, scope, reason from audit_events where participant_id = $1 and action = 'export'`,
        [participant.id],
      );
      expect(logged).toEqual({ actor_id: a.staff.coach2.id, scope: 'full', reason: 'data_subject_request' });
    });

    it("gives the DPO the same file through the tenant reader, art. 9 included, still without other organisations' confidential notes", async () => {
      const res = await get(`/participants/${participant.id}/export`, 'dpo').expect(200);
      expect(res.body.identity.insz).toBe(insz);
      expect(res.body.profile.disability).toBe('yes');
      expect(res.body.goals).toHaveLength(1);
      expect(res.body.contacts.map((c: { summary: string }) => c.summary)).toEqual([TEXT.contact]);
      expect(res.body.accessLog[0]).toMatchObject({ what: { action: 'export' }, who: { roles: ['dpo'] } });
    });

    it('adds the referrals with their transitions and the follow-ups, for the owner and the DPO, and nothing about other participants', async () => {
      const p = await createParticipant(t, a);
      const other = await createParticipant(t, a);
      await share(p.id, 'vdab_exchange');
      await share(other.id, 'vdab_exchange');
      const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: monthsAgo(3) });
      const refer = (participantId: string, note: string) =>
        as(t, a.auth('coach'))
          .post('/referrals', {
            direction: 'outbound',
            target: 'vdab',
            kind: 'training',
            participantId,
            note,
          })
          .expect(201);
      const mine = (await refer(p.id, 'Interesse in heftruckopleiding')).body;
      const theirs = (await refer(other.id, 'Andere deelnemer: taalcursus')).body;
      const accepted = await as(t, a.auth('spocVdab'))
        .post(`/referrals/${mine.id}/transitions`, { to: 'accepted', note: 'Start in september' })
        .expect(200);
      await close(tr.id, monthsAgo(1));
      const today = new Date().toISOString().slice(0, 10);
      const followUp = await as(t, a.auth('coach'))
        .post(`/trajectories/${tr.id}/follow-ups`, {
          at: today,
          situation: 'employed',
          note: 'Werkt als heftruckchauffeur',
        })
        .expect(201);

      for (const who of ['coach', 'dpo'] as const) {
        const body = (await get(`/participants/${p.id}/export`, who).expect(200)).body;
        expect({ as: who, referrals: body.referrals }).toEqual({
          as: who,
          referrals: [
            {
              id: mine.id,
              direction: 'outbound',
              target: 'vdab',
              kind: 'training',
              state: 'accepted',
              senderOrganisation: 'Compaan',
              targetOrganisation: 'VDAB',
              note: 'Interesse in heftruckopleiding',
              submittedAt: mine.submittedAt,
              dueAt: mine.dueAt,
              closedAt: null,
              transitions: [
                {
                  from: null,
                  to: 'submitted',
                  at: mine.submittedAt,
                  organisation: 'Compaan',
                  reason: null,
                  note: null,
                },
                {
                  from: 'submitted',
                  to: 'accepted',
                  at: accepted.body.transitions[1].at,
                  organisation: 'VDAB',
                  reason: null,
                  note: 'Start in september',
                },
              ],
            },
          ],
        });
        expect({ as: who, followUps: body.followUps }).toEqual({
          as: who,
          followUps: [
            {
              id: followUp.body.id,
              trajectoryId: tr.id,
              at: today,
              situation: 'employed',
              improvedSituation: null,
              note: 'Werkt als heftruckchauffeur',
              recordedByOrganisation: 'Compaan',
              recordedAt: followUp.body.createdAt,
            },
          ],
        });
        const text = JSON.stringify(body);
        for (const s of [
          theirs.id,
          'Andere deelnemer',
          other.id,
          other.lastName as string,
          a.staff.spocVdab.id,
        ])
          expect(text).not.toContain(s);
      }
      // The function behind it answers only the owning organisation and the DPO.
      await expect(
        t.db.runAsStaff({ tenantId: a.id, staffId: a.staff.coachIntro.id, requestId: 'export-proof' }, () =>
          t.db.manager.query('select * from app_subject_referrals($1)', [p.id]),
        ),
      ).rejects.toThrow(/only the owning organisation or a DPO/);
      const asOwner = await t.db.runAsStaff(
        { tenantId: a.id, staffId: a.staff.coach2.id, requestId: 'export-proof' },
        () => t.db.manager.query('select id from app_subject_referrals($1)', [p.id]),
      );
      expect(asOwner).toEqual([{ id: mine.id }]);
    });

    it("adds the participant's assessments with instrument, kind, date, scores and note, for the owner and the DPO", async () => {
      const p = await createParticipant(t, a);
      const other = await createParticipant(t, a);
      const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: monthsAgo(6) });
      const theirs = await startTrajectory(t, a, other.id, 'coach', { startedAt: monthsAgo(6) });
      const assess = (trajectoryId: string, body: Record<string, unknown>) =>
        as(t, a.auth('coach')).post(`/trajectories/${trajectoryId}/assessments`, body).expect(201);
      const baseline = await assess(tr.id, {
        instrument: 'empowerment',
        kind: 'baseline',
        takenAt: monthsAgo(5),
        scores: scores(4, 5, 3, 6, 4, 2),
        participantScores: scores(6, 5, 5, 6, 3, 4),
        participantPresent: true,
        note: 'Wil eerst de schulden regelen',
      });
      const review = await assess(tr.id, {
        instrument: 'empowerment',
        kind: 'review',
        takenAt: monthsAgo(2),
        scores: scores(5, 6, 4, 6, 5, 3),
      });
      const release = await assess(tr.id, {
        instrument: 'release_scale',
        kind: 'baseline',
        takenAt: monthsAgo(1),
        scores: { release: 7 },
      });
      await assess(theirs.id, {
        instrument: 'empowerment',
        kind: 'baseline',
        takenAt: monthsAgo(4),
        scores: scores(1, 1, 1, 1, 1, 1),
        note: 'Andere deelnemer: taalcursus',
      });

      for (const who of ['coach2', 'dpo'] as const) {
        const body = (await get(`/participants/${p.id}/export`, who).expect(200)).body;
        expect({ as: who, assessments: body.assessments }).toEqual({
          as: who,
          assessments: [
            {
              id: baseline.body.id,
              trajectoryId: tr.id,
              instrument: { key: 'empowerment', version: 1 },
              kind: 'baseline',
              perspective: 'agreed',
              takenAt: baseline.body.takenAt,
              scores: scores(4, 5, 3, 6, 4, 2),
              participantScores: scores(6, 5, 5, 6, 3, 4),
              participantPresent: true,
              note: 'Wil eerst de schulden regelen',
              assessedByOrganisation: 'Compaan',
              recordedAt: baseline.body.createdAt,
            },
            {
              id: review.body.id,
              trajectoryId: tr.id,
              instrument: { key: 'empowerment', version: 1 },
              kind: 'review',
              perspective: 'agreed',
              takenAt: review.body.takenAt,
              scores: scores(5, 6, 4, 6, 5, 3),
              participantScores: null,
              participantPresent: null,
              note: null,
              assessedByOrganisation: 'Compaan',
              recordedAt: review.body.createdAt,
            },
            {
              id: release.body.id,
              trajectoryId: tr.id,
              instrument: { key: 'release_scale', version: 1 },
              kind: 'baseline',
              perspective: 'agreed',
              takenAt: release.body.takenAt,
              scores: { release: 7 },
              participantScores: null,
              participantPresent: null,
              note: null,
              assessedByOrganisation: 'Compaan',
              recordedAt: release.body.createdAt,
            },
          ],
        });
        const text = JSON.stringify(body);
        for (const s of ['Andere deelnemer', other.id, theirs.id, a.staff.coach.id])
          expect(text).not.toContain(s);
      }
    });

    it('refuses the co-coach (case scope) with 403, others with 404, and roles without subject.export with 403', async () => {
      await get(`/participants/${participant.id}/export`, 'coachCaw').expect(403);
      await get(`/participants/${participant.id}/export`, 'coachIntro').expect(404);
      await get(`/participants/${participant.id}/export`, 'dpo', b).expect(404);
      await get(`/participants/${participant.id}/export`, 'coordinator').expect(403);
      await get(`/participants/00000000-0000-4000-8000-000000000001/export`, 'dpo').expect(404);
    });
  });

  describe('POST /participants/{id}/pseudonymise', () => {
    it('refuses while a trajectory is open, then replaces identity and free text but keeps the ESF+ data', async () => {
      const p = await createParticipant(t, a, 'coach', {
        insz: syntheticInsz('1990-05-17', 88),
        email: 'iemand@example.org',
        referrer: 'Buurtwerker Rabot',
        address: { street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent', wijk: 'Rabot-Blaisantvest' },
      });
      const tr = await startTrajectory(t, a, p.id, 'coach', { startedAt: monthsAgo(3) });
      await addCaseWork(t, a, { participantId: p.id, trajectoryId: tr.id }, TEXT);
      await share(p.id, 'special_categories');
      const open = await pseudonymise(p.id).expect(409);
      expect(open.body.code).toBe('PARTICIPANT_HAS_OPEN_TRAJECTORY');
      const closedAt = monthsAgo(1);
      await close(tr.id, closedAt);

      await pseudonymise(p.id, 'coach').expect(403);
      await pseudonymise(p.id, 'dpo', b).expect(404);
      const res = await pseudonymise(p.id).send({ note: 'Verzoek tot wissing 2025-117' }).expect(200);
      expect(res.body.pseudonym).toMatch(/^Pseudoniem-[0-9a-f]{8}$/);

      const [row] = await t.sql<Record<string, unknown>>('select * from participants where id = $1', [p.id]);
      expect(row).toMatchObject({
        first_name: 'Pseudoniem',
        last_name: res.body.pseudonym.slice('Pseudoniem-'.length),
        insz_hash: null,
        insz_encrypted: null,
        phone: null,
        email: null,
        street: null,
        referrer: null,
        labour_status: 'unemployed',
        education_level: 'isced_0_2',
        postal_code: '9000',
        wijk: 'Rabot-Blaisantvest',
      });
      expect(row.pseudonymised_at).not.toBeNull();
      const [traj] = await t.sql<Record<string, unknown>>('select * from trajectories where id = $1', [
        tr.id,
      ]);
      expect(traj).toMatchObject({ status: 'afgesloten', outcome: 'work', referrer: null });
      expect((traj.closed_at as Date).toISOString()).toBe(closedAt);
      const free = await t.sql<{ text: string | null }>(
        `select note as text from trajectory_transitions where participant_id = $1
         union all select note from case_manager_assignments where participant_id = $1
         union all select title || steps::text from goals where participant_id = $1
         union all select note from life_domains where participant_id = $1
         union all select summary from contacts where participant_id = $1
         union all select evidence from consents where participant_id = $1`,
        [p.id],
      );
      const leftovers = JSON.stringify(free);
      for (const s of [...Object.values(TEXT), 'Van Damme', 'TS-2025-044'])
        expect(leftovers).not.toContain(s);
      const [{ n }] = await t.sql<{ n: number }>(
        `select count(*)::int as n from goals where participant_id = $1 and title = 'Doel' and life_domain = 'work'`,
        [p.id],
      );
      expect(n).toBe(1);

      // The owner still has the file, now under the pseudonym.
      const seen = await get(`/participants/${p.id}`, 'coach').expect(200);
      expect(seen.body).toMatchObject({ firstName: 'Pseudoniem', pseudonymised: true, phone: null });
      expect(seen.body.insz).toBeNull();
      const again = await pseudonymise(p.id).expect(409);
      expect(again.body.code).toBe('PARTICIPANT_ALREADY_PSEUDONYMISED');
      const [audit] = await t.sql<{ actor_id: string; details: unknown }>(
        `select actor_id, details from audit_events where participant_id = $1 and action = 'pseudonymise'`,
        [p.id],
      );
      expect(audit).toEqual({ actor_id: a.staff.dpo.id, details: { note: 'Verzoek tot wissing 2025-117' } });
    });

    it('answers 404 for an unknown id and 400 for a malformed one or an unknown field', async () => {
      await pseudonymise('00000000-0000-4000-8000-000000000002').expect(404);
      await pseudonymise('not-a-uuid').expect(400);
      const p = await createParticipant(t, a);
      await pseudonymise(p.id).send({ firstName: 'x' }).expect(400);
    });
  });
});
