import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { InstrumentSpec } from '../../empowerment/instrument';
import { ASSESSMENT_KINDS, AssessmentKind, DueAssessment } from '../../empowerment/schedule';
import { InstrumentRef } from './assessment.response';

export class DueAssessmentResponse {
  @ApiProperty({ enum: ASSESSMENT_KINDS }) kind!: AssessmentKind;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'The start or the measurement the due date is counted from',
  })
  countedFrom!: string;
  @ApiProperty() overdue!: boolean;
}

export class DueInstrumentResponse {
  @ApiProperty({ type: InstrumentRef }) instrument!: InstrumentRef;
  @ApiProperty({ type: DueAssessmentResponse, nullable: true, description: 'null: nothing is due' })
  due!: DueAssessmentResponse | null;
}

export class DueResponse {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ type: [DueInstrumentResponse] }) items!: DueInstrumentResponse[];
}

export class ParticipantNameResponse {
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

export class OverdueItemResponse {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiPropertyOptional({ type: ParticipantNameResponse, description: 'Only where the caller holds a grant' })
  participant?: ParticipantNameResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseManagerId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty({ example: 'empowerment', maxLength: 50 }) instrument!: string;
  @ApiProperty({ enum: ['baseline', 'review'] }) kind!: 'baseline' | 'review';
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty(COUNT) daysOverdue!: number;
}

export class OverduePageResponse {
  @ApiProperty({ type: [OverdueItemResponse] }) items!: OverdueItemResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

export function toDueResponse(
  trajectoryId: string,
  items: { instrument: Pick<InstrumentSpec, 'key' | 'version'>; due: DueAssessment | null }[],
): DueResponse {
  return {
    trajectoryId,
    items: items.map(({ instrument, due }) => ({
      instrument: { key: instrument.key, version: instrument.version },
      due: due
        ? {
            kind: due.kind,
            dueAt: due.dueAt.toISOString(),
            countedFrom: due.countedFrom.toISOString(),
            overdue: due.overdue,
          }
        : null,
    })),
  };
}

export interface OverdueRow {
  trajectory_id: string;
  participant_id: string;
  case_manager_id: string | null;
  team_id: string | null;
  instrument: string;
  kind: 'baseline' | 'review';
  due_at: Date;
}

const DAY_MS = 86400_000;

/** The participant's name only where the caller holds a grant; otherwise the field is absent. */
export function toOverdueItem(
  r: OverdueRow,
  now: Date,
  name: { firstName: string; lastName: string } | undefined,
): OverdueItemResponse {
  return {
    trajectoryId: r.trajectory_id,
    participantId: r.participant_id,
    ...(name ? { participant: { firstName: name.firstName, lastName: name.lastName } } : {}),
    caseManagerId: r.case_manager_id,
    teamId: r.team_id,
    instrument: r.instrument,
    kind: r.kind,
    dueAt: new Date(r.due_at).toISOString(),
    daysOverdue: Math.floor((now.getTime() - new Date(r.due_at).getTime()) / DAY_MS),
  };
}
