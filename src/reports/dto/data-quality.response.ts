import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { DATA_QUALITY_REASONS } from '../data-quality.reasons';

export class DataQualityReasonResponse {
  @ApiProperty({ enum: Object.keys(DATA_QUALITY_REASONS) }) code!: string;
  @ApiProperty({ description: "In the reader's language" }) message!: string;
}

export class DataQualityItemResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiPropertyOptional({ description: 'Only where the caller holds a grant' }) firstName?: string;
  @ApiPropertyOptional({ description: 'Only where the caller holds a grant' }) lastName?: string;
  @ApiProperty({ type: [DataQualityReasonResponse] }) reasons!: DataQualityReasonResponse[];
}

/** Participants whose entry data is incomplete or inconsistent, each with every reason that applies. */
export class DataQualityPageResponse {
  @ApiProperty() definition!: string;
  @ApiProperty({ type: [DataQualityItemResponse] }) items!: DataQualityItemResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}
