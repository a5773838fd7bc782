import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Life domains, goals and contact moments: the version of a trajectory's life-domain set, the
 * indexes the new filters need, and the DPO's view on confidential contacts that proves a note
 * exists without showing it.
 */
export class Casework1795300160000 implements MigrationInterface {
  name = 'Casework1795300160000';

  async up(q: QueryRunner): Promise<void> {
    // The life domains are replaced as one set; a counter on the trajectory row gives that set an
    // ETag, and the row lock on it serialises two coaches saving at once.
    await q.query(`
      alter table trajectories add column life_domains_version integer not null default 1;
      create index life_domains_participant_idx on life_domains (participant_id);
      create index goals_participant_idx on goals (participant_id);
      create index goals_trajectory_status_idx on goals (trajectory_id, status);
      create index contacts_staff_idx on contacts (staff_id);
      create index contacts_author_idx on contacts (author_id);
      create index contacts_trajectory_kind_idx on contacts (trajectory_id, kind, at);
      create index contacts_confidential_idx on contacts (participant_id, at) where confidential;
    `);

    // Professional secrecy hides a confidential contact's content from everyone outside its
    // author's organisation, the DPO included. The DPO may still learn that such a note exists:
    // this function runs as the owner and returns only when, who, which organisation and what
    // kind, within the caller's tenant, and only to a caller holding the dpo role.
    await q.query(`
      create policy contacts_owner_read on contacts for select to current_user using (true);
      create function app_confidential_contacts(p_participant uuid)
        returns table (id uuid, at timestamptz, author_id uuid, author_organisation_id uuid, kind text)
        language sql stable security definer set search_path = public, pg_temp as $$
          select c.id, c.at, c.author_id, c.author_organisation_id, c.kind
            from contacts c
           where app_tenant() is not null
             and c.partnership_id = app_tenant()
             and 'dpo' = any(app_roles())
             and c.participant_id = p_participant
             and c.confidential
           order by c.at desc, c.id
        $$;
      revoke all on function app_confidential_contacts(uuid) from public;
      grant execute on function app_confidential_contacts(uuid) to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists app_confidential_contacts(uuid);
      drop policy if exists contacts_owner_read on contacts;
      drop index if exists contacts_confidential_idx, contacts_trajectory_kind_idx, contacts_author_idx,
        contacts_staff_idx, goals_trajectory_status_idx, goals_participant_idx, life_domains_participant_idx;
      alter table trajectories drop column if exists life_domains_version;
    `);
  }
}
