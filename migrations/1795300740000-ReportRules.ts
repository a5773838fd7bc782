import { MigrationInterface, QueryRunner } from 'typeorm';

/** The backfill of rule 5, on its own so that a test can replay it on a rewritten trajectory. */
export async function backfillClosedTrajectoryOwners(q: {
  query(sql: string): Promise<unknown>;
}): Promise<void> {
  await q.query(`
    update trajectories t set owner_organisation_id = last.organisation_id
      from (select distinct on (a.trajectory_id) a.trajectory_id, a.organisation_id
              from case_manager_assignments a order by a.trajectory_id, a.from_at desc, a.id desc) last
     where last.trajectory_id = t.id and t.closed_at is not null
       and t.owner_organisation_id <> last.organisation_id
       and exists (select 1 from trajectories n where n.participant_id = t.participant_id
                     and n.started_at > t.started_at)`);
}

/**
 * Issue 13, reporting rules.
 *
 * 1. ESF entry is the first intake (esf-facts.sql.ts): this index finds the period's intakes, as
 *    trajectories_closed_idx finds its exits.
 * 2. A reopening by another organisation used to move *every* trajectory of the participant to the
 *    new owner (TrajectoriesService.moveOwnership updated by participant_id), so a closed JES
 *    trajectory showed OCMW as its organisation in every report and its measurements were credited
 *    to OCMW. Ownership of a trajectory follows its own case manager only; this backfill gives each
 *    closed trajectory that has a later one back the organisation of its last case-manager
 *    assignment, which is the organisation that held it when it closed.
 */
export class ReportRules1795300740000 implements MigrationInterface {
  name = 'ReportRules1795300740000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index trajectories_intake_idx on trajectories (partnership_id, intake_at) where intake_at is not null`,
    );
    // The owner runs the backfill over every tenant; FORCE RLS would otherwise hide the rows.
    for (const table of ['trajectories', 'case_manager_assignments'])
      await q.query(`alter table ${table} no force row level security`);
    await backfillClosedTrajectoryOwners(q);
    for (const table of ['trajectories', 'case_manager_assignments'])
      await q.query(`alter table ${table} force row level security`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The backfill restores history and is not undone.
    await q.query(`drop index if exists trajectories_intake_idx`);
  }
}
