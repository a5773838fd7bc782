import { ApiProperty } from '@nestjs/swagger';
import { OverdueItemResponse } from '../../assessments/dto/schedule.response';
import { GroupSessionResponse } from '../../group-sessions/dto/group-session.response';
import { REFERRAL_STATES } from '../../referrals/referral-state';

export class MyAgendaReferralResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction!: string;
  @ApiProperty({ enum: ['vdab', 'ocmw', 'partnership'] }) target!: string;
  @ApiProperty({ example: 'training' }) kind!: string;
  @ApiProperty({ enum: REFERRAL_STATES }) state!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Only while a grant holds' })
  participantId!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
}

/** An open case-meeting action of mine: without the person once my access to them has ended. */
export class MyAgendaActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) itemId!: string | null;
  @ApiProperty({ format: 'uuid' }) caseMeetingId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) participantId!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'uuid' }) ownerStaffId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) completedBy!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class MyAgendaMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty() location!: string;
}

/** My work for today. */
export class MyAgendaResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [MyAgendaReferralResponse] }) referrals!: MyAgendaReferralResponse[];
  @ApiProperty({ type: [MyAgendaActionResponse] }) caseMeetingActions!: MyAgendaActionResponse[];
  @ApiProperty({ type: [MyAgendaMeetingResponse] }) caseMeetings!: MyAgendaMeetingResponse[];
  @ApiProperty({ type: [GroupSessionResponse] }) groupSessions!: GroupSessionResponse[];
  @ApiProperty({ type: [OverdueItemResponse] }) overdueAssessments!: OverdueItemResponse[];
}
