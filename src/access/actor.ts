import { Permission } from './permission';
import { Role } from './role';

/** The authenticated staff member, as read from the database at the start of the request. */
export interface Actor {
  staffId: string;
  partnershipId: string;
  organisationId: string;
  teamId: string | null;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  name: string;
  email: string;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
