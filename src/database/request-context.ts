import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';

export interface RequestContext {
  requestId: string;
  manager: EntityManager;
  now: Date;
  actor?: Actor;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
