import { MigrationInterface, QueryRunner } from 'typeorm';

/** Same predicate as the case file's grantOn(..., CASE_SCOPE): a live case-or-full grant on the row's participant. */
const CASE_GRANT = `exists (select 1 from access_grants g where g.participant_id = assessments.participant_id
     and g.scope in ('case', 'full') and g.partnership_id = app_tenant()
     and (g.organisation_id = app_org() or g.staff_id = app_user())
     and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now()))`;

/**
 * Assessments (issue 6): one scoring of one instrument version for one trajectory. Rows are never
 * updated or deleted (the app role gets SELECT and INSERT only), and instruments stay insert-only,
 * so an assessment always points at exactly the version it was scored with.
 */
export class Assessments1795300250000 implements MigrationInterface {
  name = 'Assessments1795300250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Lets the assessment name key and version beside the id, with the database keeping the three in step.
      alter table instruments add constraint instruments_id_key_version_key unique (id, key, version);

      create table assessments (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        trajectory_id uuid not null,
        participant_id uuid not null,
        instrument_id uuid not null,
        instrument_key text not null,
        instrument_version integer not null,
        kind text not null check (kind in ('baseline', 'review', 'exit')),
        taken_at timestamptz not null,
        scores jsonb not null check (jsonb_typeof(scores) = 'object'),
        participant_scores jsonb check (participant_scores is null or jsonb_typeof(participant_scores) = 'object'),
        note text check (note is null or length(note) <= 4000),
        participant_present boolean,
        assessed_by uuid not null,
        created_at timestamptz not null default now(),
        foreign key (trajectory_id, partnership_id) references trajectories (id, partnership_id),
        foreign key (participant_id, partnership_id) references participants (id, partnership_id),
        foreign key (assessed_by, partnership_id) references staff (id, partnership_id),
        foreign key (instrument_id, instrument_key, instrument_version) references instruments (id, key, version)
      );
      -- One baseline per instrument per trajectory, whatever the version: the index settles a race too.
      create unique index assessments_one_baseline_uq on assessments (trajectory_id, instrument_key) where kind = 'baseline';
      create index assessments_trajectory_idx on assessments (trajectory_id, instrument_key, taken_at);
      create index assessments_participant_idx on assessments (participant_id);
      create index assessments_instrument_idx on assessments (instrument_id);
      create index assessments_taken_at_idx on assessments (partnership_id, instrument_key, taken_at);
      create index assessments_assessed_by_idx on assessments (assessed_by);
    `);

    await q.query(`
      alter table assessments enable row level security;
      alter table assessments force row level security;
      create policy assessments_grant on assessments
        using (partnership_id = app_tenant() and ${CASE_GRANT})
        with check (partnership_id = app_tenant() and ${CASE_GRANT});
      create policy assessments_tenant_reader on assessments for select to jobteam_tenant_reader
        using (partnership_id = app_tenant());
      grant select, insert on assessments to jobteam_app;
      grant select on assessments to jobteam_tenant_reader;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists assessments;
      alter table instruments drop constraint if exists instruments_id_key_version_key;
    `);
  }
}
