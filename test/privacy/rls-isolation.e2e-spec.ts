import { localDate } from '../../src/common/validation/dates';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createTestApp, TestApp } from '../harness/test-app';
import { addCaseWork } from './case-fixtures';
import { as } from '../support/api';

/**
 * Grant rows used to be readable tenant-wide; jobteam_app now reads only its own organisation's or
 * person's grants (and the owner those on its participants), so no table is readable across
 * organisations any more. The list stays for a table that ever must be.
 */
const TENANT_READABLE: string[] = [];

/** Rows in the collaboration tables: an outbound referral, a case-meeting item with an action, a session registration. */
async function collaborate(t: TestApp, a: TestPartnership, participantId: string, trajectoryId: string) {
  const post = (url: string, body: Record<string, unknown>) =>
    as(t, a.auth('coach')).post(url, body).expect(201);
  const soon = new Date(Date.now() + 3600_000).toISOString();
  // Presence is recorded at or after a meeting: this one took place an hour ago.
  const past = new Date(Date.now() - 3600_000).toISOString();
  await post('/referrals', { direction: 'outbound', target: 'vdab', kind: 'training', participantId });
  const meeting = await post('/case-meetings', {
    teamId: a.teams[0].id,
    scheduledAt: past,
    location: 'Rabot',
    attendeeIds: [a.staff.coach.id],
  });
  await post(`/case-meetings/${meeting.body.id}/items`, {
    trajectoryId,
    participantPresent: true,
    summary: 'Bespreking',
    actions: [{ description: 'Opvolgen', ownerStaffId: a.staff.coach.id, dueAt: soon }],
  });
  const session = await post('/group-sessions', {
    theme: 'Solliciteren',
    tag: 'digital',
    at: soon,
    durationMinutes: 60,
    location: 'Dampoort',
    facilitatorId: a.staff.coach2.id,
  });
  await as(t, a.auth('coach'))
    .post(`/group-sessions/${session.body.id}/attendance`, { participantId, attended: false })
    .expect(200);
  await post(`/trajectories/${trajectoryId}/assessments`, {
    instrument: 'release_scale',
    kind: 'baseline',
    takenAt: new Date().toISOString(),
    scores: { release: 3 },
  });
  await post(`/trajectories/${trajectoryId}/feedback`, { satisfaction: 4, comment: 'Tevreden' });
}

