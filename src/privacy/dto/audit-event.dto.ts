import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { AUDIT_ACTIONS, AuditAction } from '../audit.service';

export class AuditEventQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() participantId?: string;
  @ApiPropertyOptional({ description: 'The staff member who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;
  @ApiPropertyOptional({ description: "The actor's organisation" })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional({ description: 'From this moment, inclusive (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Before this moment, exclusive (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export interface AuditEventRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string[];
  actor_organisation_id: string | null;
  actor_organisation_name: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  participant_id: string | null;
  scope: string | null;
  reason: string | null;
  request_id: string | null;
  chain_seq: string | null;
  hash: string | null;
}

/** The DPO's view of one event. Details (old values of a rectification) stay in the database. */
export function toAuditEventResponse(e: AuditEventRow) {
  return {
    id: Number(e.id),
    at: e.at.toISOString(),
    actor: e.actor_id ? { id: e.actor_id, name: e.actor_name, roles: e.actor_roles } : null,
    actorOrganisation: e.actor_organisation_id
      ? { id: e.actor_organisation_id, name: e.actor_organisation_name }
      : null,
    action: e.action,
    resource: { type: e.resource_type, id: e.resource_id },
    participantId: e.participant_id,
    scope: e.scope,
    reason: e.reason,
    requestId: e.request_id,
    chainSeq: e.chain_seq === null ? null : Number(e.chain_seq),
    hash: e.hash,
  };
}
