import { ApiProperty } from '@nestjs/swagger';
import { FeedbackEntity } from '../feedback.entity';

export class FeedbackResponse {
  @ApiProperty() id!: string;
  @ApiProperty() trajectoryId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty() givenAt!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) satisfaction!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() atClosing!: boolean;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() createdAt!: string;
}

export class FeedbackPageResponse {
  @ApiProperty({ type: [FeedbackResponse] }) items!: FeedbackResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

/** Field by field: a new column stays private until someone decides otherwise. */
export function toFeedbackResponse(f: FeedbackEntity): FeedbackResponse {
  return {
    id: f.id,
    trajectoryId: f.trajectoryId,
    participantId: f.participantId,
    givenAt: f.givenAt.toISOString(),
    satisfaction: f.satisfaction,
    comment: f.comment,
    atClosing: f.atClosing,
    recordedBy: f.recordedBy,
    createdAt: f.createdAt.toISOString(),
  };
}