describe('the database wall, table by table', () => {
  let t: TestApp;
  let a: TestPartnership;
  let b: TestPartnership;
  let tables: string[];
  let noAppAccess: string[];

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnership(t, 'A');
    b = await createPartnership(t, 'B');
    const p = await createParticipant(t, a, 'coach');
    const tr = await startTrajectory(t, a, p.id, 'coach');
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/co-coaches`, { staffId: a.staff.coach2.id })
      .expect(201);
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/transitions`, {
        to: 'intake',
        at: new Date().toISOString(),
        note: 'Intake gedaan',
      })
      .expect(200);
    await as(t, a.auth('coach'))
      .post(`/participants/${p.id}/consents`, {
        scope: 'vdab_exchange',
        basis: 'consent',
        givenAt: new Date().toISOString(),
        evidence: 'Formulier V-1',
      })
      .expect(201);
    await addCaseWork(
      t,
      a,
      { participantId: p.id, trajectoryId: tr.id },
      {
        goal: 'Doel',
        note: 'Nota',
        contact: 'Contact',
        confidential: 'Vertrouwelijk',
        foreignConfidential: 'CAW vertrouwelijk',
      },
    );
    await collaborate(t, a, p.id, tr.id);
    await as(t, a.auth('coach'))
      .post(`/trajectories/${tr.id}/placements`, {
        kind: 'training',
        startDate: localDate(new Date()),
        hoursPerWeek: 8,
        contractType: 'none',
      })
      .expect(201);
    await t.sql(
      `insert into case_meeting_value_questions (partnership_id, case_meeting_id, item_id, trajectory_id, participant_id,
              team_id, meeting_at, value_question, waste, recorded_by, recorded_by_organisation_id)
       select i.partnership_id, i.case_meeting_id, i.id, i.trajectory_id, i.participant_id, m.team_id, m.scheduled_at,
              'Waardevraag', 'Verspilling', i.author_id, i.author_organisation_id
         from case_meeting_items i join case_meetings m on m.id = i.case_meeting_id where i.participant_id = $1`,
      [p.id],
    );
    await t.sql(
      `insert into follow_ups (partnership_id, trajectory_id, participant_id, at, situation, recorded_by)
       values ($1, $2, $3, current_date, 'job_searching', $4)`,
      [a.id, tr.id, p.id, a.staff.coach.id],
    );
    await t.sql(
      `insert into contact_revisions (partnership_id, contact_id, participant_id, author_organisation_id, confidential, version, snapshot, edited_by)
       select partnership_id, id, participant_id, author_organisation_id, confidential, 1, '{}'::jsonb, author_id from contacts`,
    );
    const rows = await t.sql<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'participant_id' and t.table_type = 'BASE TABLE'
        order by c.table_name`,
    );
    // Tables the app role cannot read at all (the audit log's per-participant keys) are proven
    // unreadable below instead of counted.
    const unreadable = await t.sql<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'participant_id'
          and not has_table_privilege('jobteam_app', format('%I.%I', c.table_schema, c.table_name), 'select')
        order by c.table_name`,
    );
    noAppAccess = unreadable.map((r) => r.table_name);
    tables = ['participants', ...rows.map((r) => r.table_name).filter((x) => !noAppAccess.includes(x))];
  });
  afterAll(() => t.close());

  const countsAs = (p: TestPartnership, staffId: string) =>
    t.db.runAsStaff({ tenantId: p.id, staffId, requestId: 'rls-proof' }, async () => {
      const out: Record<string, number> = {};
      for (const table of tables)
        out[table] = (await t.db.manager.query(`select count(*)::int as n from ${table}`))[0].n;
      return out;
    });

  it('has rows in every participant-linked table (a new table needs a fixture row here)', async () => {
    expect(tables).toEqual(
      expect.arrayContaining([
        'participants',
        'trajectories',
        'goals',
        'life_domains',
        'contacts',
        'contact_revisions',
        'consents',
        'audit_events',
        'access_grants',
        'co_coaches',
        'case_manager_assignments',
        'trajectory_transitions',
      ]),
    );
    const empty: string[] = [];
    for (const table of tables) {
      const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from ${table}`);
      if (n === 0) empty.push(table);
    }
    expect(empty).toEqual([]);
  });

  it('shows a coach of another organisation in the same partnership 0 rows of every table, raw SQL as the app role', async () => {
    const seen = await countsAs(a, a.staff.coachIntro.id);
    const expected = Object.fromEntries(tables.map((table) => [table, 0]));
    for (const table of TENANT_READABLE) delete expected[table];
    for (const table of TENANT_READABLE) delete seen[table];
    expect(seen).toEqual(expected);
  });

  it('shows the owning organisation its rows, so the zeros above are the policies at work', async () => {
    const seen = await countsAs(a, a.staff.coach.id);
    expect(tables.filter((table) => seen[table] === 0)).toEqual([]);
    expect(seen.participants).toBe(1);
    // Its own note, its own confidential note and the case-meeting contact; CAW's confidential note is not among them.
    expect(seen.contacts).toBe(3);
    expect(seen.audit_events).toBeGreaterThan(0);
  });

  it('gives the app role no access at all to the audit keys, whatever the context', async () => {
    expect(noAppAccess).toEqual(['audit_participant_keys']);
    const denied = await t.db
      .runAsStaff({ tenantId: a.id, staffId: a.staff.dpo.id, requestId: 'rls-proof' }, () =>
        t.db.manager.query('select count(*) from audit_participant_keys'),
      )
      .then(
        () => 'succeeded',
        (e: { code?: string }) => e.code,
      );
    expect(denied).toBe('42501');
  });

  it('shows a coach of another partnership 0 rows everywhere, grants included', async () => {
    const seen = await countsAs(b, b.staff.coach.id);
    expect(seen).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
  });
});
