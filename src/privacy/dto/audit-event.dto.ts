import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
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

export class AuditActorResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, isArray: true, example: ['coach'] }) roles!: string[];
}

export class AuditOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class AuditResourceResponse {
  @ApiProperty({ example: 'participant' }) type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

export class AuditEventResponse {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditActorResponse, nullable: true, description: 'null: the system' })
  actor!: AuditActorResponse | null;
  @ApiProperty({ type: AuditOrganisationResponse, nullable: true })
  actorOrganisation!: AuditOrganisationResponse | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty({ type: AuditResourceResponse }) resource!: AuditResourceResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) participantId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'case' }) scope!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'owner' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'Position in the hash chain once sealed',
  })
  chainSeq!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Hash in the chain once sealed' }) hash!:
    string | null;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items!: AuditEventResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

/** The DPO's view of one event. Details (old values of a rectification) stay in the database. */
export function toAuditEventResponse(e: AuditEventRow): AuditEventResponse {
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
