import { Environment } from '../config/environment';
import { DatabaseContext } from '../database/database-context.service';
import { TenantBuilder } from './tenant-builder';

/**
 * Creates the first partnership, its promotor and an admin from BOOTSTRAP_* variables, once:
 * when a staff member with that email exists, nothing happens.
 */
export async function bootstrapAdmin(db: DatabaseContext, env: Environment): Promise<boolean> {
  const email = env.BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (!email || !password) return false;
  const existing: unknown[] = await db.runWithoutTenant((m) =>
    m.query('select id from app_login_lookup($1)', [email]),
  );
  if (existing.length) return false;
  await TenantBuilder.create(db, env.BOOTSTRAP_PARTNERSHIP, async (b) => {
    const org = await b.organisation({
      name: env.BOOTSTRAP_ORGANISATION,
      kboNumber: env.BOOTSTRAP_ORGANISATION === 'Stad Gent' ? '0207451227' : null,
      kind: 'promotor',
    });
    // Also the promotor's own org_admin: nobody else could create its staff (the organisation is not empty).
    await b.staff({
      email,
      name: 'Administrator',
      organisationId: org.id,
      roles: ['admin', 'org_admin'],
      password,
    });
  });
  return true;
}
