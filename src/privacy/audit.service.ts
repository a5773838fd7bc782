import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { Scope } from '../access/scope';

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
 * Writes audit events in the request's own transaction: if the work rolls back, so does its
 * record, and no read happens without one. Hash-chaining happens later, in app_audit_seal().
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: DatabaseContext) {}

  async record(...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const actor = this.db.actor;
    await this.db.manager.query(
      `insert into audit_events (partnership_id, at, actor_id, actor_organisation_id, actor_roles, action, resource_type,
                                 resource_id, participant_id, scope, reason, request_id, details)
       select $1, $2, $3, $4, $5, e.action, e.resource_type, e.resource_id, e.participant_id, e.scope, e.reason, $6, e.details
         from jsonb_to_recordset($7::jsonb) as e(action text, resource_type text, resource_id text, participant_id uuid,
                                                  scope text, reason text, details jsonb)`,
      [
        actor.partnershipId,
        this.db.now,
        actor.staffId,
        actor.organisationId,
        actor.roles,
        this.db.requestId,
        JSON.stringify(
          entries.map((e) => ({
            action: e.action,
            resource_type: e.resourceType,
            resource_id: e.resourceId ?? null,
            participant_id: e.participantId ?? null,
            scope: e.scope ?? null,
            reason: e.reason ?? null,
            details: e.details ?? null,
          })),
        ),
      ],
    );
  }
}
