import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { GENDERS } from '../../participants/participant.constants';
import { allowedReferralNext, isOpenReferral, REFERRAL_STATES, ReferralSide } from '../referral-state';
import { ReferralEntity, ReferralTransitionEntity } from '../referral.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface ReferralView {
  now: Date;
  /** The caller's organisation's sides on this referral; none for a case-level reader of the participant. */
  sides: ReferralSide[];
  /** Name of the participant when the caller holds any grant on them. */
  participant?: { firstName: string; lastName: string };
  insz?: string | null;
  transitions?: ReferralTransitionEntity[];
}

/** Person data of an inbound referral is shown to its two sides only; it is absent for anyone else. */
export function toReferralResponse(r: ReferralEntity, view: ReferralView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    direction: r.direction,
    target: r.target,
    kind: r.kind,
    state: r.state,
    participantId: r.participantId,
    trajectoryId: r.trajectoryId,
    senderOrganisationId: r.senderOrganisationId,
    targetOrganisationId: r.targetOrganisationId,
    assignedSpocId: r.assignedSpocId,
    note: r.note,
    dueAt: iso(r.dueAt),
    overdue: isOpenReferral(r.state) && r.dueAt.getTime() < view.now.getTime(),
    submittedAt: iso(r.submittedAt),
    closedAt: iso(r.closedAt),
    allowedTransitions: allowedReferralNext(r.state, view.sides),
    version: r.version,
  };
  if (view.participant) out.participant = { id: r.participantId, ...view.participant };
  if (r.person && view.sides.length > 0) {
    out.person = { ...r.person, ...(view.insz !== undefined ? { insz: view.insz } : {}) };
  }
  if (view.transitions) {
    out.transitions = view.transitions.map((t) => ({
      from: t.fromState,
      to: t.toState,
      reason: t.reason,
      note: t.note,
      actorId: t.actorId,
      actorOrganisationId: t.actorOrganisationId,
      at: iso(t.at),
    }));
  }
  return out;
}

export class ReferralParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

export class ReferralPersonResponse {
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ enum: GENDERS }) gender!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Decrypted for the receiving side' })
  insz?: string | null;
}

export class ReferralTransitionResponse {
  @ApiProperty({ enum: REFERRAL_STATES, nullable: true }) from!: string | null;
  @ApiProperty({ enum: REFERRAL_STATES }) to!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ format: 'uuid' }) actorOrganisationId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** The OpenAPI shape of toReferralResponse (person and insz only for the two sides of an inbound referral). */
export class ReferralResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction!: string;
  @ApiProperty({ enum: ['vdab', 'ocmw', 'partnership'] }) target!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: REFERRAL_STATES }) state!: string;
  @ApiProperty({ nullable: true, type: String }) participantId!: string | null;
  @ApiProperty({ nullable: true, type: String }) trajectoryId!: string | null;
  @ApiProperty() senderOrganisationId!: string;
  @ApiProperty() targetOrganisationId!: string;
  @ApiProperty({ nullable: true, type: String }) assignedSpocId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time', description: 'When it was sent (the effective date)' })
  submittedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ enum: REFERRAL_STATES, isArray: true }) allowedTransitions!: string[];
  @ApiProperty() version!: number;
  @ApiPropertyOptional({
    type: ReferralParticipantResponse,
    description: 'Where the caller holds a grant',
  })
  participant?: ReferralParticipantResponse;
  @ApiPropertyOptional({
    type: ReferralPersonResponse,
    description: 'Inbound, for its two sides only: the person before they are a participant',
  })
  person?: ReferralPersonResponse;
  @ApiPropertyOptional({ type: [ReferralTransitionResponse], description: 'On a single referral' })
  transitions?: ReferralTransitionResponse[];
}

export class ReferralStateCountsResponse {
  @ApiProperty(COUNT) submitted!: number;
  @ApiProperty(COUNT) accepted!: number;
  @ApiProperty(COUNT) in_progress!: number;
  @ApiProperty(COUNT) completed!: number;
  @ApiProperty(COUNT) rejected!: number;
  @ApiProperty(COUNT) cancelled!: number;
}

/** A page of referrals, with the count per state and of overdue ones over the whole filter. */
export class ReferralPageResponse {
  @ApiProperty({ type: [ReferralResponse] }) items!: ReferralResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
  @ApiProperty({ type: ReferralStateCountsResponse }) counts!: ReferralStateCountsResponse;
  @ApiProperty(COUNT) overdueCount!: number;
}

/** The MLP check as recorded: whether VDAB already runs a trajectory for the participant. */
export class VdabCheckResultResponse {
  @ApiProperty({ enum: ['none', 'active', 'closed'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ format: 'uuid' }) checkedBy!: string;
}

export class VdabTrajectoryCheckResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ type: VdabCheckResultResponse }) vdabTrajectory!: VdabCheckResultResponse;
}
