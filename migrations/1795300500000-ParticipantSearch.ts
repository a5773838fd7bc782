import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search that can use the trigram index. Under RLS, LIKE is not leakproof, so Postgres must
 * apply the policy before the LIKE and walks every participant of the tenant instead of the index.
 * This function runs the LIKE without the RLS barrier but applies the very same grant rule itself,
 * and returns only ids the caller may see; the outer query still runs under RLS (the second wall).
 */
export class ParticipantSearch1795300500000 implements MigrationInterface {
  name = 'ParticipantSearch1795300500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function app_search_participants(p_pattern text) returns setof uuid
        language sql stable security definer set search_path = public, pg_temp as $$
          select p.id from participants p
           where p.partnership_id = app_tenant()
             and p.search_name like p_pattern
             and exists (select 1 from access_grants g
                          where g.participant_id = p.id and g.partnership_id = app_tenant()
                            and (g.organisation_id = app_org() or g.staff_id = app_user())
                            and g.ended_at is null and g.valid_from <= app_now()
                            and (g.valid_until is null or g.valid_until > app_now()))
        $$;
      revoke all on function app_search_participants(text) from public;
      grant execute on function app_search_participants(text) to jobteam_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists app_search_participants(text)`);
  }
}
