import { ApiProperty } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { CaseMeetingActionEntity, CaseMeetingEntity, CaseMeetingItemEntity } from '../case-meeting.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A case meeting without its items (what toCaseMeetingResponse returns), for the OpenAPI document. */
export class CaseMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ format: 'uuid' }) organiserId!: string;
  @ApiProperty({ format: 'uuid' }) organiserOrganisationId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Set once the meeting is cancelled',
  })
  cancelledAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) attendeeIds!: string[];
}

export class CaseMeetingPageResponse {
  @ApiProperty({ type: [CaseMeetingResponse] }) items!: CaseMeetingResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

/** An action agreed on an item: who does what by when. */
export class CaseMeetingActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ format: 'uuid' }) caseMeetingId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) ownerStaffId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) completedBy!: string | null;
}

export function toCaseMeetingResponse(m: CaseMeetingEntity, attendeeIds: string[]): CaseMeetingResponse {
  return {
    id: m.id,
    teamId: m.teamId,
    scheduledAt: m.scheduledAt.toISOString(),
    location: m.location,
    organiserId: m.organiserId,
    organiserOrganisationId: m.organiserOrganisationId,
    cancelledAt: iso(m.cancelledAt),
    attendeeIds,
  };
}

export function toActionResponse(a: CaseMeetingActionEntity): CaseMeetingActionResponse {
  return {
    id: a.id,
    itemId: a.itemId,
    caseMeetingId: a.caseMeetingId,
    participantId: a.participantId,
    description: a.description,
    ownerStaffId: a.ownerStaffId,
    dueAt: a.dueAt.toISOString(),
    completedAt: iso(a.completedAt),
    completedBy: a.completedBy,
  };
}

export function toItemResponse(
  i: CaseMeetingItemEntity,
  actions: CaseMeetingActionEntity[],
): CaseMeetingItemResponse {
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
    createdAt: i.createdAt.toISOString(),
    actions: actions.map(toActionResponse),
  };
}

/** The OpenAPI shape of toItemResponse. */
export class CaseMeetingItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseMeetingId!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() participantPresent!: boolean;
  @ApiProperty({ enum: ['consent', 'present'] }) basis!: 'consent' | 'present';
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisions!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) referralId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) contactId!: string | null;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [CaseMeetingActionResponse] }) actions!: CaseMeetingActionResponse[];
}

/** A case meeting with the items and actions the caller may see. */
export class CaseMeetingDetailResponse extends CaseMeetingResponse {
  @ApiProperty({ type: [CaseMeetingItemResponse] }) items!: CaseMeetingItemResponse[];
}

export class AgendaMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty() location!: string;
}

export class AgendaAttendeeResponse {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organisationName!: string;
}

export class AgendaParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

export class AgendaReferralResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'vdab' }) target!: string;
  @ApiProperty({ example: 'training' }) kind!: string;
  @ApiProperty({ example: 'submitted' }) state!: string;
}

export class AgendaActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) ownerStaffId!: string;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class AgendaItemResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: AgendaParticipantResponse }) participant!: AgendaParticipantResponse;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'begeleiding' }) trajectoryStatus!: string | null;
  @ApiProperty() participantPresent!: boolean;
  @ApiProperty({ enum: ['consent', 'present'] }) basis!: 'consent' | 'present';
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisions!: string | null;
  @ApiProperty({ type: AgendaReferralResponse, nullable: true }) referral!: AgendaReferralResponse | null;
  @ApiProperty({ type: [AgendaActionResponse] }) actions!: AgendaActionResponse[];
}

/** The agenda as JSON (text/markdown prints the same). */
export class CaseMeetingAgendaResponse {
  @ApiProperty({ type: AgendaMeetingResponse }) meeting!: AgendaMeetingResponse;
  @ApiProperty({ type: [AgendaAttendeeResponse] }) attendees!: AgendaAttendeeResponse[];
  @ApiProperty({ type: [AgendaItemResponse] }) items!: AgendaItemResponse[];
}
