import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'participants',
  'trajectories',
  'trajectory_transitions',
  'case_manager_assignments',
  'co_coaches',
  'life_domains',
  'goals',
  'consents',
  'access_grants',
  'organisations',
  'teams',
  'staff',
];

/**
 * Policies for jobteam_tenant_reader: the whole partnership, read-only, for aggregates (reports)
 * and DPO work. Confidential contacts stay inside the author's organisation even here.
 */
export class TenantReader1795300150000 implements MigrationInterface {
  name = 'TenantReader1795300150000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await q.query(
        `create policy ${table}_tenant_reader on ${table} for select to jobteam_tenant_reader using (partnership_id = app_tenant())`,
      );
    }
    for (const table of ['contacts', 'contact_revisions']) {
      await q.query(`create policy ${table}_tenant_reader on ${table} for select to jobteam_tenant_reader
        using (partnership_id = app_tenant() and (not confidential or author_organisation_id = app_org()))`);
    }
    await q.query(
      `create policy partnerships_tenant_reader on partnerships for select to jobteam_tenant_reader using (id = app_tenant())`,
    );
    await q.query(
      `grant select on partnerships, contacts, contact_revisions, ${TENANT_TABLES.join(', ')} to jobteam_tenant_reader`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES, 'contacts', 'contact_revisions'])
      await q.query(`drop policy if exists ${table}_tenant_reader on ${table}`);
    await q.query(`drop policy if exists partnerships_tenant_reader on partnerships`);
    await q.query(
      `revoke all on partnerships, contacts, contact_revisions, ${TENANT_TABLES.join(', ')} from jobteam_tenant_reader`,
    );
  }
}
