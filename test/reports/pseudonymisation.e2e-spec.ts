import { codeOf } from '../../src/reports/esf-indicators';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { scores } from '../assessments/helpers';
import {
  day,
  insertAssessment,
  insertFollowUp,
  insertParticipant,
  insertReferral,
  insertTrajectory,
} from './report-fixtures';
import { as } from '../support/api';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const TEXT = {
  followUp: 'Werkt bij Bakkerij Peeters, vraagt naar zijn dochter',
  followUp2: 'Zoekt werk, schulden bij OCMW Gent',
  referral: 'Heftruckopleiding, heeft rugklachten',
  assessment: 'Durft niet alleen naar de bank, zus helpt',
};

/** Pseudonymisation goes through POST /participants/{id}/pseudonymise, i.e. app_pseudonymise() itself. */
describe('pseudonymisation and the reports', () => {
  let t: TestApp;
  let a: TestPartnership;
  const id: Record<string, string> = {};
  const tr: Record<string, string> = {};
  const ref: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    id.worker = await insertParticipant(t, a, { entry_date: '2025-02-01' });
    tr.worker = await insertTrajectory(t, a, id.worker, {
      started_at: day('2025-02-01'),
      guidance_started_at: day('2025-02-05'),
      closed_at: day('2025-06-02'),
      outcome: 'work',
    });
    await insertFollowUp(t, a, tr.worker, '2025-06-20', 'employed', null, TEXT.followUp);
    ref.worker = await insertReferral(t, a, id.worker, {
      target: 'vdab',
      submittedAt: day('2025-02-10'),
      steps: [
        ['accepted', day('2025-02-12')],
        ['in_progress', day('2025-02-13')],
        ['completed', day('2025-04-01')],
      ],
      note: TEXT.referral,
    });

    // Baseline 10 February, review due 10 May, done 20 May (late); change +2 on every component.
    await insertAssessment(t, a, tr.worker, {
      kind: 'baseline',
      takenAt: day('2025-02-10'),
      scores: scores(4),
      note: TEXT.assessment,
    });
    await insertAssessment(t, a, tr.worker, {
      kind: 'review',
      takenAt: day('2025-05-20'),
      scores: scores(6),
      participantScores: scores(7),
      note: TEXT.assessment,
    });

    id.searcher = await insertParticipant(t, a, { gender: 'male', entry_date: '2025-03-01' });
    tr.searcher = await insertTrajectory(t, a, id.searcher, {
      started_at: day('2025-03-01'),
      intake_at: day('2025-03-01'), // an ESF participant from intake (issue 13, rule 2)
      closed_at: day('2025-05-10'),
      outcome: 'no_result',
    });
    await insertFollowUp(t, a, tr.searcher, '2025-05-20', 'job_searching', null, TEXT.followUp2);
    ref.searcher = await insertReferral(t, a, id.searcher, {
      target: 'ocmw',
      submittedAt: day('2025-03-05'),
      steps: [['rejected', day('2025-03-07')]],
      note: TEXT.referral,
    });

    id.open = await insertParticipant(t, a, { entry_date: '2025-04-01' });
    await insertTrajectory(t, a, id.open, { started_at: day('2025-04-01'), intake_at: day('2025-04-01') });
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string | number>) =>
    as(t, a.auth('coordinator')).get(path, { query }).expect(200);

  it('blanks follow-up notes, referral free text and assessment notes, and leaves every ESF+ and quarterly figure as it was', async () => {
    const esfBefore = (await get('/reports/esf', YEAR)).body;
    const quarterBefore = [
      (await get('/reports/quarterly', { year: 2025, quarter: 1 })).body,
      (await get('/reports/quarterly', { year: 2025, quarter: 2 })).body,
    ];
    const results = new Map(
      esfBefore.results.map((i: { code: string; value: { total: number } }) => [i.code, i.value.total]),
    );
    // Not vacuous: the follow-ups and referrals do count before.
    expect(results.get(codeOf('employed_upon_leaving'))).toBe(1);
    expect(results.get(codeOf('job_searching_upon_leaving'))).toBe(1);
    expect(quarterBefore[0].referralTurnaround.byTarget.ocmw).toMatchObject({ decided: 1, rejected: 1 });
    expect(quarterBefore[1].referralTurnaround.byTarget.vdab).toMatchObject({
      completed: 1,
      toCompletion: { medianDays: 50 },
    });
    expect(quarterBefore[1].empowermentCoverage).toMatchObject({
      baseline: { trajectories: 1, withBaseline: 1 },
      reviews: { due: 1, onTime: 0 },
      distanceTravelled: { trajectories: 1, byComponent: { competentie: { n: 1, meanChange: 2 } } },
    });

    for (const who of ['worker', 'searcher'])
      await as(t, a.auth('dpo')).post(`/participants/${id[who]}/pseudonymise`).expect(200);

    const followUps = await t.sql<{ participant_id: string; situation: string; note: string | null }>(
      `select participant_id, situation, note from follow_ups where partnership_id = $1 order by at`,
      [a.id],
    );
    expect(followUps).toEqual([
      { participant_id: id.searcher, situation: 'job_searching', note: null },
      { participant_id: id.worker, situation: 'employed', note: null },
    ]);
    const referrals = await t.sql<Record<string, unknown>>(
      `select id, state, note, person, person_insz_encrypted, submitted_at is not null as dated
         from referrals where partnership_id = $1 order by submitted_at`,
      [a.id],
    );
    expect(referrals).toEqual([
      {
        id: ref.worker,
        state: 'completed',
        note: null,
        person: null,
        person_insz_encrypted: null,
        dated: true,
      },
      {
        id: ref.searcher,
        state: 'rejected',
        note: null,
        person: null,
        person_insz_encrypted: null,
        dated: true,
      },
    ]);
    const transitions = await t.sql<{ to_state: string; reason: string | null; note: string | null }>(
      `select x.to_state, x.reason, x.note from referral_transitions x where x.partnership_id = $1
        order by x.at, x.to_state`,
      [a.id],
    );
    expect(transitions.map((x) => x.to_state)).toEqual([
      'submitted',
      'accepted',
      'in_progress',
      'submitted',
      'rejected',
      'completed',
    ]);
    expect(transitions.every((x) => x.note === null)).toBe(true);
    expect(transitions.find((x) => x.to_state === 'rejected')!.reason).toBe('(removed by pseudonymisation)');
    // Assessment notes are free text; the scores, the participant's own and the dates stay.
    const assessments = await t.sql<Record<string, unknown>>(
      `select kind, taken_at, scores, participant_scores, note from assessments
        where participant_id = $1 order by taken_at`,
      [id.worker],
    );
    expect(assessments).toEqual([
      {
        kind: 'baseline',
        taken_at: new Date(day('2025-02-10')),
        scores: scores(4),
        participant_scores: null,
        note: null,
      },
      {
        kind: 'review',
        taken_at: new Date(day('2025-05-20')),
        scores: scores(6),
        participant_scores: scores(7),
        note: null,
      },
    ]);

    expect((await get('/reports/esf', YEAR)).body).toEqual(esfBefore);
    expect((await get('/reports/quarterly', { year: 2025, quarter: 1 })).body).toEqual(quarterBefore[0]);
    expect((await get('/reports/quarterly', { year: 2025, quarter: 2 })).body).toEqual(quarterBefore[1]);
  });

  it('leaves the follow-ups, referrals and assessments of a participant who was not pseudonymised alone', async () => {
    const other = await insertParticipant(t, a, { entry_date: '2025-01-15' });
    const trajectory = await insertTrajectory(t, a, other, {
      started_at: day('2025-01-15'),
      closed_at: day('2025-02-15'),
      outcome: 'education',
    });
    await insertAssessment(t, a, trajectory, {
      kind: 'baseline',
      takenAt: day('2025-01-20'),
      scores: scores(5),
      note: TEXT.assessment,
    });
    await insertFollowUp(t, a, trajectory, '2025-02-20', 'education_training', null, TEXT.followUp);
    await insertReferral(t, a, other, {
      target: 'vdab',
      submittedAt: day('2025-01-20'),
      note: TEXT.referral,
    });
    // A pseudonymisation of someone else must not touch these rows.
    const third = await insertParticipant(t, a);
    await insertTrajectory(t, a, third, {
      started_at: day('2025-01-15'),
      closed_at: day('2025-02-15'),
      outcome: 'no_result',
    });
    await as(t, a.auth('dpo')).post(`/participants/${third}/pseudonymise`).expect(200);
    const [row] = await t.sql<{ fu: string; r: string; x: string; a: string }>(
      `select (select note from follow_ups where participant_id = $1) as fu,
              (select note from assessments where participant_id = $1) as a,
              (select note from referrals where participant_id = $1) as r,
              (select x.note from referral_transitions x join referrals r on r.id = x.referral_id where r.participant_id = $1) as x`,
      [other],
    );
    expect(row).toEqual({
      fu: TEXT.followUp,
      r: TEXT.referral,
      x: `${TEXT.referral} (submitted)`,
      a: TEXT.assessment,
    });
  });
});
