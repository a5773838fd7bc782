import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report submissions: the figures exactly as they were sent to Europa WSE or the steering group.
 * Append-only: the runtime role may insert and read, never update or delete, and a trigger refuses
 * both for every role (a superuser must drop the trigger first, which is visible in the DDL log).
 * A submission holds pseudonymous participant ids and figures, never names, and has no foreign key
 * to participants, so pseudonymisation and retention leave it as it was sent.
 */
export class ReportSubmissions1795300750000 implements MigrationInterface {
  name = 'ReportSubmissions1795300750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table report_submissions (
        id uuid primary key default gen_random_uuid(),
        partnership_id uuid not null references partnerships(id),
        kind text not null check (kind in ('esf', 'quarterly')),
        period_from date not null,
        period_to date not null,
        year integer,
        quarter integer check (quarter between 1 and 4),
        note text,
        -- json, not jsonb: the text is kept byte for byte as it was sent, key order included.
        figures json not null,
        facts jsonb not null,
        facts_hash text not null,
        language text not null,
        submitted_at timestamptz not null,
        submitted_by uuid not null,
        submitted_by_organisation uuid not null,
        check (period_to >= period_from),
        check ((kind = 'quarterly') = (year is not null and quarter is not null)),
        foreign key (submitted_by, partnership_id) references staff (id, partnership_id)
      );
      create index report_submissions_list_idx on report_submissions (partnership_id, kind, submitted_at desc, id);
      create index report_submissions_staff_idx on report_submissions (submitted_by);

      alter table report_submissions enable row level security;
      alter table report_submissions force row level security;
      create policy report_submissions_read on report_submissions for select
        using (partnership_id = app_tenant());
      create policy report_submissions_insert on report_submissions for insert
        with check (partnership_id = app_tenant() and submitted_by = app_user()
          and submitted_by_organisation = app_org());
      revoke all on report_submissions from jobteam_app;
      grant select, insert on report_submissions to jobteam_app;

      create function app_report_submissions_append_only() returns trigger
        language plpgsql as $$
        begin
          raise exception 'report submissions are append-only' using errcode = '42501';
        end $$;
      create trigger report_submissions_no_update before update or delete on report_submissions
        for each row execute function app_report_submissions_append_only();
      create trigger report_submissions_no_truncate before truncate on report_submissions
        for each statement execute function app_report_submissions_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists report_submissions;
      drop function if exists app_report_submissions_append_only();
    `);
  }
}
