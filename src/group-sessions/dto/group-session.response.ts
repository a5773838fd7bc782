import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import {
  GROUP_SESSION_TAGS,
  GroupSessionAttendanceEntity,
  GroupSessionEntity,
  GroupSessionTag,
} from '../group-session.entity';

export class GroupSessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() theme!: string;
  @ApiProperty({ enum: GROUP_SESSION_TAGS }) tag!: GroupSessionTag;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty(COUNT) durationMinutes!: number;
  @ApiProperty() location!: string;
  @ApiProperty({ format: 'uuid' }) facilitatorId!: string;
}

export class GroupSessionPageResponse {
  @ApiProperty({ type: [GroupSessionResponse] }) items!: GroupSessionResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

/** What a facilitator's summary grant shows of an attendee. */
export class AttendeeContactResponse {
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class AttendanceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) groupSessionId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty() attended!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The contact moment it recorded',
  })
  contactId!: string | null;
  @ApiPropertyOptional({ type: AttendeeContactResponse, description: 'On the session, for the facilitator' })
  participant?: AttendeeContactResponse;
}

/** A session with the attendance the caller may see. */
export class GroupSessionDetailResponse extends GroupSessionResponse {
  @ApiProperty({ type: [AttendanceResponse] }) attendance!: AttendanceResponse[];
}

export function toGroupSessionResponse(s: GroupSessionEntity): GroupSessionResponse {
  return {
    id: s.id,
    theme: s.theme,
    tag: s.tag,
    at: s.at.toISOString(),
    durationMinutes: s.durationMinutes,
    location: s.location,
    facilitatorId: s.facilitatorId,
  };
}

/** Names and contact details only: what a facilitator's summary grant allows. */
export function toAttendanceResponse(
  a: GroupSessionAttendanceEntity,
  participant?: { firstName: string; lastName: string; phone: string | null },
): AttendanceResponse {
  return {
    id: a.id,
    groupSessionId: a.groupSessionId,
    participantId: a.participantId,
    trajectoryId: a.trajectoryId,
    attended: a.attended,
    contactId: a.contactId,
    ...(participant ? { participant } : {}),
  };
}
