import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { ValueQuestionEntity } from '../learning.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class ValueQuestionDto {
  @ApiPropertyOptional({
    example: 'Ik wil dat mijn kinderen zien dat ik werk.',
    description: "The participant's question behind the question (waardevraag)",
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  valueQuestion?: string;

  @ApiPropertyOptional({
    example: 'Drie keer hetzelfde intakeformulier ingevuld bij drie diensten.',
    description: 'What was waste (verspilling) for the participant',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  waste?: string;
}

export class ValueQuestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseMeetingId!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() trajectoryId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ type: String, nullable: true }) valueQuestion!: string | null;
  @ApiProperty({ type: String, nullable: true }) waste!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

export class ValueQuestionReportItem {
  @ApiProperty({
    description:
      'A pseudonymous reference, the same for one participant within this report only (a keyed hash that changes with every report)',
    example: 'p-3f9a1c2e',
  })
  ref!: string;
  @ApiProperty({ example: '2026-11-04' }) meetingDate!: string;
  @ApiProperty() team!: string;
  @ApiProperty({ type: String, nullable: true }) valueQuestion!: string | null;
  @ApiProperty({ type: String, nullable: true }) waste!: string | null;
}

export class ValueQuestionReportResponse {
  @ApiProperty() year!: number;
  @ApiProperty() quarter!: number;
  @ApiProperty({ example: { from: '2026-10-01', to: '2026-12-31' } }) period!: { from: string; to: string };
  @ApiProperty() definition!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ValueQuestionReportItem] }) items!: ValueQuestionReportItem[];
}

export const toValueQuestionResponse = (v: ValueQuestionEntity): ValueQuestionResponse => ({
  id: v.id,
  caseMeetingId: v.caseMeetingId,
  itemId: v.itemId,
  trajectoryId: v.trajectoryId,
  participantId: v.participantId,
  valueQuestion: v.valueQuestion,
  waste: v.waste,
  recordedBy: v.recordedBy,
  version: v.version,
  updatedAt: v.updatedAt.toISOString(),
});
