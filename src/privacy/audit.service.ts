import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { Scope } from '../access/scope';
import { AuditRepository } from './audit.repository';

export const AUDIT_ACTIONS = [
  'read',
  'list',
  'create',
  'update',
  'transition',
  'export',
  'grant',
  'revoke',
  'pseudonymise',
  'search',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  participantId?: string | null;
  scope?: Scope | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Keys of `details` that carry the participant's personal values (old and new field values, goal
 * titles). For an event about a participant they are stored only encrypted with that participant's
 * key, which pseudonymisation destroys (crypto-shredding). Everything else in details (ids, codes,
 * counts, flags, the DPO's own reference note on a pseudonymisation) stays readable for oversight.
 */
export const PERSONAL_DETAIL_KEYS = ['changes', 'values', 'title', 'name'] as const;

/** A reason that is a code (`consent_withdrawn`) stays readable; free text is sealed like details. */
const REASON_CODE = /^[a-z][a-z0-9_]*$/;

interface StoredEntry {
  action: AuditAction;
  resource_type: string;
  resource_id: string | null;
  participant_id: string | null;
  scope: Scope | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  secret?: { reason?: string; details?: Record<string, unknown> };
}

/** Splits an entry into what is stored in clear and what is sealed with the participant's key. */
export function toStoredEntry(e: AuditEntry): StoredEntry {
  const stored: StoredEntry = {
    action: e.action,
    resource_type: e.resourceType,
    resource_id: e.resourceId ?? null,
    participant_id: e.participantId ?? null,
    scope: e.scope ?? null,
    reason: e.reason ?? null,
    details: e.details ?? null,
  };
  if (!e.participantId) return stored;
  const secret: NonNullable<StoredEntry['secret']> = {};
  if (e.reason && !REASON_CODE.test(e.reason)) {
    secret.reason = e.reason;
    stored.reason = null;
  }
  if (e.details) {
    const personal = Object.entries(e.details).filter(
      ([key, value]) => value !== undefined && (PERSONAL_DETAIL_KEYS as readonly string[]).includes(key),
    );
    if (personal.length) {
      secret.details = Object.fromEntries(personal);
      stored.details = Object.fromEntries(
        Object.entries(e.details).filter(
          ([key]) => !(PERSONAL_DETAIL_KEYS as readonly string[]).includes(key),
        ),
      );
    }
  }
  if (secret.reason !== undefined || secret.details !== undefined) stored.secret = secret;
  return stored;
}

/**
 * Writes audit events in the request's own transaction: if the work rolls back, so does its
 * record, and no read happens without one. The runtime role cannot write audit_events itself:
 * app_audit_record() takes actor, organisation, roles, tenant and time from the request context
 * (set by app_begin_request), and seals personal values with the participant's key.
 * Hash-chaining happens later, in app_audit_seal() (see AuditSealer).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly events: AuditRepository,
  ) {}

  async record(...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.events.record(this.db.requestId, entries.map(toStoredEntry));
  }
}
