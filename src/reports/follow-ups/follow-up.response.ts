import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import {
  FOLLOW_UP_SITUATIONS,
  FOLLOW_UP_WINDOWS,
  FollowUpSituation,
  FollowUpWindow,
} from '../esf-indicators';

export class FollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'date', description: 'The day the situation was established' }) at!: string;
  @ApiProperty({ enum: FOLLOW_UP_SITUATIONS }) situation!: FollowUpSituation;
  @ApiProperty({ type: Boolean, nullable: true }) improvedSituation!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FollowUpCaseManagerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

/** A follow-up to make: whom, in which window, by when (days in Brussels). */
export class FollowUpDueItemResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiPropertyOptional({ description: 'Where the caller may see the name' }) firstName?: string;
  @ApiPropertyOptional({ description: 'Where the caller may see the name' }) lastName?: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ enum: Object.keys(FOLLOW_UP_WINDOWS) }) window!: FollowUpWindow;
  @ApiProperty({ example: 'within 4 weeks of leaving' }) label!: string;
  @ApiProperty({ format: 'date' }) exitDate!: string;
  @ApiProperty({ format: 'date' }) contactFrom!: string;
  @ApiProperty({ format: 'date' }) contactBy!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ enum: ['open', 'upcoming'] }) status!: string;
  @ApiProperty({ type: FollowUpCaseManagerResponse, nullable: true })
  caseManager!: FollowUpCaseManagerResponse | null;
}

export class FollowUpsDuePageResponse {
  @ApiProperty({ type: [FollowUpDueItemResponse] }) items!: FollowUpDueItemResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}
