import { Client } from 'pg';
import { PgErrorCode, pgErrorCode } from '../common/persistence/pg-error-codes';

/** The role that owns every table. Migrations run as this role. */
export const OWNER_ROLE = 'jobteam_owner';
/** The role every request runs as: no superuser, no owner, no BYPASSRLS. */
export const APP_ROLE = 'jobteam_app';
/**
 * A no-login role the app role may SET LOCAL ROLE to for partnership-wide reading (reports,
 * DPO work). Its policies are tenant-bound and still hide confidential notes of other organisations.
 */
export const TENANT_READER_ROLE = 'jobteam_tenant_reader';

export class DatabaseSetupError extends Error {}

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function tolerateConcurrentCreate(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    // Parallel test workers may create the same cluster-wide role at once.
    const code = pgErrorCode(err);
    const raced: string[] = [
      PgErrorCode.duplicateObject,
      PgErrorCode.uniqueViolation,
      PgErrorCode.internalError,
    ];
    if (!code || !raced.includes(code)) throw err;
  }
}

/**
 * Prepares a database for the API. With a superuser URL it creates both roles, keeps the
 * app role's password in step with the configuration, and grants what each role needs.
 * With any other URL the roles must already exist (README: "Using your own PostgreSQL").
 */
export async function prepareRoles(adminUrl: string, appPassword: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; db: string; member: boolean | null }>(
      `select r.rolsuper, current_database() as db,
              (select pg_has_role(current_user, oid, 'MEMBER') from pg_roles where rolname = $1) as member
         from pg_roles r where r.rolname = current_user`,
      [OWNER_ROLE],
    );
    const { rolsuper, db, member } = rows[0];
    if (!rolsuper) {
      if (!member) {
        throw new DatabaseSetupError(
          `The DATABASE_URL user is neither a superuser nor a member of ${OWNER_ROLE}. ` +
            `Create the roles as described in the README, or use a superuser URL once.`,
        );
      }
      return;
    }
    await tolerateConcurrentCreate(() =>
      client.query(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = ${quoteLiteral(OWNER_ROLE)}) then
          create role ${OWNER_ROLE} nologin;
        end if;
        if not exists (select 1 from pg_roles where rolname = ${quoteLiteral(APP_ROLE)}) then
          create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
        end if;
        if not exists (select 1 from pg_roles where rolname = ${quoteLiteral(TENANT_READER_ROLE)}) then
          create role ${TENANT_READER_ROLE} nologin nosuperuser nobypassrls;
        end if;
      end $$`),
    );
    await tolerateConcurrentCreate(() =>
      client.query(
        `alter role ${APP_ROLE} with login nosuperuser nobypassrls password ${quoteLiteral(appPassword)}`,
      ),
    );
    await client.query(`grant ${OWNER_ROLE} to current_user`).catch(() => undefined);
    await tolerateConcurrentCreate(() => client.query(`grant ${TENANT_READER_ROLE} to ${APP_ROLE}`));
    await client.query(`grant connect, create, temporary on database ${quoteIdent(db)} to ${OWNER_ROLE}`);
    await client.query(`grant connect on database ${quoteIdent(db)} to ${APP_ROLE}`);
    await client.query(`grant all on schema public to ${OWNER_ROLE}`);
    await client.query(`grant usage on schema public to ${APP_ROLE}, ${TENANT_READER_ROLE}`);
    await tolerateConcurrentCreate(() => client.query(`create extension if not exists pg_trgm`));
  } finally {
    await client.end();
  }
}

/** The URL for the app role: the admin URL with its user and password swapped. */
export function deriveAppUrl(adminUrl: string, appPassword: string): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(appPassword);
  return url.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
