import { ApiProperty } from '@nestjs/swagger';
import { CaseMeetingActionEntity, CaseMeetingEntity, CaseMeetingItemEntity } from '../case-meeting.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A case meeting without its items (what toCaseMeetingResponse returns), for the OpenAPI document. */
export class CaseMeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty({ description: 'ISO 8601' }) scheduledAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty() organiserId!: string;
  @ApiProperty() organiserOrganisationId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 8601; set once the meeting is cancelled' })
  cancelledAt!: string | null;
  @ApiProperty({ type: [String] }) attendeeIds!: string[];
}

export function toCaseMeetingResponse(m: CaseMeetingEntity, attendeeIds: string[]): Record<string, unknown> {
  return {
    id: m.id,
    teamId: m.teamId,
    scheduledAt: iso(m.scheduledAt),
    location: m.location,
    organiserId: m.organiserId,
    organiserOrganisationId: m.organiserOrganisationId,
    cancelledAt: iso(m.cancelledAt),
    attendeeIds,
  };
}

export function toActionResponse(a: CaseMeetingActionEntity): Record<string, unknown> {
  return {
    id: a.id,
    itemId: a.itemId,
    caseMeetingId: a.caseMeetingId,
    participantId: a.participantId,
    description: a.description,
    ownerStaffId: a.ownerStaffId,
    dueAt: iso(a.dueAt),
    completedAt: iso(a.completedAt),
    completedBy: a.completedBy,
  };
}

export function toItemResponse(
  i: CaseMeetingItemEntity,
  actions: CaseMeetingActionEntity[],
): Record<string, unknown> {
  return {
    id: i.id,
    caseMeetingId: i.caseMeetingId,
    trajectoryId: i.trajectoryId,
    participantId: i.participantId,
    participantPresent: i.participantPresent,
    basis: i.basis,
    summary: i.summary,
    decisions: i.decisions,
    referralId: i.referralId,
    contactId: i.contactId,
    authorId: i.authorId,
    createdAt: iso(i.createdAt),
    actions: actions.map(toActionResponse),
  };
}

/** The OpenAPI shape of toItemResponse. */
export class CaseMeetingItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseMeetingId!: string;
  @ApiProperty() trajectoryId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty() participantPresent!: boolean;
  @ApiProperty({ enum: ['consent', 'present'] }) basis!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisions!: string | null;
  @ApiProperty({ nullable: true, type: String }) referralId!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactId!: string | null;
  @ApiProperty() authorId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: Object, isArray: true }) actions!: Record<string, unknown>[];
}
