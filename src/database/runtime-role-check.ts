import { DataSource } from 'typeorm';

export class UnsafeRuntimeRoleError extends Error {}

/**
 * Refuses to serve when the runtime role could bypass row-level security: a superuser, a BYPASSRLS
 * role or a table owner would see every organisation's participants whatever the policies say.
 * Also checks that every table carrying a partnership_id has RLS enabled and forced.
 */
export async function assertRuntimeRoleIsSafe(ds: DataSource): Promise<void> {
  const [role] = await ds.query(
    `select current_user as name, rolsuper, rolbypassrls,
            (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind = 'r' and pg_has_role(current_user, c.relowner, 'USAGE')) as owned
       from pg_roles where rolname = current_user`,
  );
  const problems: string[] = [];
  if (role.rolsuper) problems.push('it is a superuser');
  if (role.rolbypassrls) problems.push('it has BYPASSRLS');
  if (role.owned > 0) problems.push(`it owns (or inherits ownership of) ${role.owned} table(s)`);
  if (problems.length) {
    throw new UnsafeRuntimeRoleError(
      `Refusing to serve: the runtime database role "${role.name}" could bypass row-level security because ${problems.join(', ')}. ` +
        'Connect as the jobteam_app role (see README, "Using your own PostgreSQL").',
    );
  }
  const unprotected: { relname: string }[] = await ds.query(
    `select c.relname from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'partnership_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)`,
  );
  if (unprotected.length) {
    throw new UnsafeRuntimeRoleError(
      `Refusing to serve: tenant tables without forced row-level security: ${unprotected.map((r) => r.relname).join(', ')}`,
    );
  }
}
