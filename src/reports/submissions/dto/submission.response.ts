import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The figures as they were sent: the body of GET /reports/esf or /reports/quarterly at that moment. */
const FIGURES = {
  type: 'object',
  additionalProperties: true,
  description:
    'The report exactly as it was when submitted (same shape as GET /reports/esf or /reports/quarterly); never recomputed',
} as const;

export class SubmissionPeriod {
  @ApiProperty({ example: '2025-01-01' }) from!: string;
  @ApiProperty({ example: '2025-12-31' }) to!: string;
}

export class SubmissionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['esf', 'quarterly'] }) kind!: 'esf' | 'quarterly';
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The staff member who submitted' }) submittedBy!: string;
  @ApiProperty({ format: 'uuid' }) submittedByOrganisationId!: string;
  @ApiProperty({ example: '2025-01-01' }) from!: string;
  @ApiProperty({ example: '2025-12-31' }) to!: string;
  @ApiPropertyOptional({ example: 2025 }) year?: number;
  @ApiPropertyOptional({ example: 1 }) quarter?: number;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: ['nl', 'en'], description: 'Language of the definitions in the figures' })
  language!: string;
  @ApiProperty({
    description:
      'SHA-256 (hex) of the JSON text {"header":[…],"rows":[…]} of the per-participant facts the figures were computed from (rows in id order), as stored with the submission',
  })
  factsHash!: string;
  @ApiProperty({ description: 'Participants (ESF) or trajectories (quarterly) in the stored facts' })
  factsCount!: number;
}

export class SubmissionResponse extends SubmissionSummaryResponse {
  @ApiProperty(FIGURES) figures!: Record<string, unknown>;
}

export class SubmissionPageResponse {
  @ApiProperty({ type: [SubmissionSummaryResponse] }) items!: SubmissionSummaryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class MovedParticipant {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiPropertyOptional({ description: 'Only where the caller holds a live grant on the participant' })
  firstName?: string;
  @ApiPropertyOptional() lastName?: string;
}

export class RestatementLine {
  @ApiProperty({ description: 'Indicator code (ESF) or the path of the figure in the report (quarterly)' })
  indicator!: string;
  @ApiPropertyOptional({ description: 'The cell: female, male, nonbinary, total, unknown.female …' })
  cell?: string;
  @ApiProperty({ nullable: true, type: Number }) submitted!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'current − submitted; null when either is not shown',
  })
  delta!: number | null;
}

export class RestatementIndicator {
  @ApiProperty() indicator!: string;
  @ApiProperty({ type: [RestatementLine] }) lines!: RestatementLine[];
  @ApiProperty({ description: 'Whether any figure of the indicator moved' }) changed!: boolean;
  @ApiProperty({
    type: [MovedParticipant],
    nullable: true,
    description:
      'The participants whose facts for this indicator moved; null for special categories (aggregate only) and for quarterly figures',
  })
  participants!: MovedParticipant[] | null;
}

export class RestatementResponse {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ enum: ['esf', 'quarterly'] }) kind!: 'esf' | 'quarterly';
  @ApiProperty({ type: SubmissionPeriod }) period!: SubmissionPeriod;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) comparedAt!: string;
  @ApiProperty() submittedFactsHash!: string;
  @ApiProperty() currentFactsHash!: string;
  @ApiProperty({ description: 'True when no figure and no fact moved' }) unchanged!: boolean;
  @ApiProperty({ type: [RestatementIndicator] }) indicators!: RestatementIndicator[];
  @ApiProperty({
    type: [MovedParticipant],
    description: 'Every participant whose facts moved (appeared, disappeared or changed)',
  })
  participants!: MovedParticipant[];
}
