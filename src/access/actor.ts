import type { StaffRow } from '../database/database-context.service';
import type { RequestActor } from '../database/request-context';
import { Permission } from './permission';
import { Role } from './role';
import { permissionsFor } from './role-permissions';

// What a request's staff member may do, added to the ground floor's RequestActor (declaration merging):
// DatabaseContext hands out the same object without importing the permission table.
declare module '../database/request-context' {
  interface RequestActor {
    roles: Role[];
    permissions: ReadonlySet<Permission>;
  }
}

/** The authenticated staff member, as read from the database at the start of the request. */
export type Actor = RequestActor;

/** Given to DatabaseModule.forRoot: the staff row's roles (the staff table's check allows known roles only) with their permissions. */
export function actorFromStaff(staff: StaffRow): Actor {
  const roles = staff.roles as Role[];
  return { ...staff, roles, permissions: permissionsFor(roles) };
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
