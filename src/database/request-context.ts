import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/**
 * The staff member a request runs as, as the ground floor knows them: who they are and where they work.
 * What they may do (roles, permissions) belongs to access/, which adds it to this interface by declaration
 * merging (see `src/access/actor.ts`, as Express does with `Express.User`): so every `Actor` carries it,
 * and src/database imports no feature module.
 */
export interface RequestActor {
  staffId: string;
  partnershipId: string;
  organisationId: string;
  teamId: string | null;
  name: string;
  email: string;
}

export interface RequestContext {
  requestId: string;
  manager: EntityManager;
  now: Date;
  actor?: RequestActor;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
