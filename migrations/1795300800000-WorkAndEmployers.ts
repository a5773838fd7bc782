import { MigrationInterface, QueryRunner } from 'typeorm';

/** A grant row the current request may use (as in CaseFile): same tenant, the caller's organisation or person, valid now. */
const LIVE_GRANT = `g.partnership_id = app_tenant()
  and (g.organisation_id = app_org() or g.staff_id = app_user())
  and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())`;

/**
 * Work and employers (issue 16, items 8 and 9).
 *
 * employers: the partnership's register of employers and (practice) work floors. Partnership data,
 * like teams: every staff member of the tenant reaches it through RLS, the permission decides who
 * reads or writes. It holds no participant data; the contact person is the employer's.
 *
 * placements: a trajectory's jobs, art. 60 contracts, IBO, internships, practice work floors,
 * volunteering and training. Participant data: readable with a live case/full grant, like goals.
 * `exit` marks the placement an exit with outcome `work` refers to (at most one per trajectory).
 */
export class WorkAndEmployers1795300800000 implements MigrationInterface {
  name = 'WorkAndEmployers1795300800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table employers (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        name text not null,
        kbo_number char(10) check (kbo_number ~ '^[01][0-9]{9}$'),
        sector text,
        kind text not null check (kind in ('employer', 'practice_floor')),
        inclusive boolean not null default false,
        contact_name text,
        contact_phone text,
        contact_email text,
        created_by uuid not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (created_by, partnership_id) references staff (id, partnership_id),
        constraint employers_tenant_key unique (id, partnership_id)
      );
      create unique index employers_kbo_uq on employers (partnership_id, kbo_number) where kbo_number is not null;
      create index employers_partnership_name_idx on employers (partnership_id, lower(name), id);
      create index employers_name_trgm_idx on employers using gin (lower(name) gin_trgm_ops);
      create index employers_created_by_idx on employers (created_by);

      create table placements (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        kind text not null check (kind in ('job', 'twe_art60', 'ibo', 'internship', 'practice_floor', 'volunteering', 'training')),
        employer_id uuid,
        start_date date not null,
        end_date date,
        hours_per_week numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 60),
        contract_type text not null check (contract_type in ('permanent', 'fixed_term', 'interim', 'art60', 'flexi', 'student', 'none')),
        exit boolean not null default false,
        created_by uuid not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (employer_id, partnership_id) references employers (id, partnership_id),
        check (end_date is null or end_date >= start_date),
        check (employer_id is not null or kind = 'training'),
        check (not exit or kind in ('job', 'twe_art60'))
      );
      create index placements_trajectory_idx on placements (trajectory_id, start_date);
      create index placements_participant_idx on placements (participant_id);
      create index placements_employer_idx on placements (employer_id);
      create unique index placements_exit_uq on placements (trajectory_id) where exit;
    `);

    await q.query(`
      alter table employers enable row level security;
      alter table employers force row level security;
      create policy employers_tenant on employers
        using (partnership_id = app_tenant()) with check (partnership_id = app_tenant());
      create policy employers_tenant_reader on employers for select to jobteam_tenant_reader
        using (partnership_id = app_tenant());

      alter table placements enable row level security;
      alter table placements force row level security;
      create policy placements_grant on placements
        using (partnership_id = app_tenant() and exists (select 1 from access_grants g
          where g.participant_id = placements.participant_id and g.scope in ('case', 'full') and ${LIVE_GRANT}))
        with check (partnership_id = app_tenant());
      create policy placements_tenant_reader on placements for select to jobteam_tenant_reader
        using (partnership_id = app_tenant());

      grant select, insert, update on employers, placements to jobteam_app;
      grant select on employers, placements to jobteam_tenant_reader;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists placements, employers`);
  }
}
