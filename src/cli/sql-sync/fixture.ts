import { Client } from 'pg';
import { SQL_FIXTURE as F } from '../../common/persistence/generate-sql';

/** The fixed moment the fixture's rows date from, so that nothing in the written SQL depends on today. */
export const FIXTURE_TIME = '2026-01-05T09:00:00.000Z';

/**
 * Writes the rows of `SQL_FIXTURE` as the owner (past RLS, as a migration would): a partnership, two
 * organisations, a team, a coach, a coordinator, a SPOC, and a participant in guidance with the coach as
 * case manager and a full grant for the organisation. Enough for typical examples to find their rows.
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
         ($3, $4, $7, null, 'spoc@sql-fixture.invalid', 'Fixture Spoc', '{spoc_vdab}', '!')`,
      [
        F.coachId,
        F.coordinatorId,
        F.spocId,
        F.partnershipId,
        F.organisationId,
        F.teamId,
        F.otherOrganisationId,
      ],
    );
    await client.query(
      `insert into participants (id, partnership_id, owner_organisation_id, first_name, last_name, search_name,
         name_key, birth_date, gender, entry_date, referral_channel, current_trajectory_id, current_status,
         case_manager_id, team_id, created_by, created_at)
       values ($1, $2, $3, 'Fixture', 'Participant', 'fixture participant', 'fixture|participant', '1990-01-01',
         'female', '2026-01-05', 'self', $4, 'begeleiding', $5, $6, $5, $7)`,
      [F.participantId, F.partnershipId, F.organisationId, F.trajectoryId, F.coachId, F.teamId, at],
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
    await client.query(
      `insert into access_grants (partnership_id, participant_id, organisation_id, scope, reason, source_id, valid_from)
       values ($1, $2, $3, 'full', 'owner', $2, $4)`,
      [F.partnershipId, F.participantId, F.organisationId, at],
    );
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
