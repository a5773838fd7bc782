import { MigrationInterface, QueryRunner } from 'typeorm';

const FUNCTION = (organisation: string) => `
  create or replace function app_find_participant_duplicates(p_insz_hash text, p_name_key text, p_birth_date date, p_except uuid)
    returns table (id uuid, match text, organisation_name text)
    language sql stable security definer set search_path = public, pg_temp as $$
      select p.id, case when p.insz_hash = p_insz_hash then 'insz' else 'name' end, ${organisation}
        from participants p join organisations o on o.id = p.owner_organisation_id
       where p.partnership_id = app_tenant() and p.id is distinct from p_except
         and ((p_insz_hash is not null and p.insz_hash = p_insz_hash)
              or (p.name_key = p_name_key and p.birth_date = p_birth_date))
    $$;
  revoke all on function app_find_participant_duplicates(text, text, date, uuid) from public;
  grant execute on function app_find_participant_duplicates(text, text, date, uuid) to jobteam_app;`;

/**
 * Being someone's client at an organisation bound by professional secrecy (CAW) is itself secret.
 * The duplicate check may say that the person is known in the partnership, but names the owning
 * organisation only when that organisation has no professional secrecy: for the others the
 * function returns no name at all, so no caller of it can leak one.
 */
export class DuplicateSecrecy1795300721000 implements MigrationInterface {
  name = 'DuplicateSecrecy1795300721000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(FUNCTION(`case when o.professional_secrecy then null else o.name end`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(FUNCTION('o.name'));
  }
}
