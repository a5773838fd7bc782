import { Client } from 'pg';
import { SQL_FIXTURE as F } from '../../common/persistence/generate-sql';

/** The fixed moment the fixture's rows date from, so that nothing in the written SQL depends on today. */
export const FIXTURE_TIME = '2026-01-05T09:00:00.000Z';

/** A moment after FIXTURE_TIME, for rows that must still lie ahead (a meeting whose items may change). */
const LATER = '2026-01-15T10:00:00.000Z';

/**
 * Writes the rows of `SQL_FIXTURE` as the owner (past RLS, as a migration would): a partnership, two
 * organisations, a team, a coach, a coordinator, a SPOC, a DPO, an admin, and a participant in guidance
 * with the coach as case manager and a full grant for the organisation; then one row of each kind other
 * modules' examples look up or point to (a contact, a goal, referrals, a case meeting with an item and an
 * action, a group session, an employer, a placement, a persona, a consent, an instrument, an assessment,
 * a report submission). Every example must find what it needs here: one that errors fails sql:check.
 */
export async function writeSqlFixture(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    const at = FIXTURE_TIME;
    await client.query(`insert into partnerships (id, name, created_at) values ($1, 'SQL fixture', $2)`, [
      F.partnershipId,
      at,
    ]);
    await client.query(
      `insert into organisations (id, partnership_id, name, kind) values
         ($1, $3, 'Fixture partner', 'partner'), ($2, $3, 'Fixture VDAB', 'vdab')`,
      [F.organisationId, F.otherOrganisationId, F.partnershipId],
    );
    await client.query(
      `insert into teams (id, partnership_id, name, location, wijken) values ($1, $2, 'Fixture team', 'Gent', '{Centrum}')`,
      [F.teamId, F.partnershipId],
    );
    // No one logs in: the password hash is a placeholder no password matches.
    await client.query(
      `insert into staff (id, partnership_id, organisation_id, team_id, email, name, roles, password_hash) values
         ($1, $4, $5, $6, 'coach@sql-fixture.invalid', 'Fixture Coach', '{coach}', '!'),
         ($2, $4, $5, null, 'coordinator@sql-fixture.invalid', 'Fixture Coordinator', '{coordinator}', '!'),
         ($3, $4, $7, null, 'spoc@sql-fixture.invalid', 'Fixture Spoc', '{spoc_vdab}', '!'),
         ($8, $4, $5, null, 'dpo@sql-fixture.invalid', 'Fixture Dpo', '{dpo}', '!'),
         ($9, $4, $5, null, 'admin@sql-fixture.invalid', 'Fixture Admin', '{admin}', '!')`,
      [
        F.coachId,
        F.coordinatorId,
        F.spocId,
        F.partnershipId,
        F.organisationId,
        F.teamId,
        F.otherOrganisationId,
        F.dpoId,
        F.adminId,
      ],
    );
    await client.query(
      `insert into participants (id, partnership_id, owner_organisation_id, first_name, last_name, search_name,
         name_key, birth_date, gender, entry_date, referral_channel, current_trajectory_id, current_status,
         case_manager_id, team_id, created_by, created_at)
       values ($1, $2, $3, 'Fixture', 'Participant', 'fixture participant', 'fixture|participant', '1990-01-01',
         'female', '2026-01-05', 'self', $4, 'begeleiding', $5, $6, $5, $7),
         ($8, $2, $3, 'Second', 'Participant', 'second participant', 'participant|second', '1991-01-01',
         'male', '2026-01-05', 'self', null, null, null, null, $5, $7)`,
      [
        F.participantId,
        F.partnershipId,
        F.organisationId,
        F.trajectoryId,
        F.coachId,
        F.teamId,
        at,
        F.secondParticipantId,
      ],
    );
    await client.query(
      `insert into trajectories (id, partnership_id, participant_id, status, referral_channel,
         owner_organisation_id, case_manager_id, team_id, started_at, intake_at, guidance_started_at)
       values ($1, $2, $3, 'begeleiding', 'self', $4, $5, $6, $7, $7, $7)`,
      [F.trajectoryId, F.partnershipId, F.participantId, F.organisationId, F.coachId, F.teamId, at],
    );
    await client.query(
      `insert into case_manager_assignments (partnership_id, trajectory_id, participant_id, staff_id,
         organisation_id, from_at, assigned_by) values ($1, $2, $3, $4, $5, $6, $4)`,
      [F.partnershipId, F.trajectoryId, F.participantId, F.coachId, F.organisationId, at],
    );
    // The owner grants of the two participants.
    await client.query(
      `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, source_id, valid_from)
       select $1, p, $2, 'full', 'owner', p, $3 from unnest($4::uuid[]) as p`,
      [F.partnershipId, F.organisationId, at, [F.participantId, F.secondParticipantId]],
    );
    await writeCaseRows(client, at);
    await writeAuditEvent(client, at);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** The rows around the fixture participant's trajectory that other modules' examples use. */
async function writeCaseRows(client: Client, at: string): Promise<void> {
  const insert = (sql: string, params: unknown[]) => client.query(sql, params);
  const [p, t, tenant, org, coach] = [
    F.participantId,
    F.trajectoryId,
    F.partnershipId,
    F.organisationId,
    F.coachId,
  ];
  await insert(
    `insert into contacts (id, partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id,
       author_id, author_organisation_id, confidential, place)
     values ($1, $2, $3, $4, $5, 'office', 30, $6, $6, $7, false, 'office')`,
    [F.contactId, tenant, t, p, at, coach, org],
  );
  await insert(
    `insert into goals (id, partnership_id, trajectory_id, participant_id, life_domain, title, status,
       status_changed_at, created_by) values ($1, $2, $3, $4, 'work', 'Fixture goal', 'open', $5, $6)`,
    [F.goalId, tenant, t, p, at, coach],
  );
  await insert(
    `insert into referrals (id, partnership_id, direction, target, kind, state, participant_id, sender_organisation_id,
       target_organisation_id, due_at, submitted_at, closed_at, created_by)
     values ($1, $3, 'outbound', 'vdab', 'training', 'submitted', $4, $5, $6, $7, $7, null, $8),
            ($2, $3, 'outbound', 'vdab', 'training', 'completed', $4, $5, $6, $7, $7, $7, $8)`,
    [F.referralId, F.closedReferralId, tenant, p, org, F.otherOrganisationId, at, coach],
  );
  await insert(
    `insert into case_meetings (id, partnership_id, team_id, scheduled_at, location, organiser_id,
       organiser_organisation_id) values ($1, $2, $3, $4, 'Fixture room', $5, $6)`,
    [F.caseMeetingId, tenant, F.teamId, LATER, coach, org],
  );
  await insert(
    `insert into case_meeting_items (id, partnership_id, case_meeting_id, trajectory_id, participant_id,
       participant_present, basis, author_id, author_organisation_id)
     values ($1, $2, $3, $4, $5, false, 'consent', $6, $7)`,
    [F.caseMeetingItemId, tenant, F.caseMeetingId, t, p, coach, org],
  );
  await insert(
    `insert into case_meeting_actions (id, partnership_id, case_meeting_id, item_id, participant_id, description,
       owner_staff_id, due_at) values ($1, $2, $3, $4, $5, 'Fixture action', $6, $7)`,
    [F.caseMeetingActionId, tenant, F.caseMeetingId, F.caseMeetingItemId, p, coach, LATER],
  );
  await insert(
    `insert into group_sessions (id, partnership_id, theme, tag, at, duration_minutes, location, facilitator_id,
       created_by) values ($1, $2, 'Fixture session', 'language', $3, 60, 'Fixture room', $4, $4)`,
    [F.groupSessionId, tenant, LATER, coach],
  );
  await insert(
    `insert into employers (id, partnership_id, name, kind, created_by) values ($1, $2, 'Fixture employer', 'employer', $3)`,
    [F.employerId, tenant, coach],
  );
  await insert(
    `insert into placements (id, partnership_id, trajectory_id, participant_id, kind, employer_id, start_date,
       hours_per_week, contract_type, created_by)
     values ($1, $2, $3, $4, 'job', $5, '2026-01-05', 19, 'fixed_term', $6)`,
    [F.placementId, tenant, t, p, F.employerId, coach],
  );
  await insert(
    `insert into personas (id, partnership_id, name, description) values ($1, $2, 'Fixture persona', 'Synthetic')`,
    [F.personaId, tenant],
  );
  await insert(
    `insert into consents (id, partnership_id, participant_id, scope, basis, given_at, evidence, recorded_by)
     values ($1, $2, $3, 'case_meeting', 'consent', $4, 'signed form', $5)`,
    [F.consentId, tenant, p, at, coach],
  );
  await insert(
    `insert into instruments (id, partnership_id, key, name, version, dimensions, scale_min, scale_max)
     values ($1, $2, 'fixture', '{"nl": "Fixture", "en": "Fixture"}', 1,
       '[{"key": "autonomy", "label": {"nl": "Autonomie", "en": "Autonomy"}}]', 1, 10)`,
    [F.instrumentId, tenant],
  );
  await insert(
    `insert into assessments (id, partnership_id, trajectory_id, participant_id, instrument_id, instrument_key,
       instrument_version, kind, perspective, taken_at, scores, assessed_by)
     values ($1, $2, $3, $4, $5, 'fixture', 1, 'baseline', 'agreed', $6, '{"autonomy": 5}', $7)`,
    [F.assessmentId, tenant, t, p, F.instrumentId, at, coach],
  );
  await insert(
    `insert into report_submissions (id, partnership_id, kind, period_from, period_to, figures, facts, facts_hash,
       language, submitted_at, submitted_by, submitted_by_organisation)
     values ($1, $2, 'esf', '2025-01-01', '2025-12-31', '{}', $3, $4, 'nl', $5, $6, $7)`,
    [
      F.submissionId,
      tenant,
      JSON.stringify({ header: ['participant_id'], rows: [[p]] }),
      '0'.repeat(64),
      at,
      coach,
      org,
    ],
  );
}

/**
 * One audit event, sealed as the partnership's chain entry 1, so a checkpoint of it can be stored. Its
 * hash follows from the row (id 1 in a fresh database, fixed time), so SQL_FIXTURE can name it.
 */
async function writeAuditEvent(client: Client, at: string): Promise<void> {
  await client.query(
    `insert into audit_events (partnership_id, at, actor_id, actor_organisation_id, actor_roles, action,
       resource_type, resource_id, participant_id, request_id)
     values ($1, $2, $3, $4, '{coach}', 'read', 'participant', $5, $6, 'sql-fixture')`,
    [F.partnershipId, at, F.coachId, F.organisationId, F.participantId, F.participantId],
  );
  await client.query('select app_audit_seal($1)', [F.partnershipId]);
  const { rows } = await client.query<{ hash: string }>(
    'select hash from audit_events where partnership_id = $1 and chain_seq = 1',
    [F.partnershipId],
  );
  if (rows[0]?.hash !== F.auditHash)
    throw new Error(
      `SQL_FIXTURE.auditHash is stale: the fixture's audit event now hashes to ${rows[0]?.hash}`,
    );
}
