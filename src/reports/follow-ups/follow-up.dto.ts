import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../common/validation/dates';
import { FOLLOW_UP_SITUATIONS, FollowUpSituation } from '../esf-indicators';
import { FollowUpEntity } from './follow-up.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateFollowUpDto {
  @ApiProperty({
    example: '2025-06-07',
    description: 'The day the situation was established (on or after leaving, not in the future)',
  })
  @IsIsoDate()
  at!: string;

  @ApiProperty({ enum: FOLLOW_UP_SITUATIONS })
  @IsIn(FOLLOW_UP_SITUATIONS)
  situation!: FollowUpSituation;

  @ApiPropertyOptional({
    description:
      'For someone employed at entry: moved from precarious to stable work, from under- to full employment, to a job needing higher skills, or was promoted (ESF+ EECR06)',
  })
  @IsOptional()
  @IsBoolean()
  improvedSituation?: boolean;

  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(2000) note?: string;
}

export function toFollowUpResponse(f: FollowUpEntity) {
  return {
    id: f.id,
    trajectoryId: f.trajectoryId,
    participantId: f.participantId,
    at: f.at,
    situation: f.situation,
    improvedSituation: f.improvedSituation,
    note: f.note,
    recordedBy: f.recordedBy,
    createdAt: f.createdAt.toISOString(),
  };
}
