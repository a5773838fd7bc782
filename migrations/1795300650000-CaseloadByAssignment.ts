import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quarterly caseload counts each coach's trajectories by the case-manager assignment valid at
 * the quarter's end, not by today's case manager, so a hand-over never rewrites a past quarter.
 * This index serves that per-coach lookup.
 */
export class CaseloadByAssignment1795300650000 implements MigrationInterface {
  name = 'CaseloadByAssignment1795300650000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index case_manager_assignments_staff_idx on case_manager_assignments (staff_id, from_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists case_manager_assignments_staff_idx`);
  }
}
