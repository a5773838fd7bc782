import { ApiProperty } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';

/** Staff by role and organisation, never by name. */
export class AccessLogWhoResponse {
  @ApiProperty({ type: String, isArray: true, example: ['coach'], description: '["system"] for the system' })
  roles!: string[];
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
}

export class AccessLogWhatResponse {
  @ApiProperty({ example: 'read' }) action!: string;
  @ApiProperty({ example: 'participant' }) resource!: string;
  @ApiProperty({ type: String, nullable: true, example: 'case' }) scope!: string | null;
}

export class AccessLogWhyResponse {
  @ApiProperty({ example: 'owner' }) code!: string;
  @ApiProperty({ example: 'Case management by the organisation that holds the file' }) text!: string;
}

/** Who, when, what and why: one line of a participant's access log (GDPR art. 15). */
export class AccessLogEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AccessLogWhoResponse }) who!: AccessLogWhoResponse;
  @ApiProperty({ type: AccessLogWhatResponse }) what!: AccessLogWhatResponse;
  @ApiProperty({ type: AccessLogWhyResponse, nullable: true }) why!: AccessLogWhyResponse | null;
}

export class AccessLogPageResponse {
  @ApiProperty({ type: [AccessLogEntryResponse] }) items!: AccessLogEntryResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
}

export class PseudonymiseResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'What replaces the name from now on' })
  pseudonym!: string | null;
  @ApiProperty({ format: 'date-time' }) pseudonymisedAt!: string;
}
