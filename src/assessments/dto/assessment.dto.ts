import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import { DEFAULT_PERSPECTIVE, Perspective, PERSPECTIVES } from '../../empowerment/perspective';
import { ASSESSMENT_KINDS, AssessmentKind } from '../../empowerment/schedule';
import { Trimmed } from '../../common/validation/trimmed';

const KEY = /^[a-z][a-z0-9_]{1,49}$/;
const KEY_MESSAGE = 'instrument must be an instrument key, e.g. empowerment';
const SCORES_EXAMPLE = {
  competentie: 6,
  zelfbeschikking: 5,
  impact: 4,
  betekenis: 7,
  positieve_identiteit: 6,
  groepsorientatie: 5,
};

export class CreateAssessmentDto {
  @ApiProperty({ example: 'empowerment', description: 'Instrument key' })
  @Matches(KEY, { message: KEY_MESSAGE })
  instrument!: string;

  @ApiPropertyOptional({ description: 'Instrument version; defaults to the newest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  version?: number;

  @ApiProperty({ enum: ASSESSMENT_KINDS }) @IsIn(ASSESSMENT_KINDS) kind!: AssessmentKind;

  @ApiPropertyOptional({
    enum: PERSPECTIVES,
    default: DEFAULT_PERSPECTIVE,
    description:
      "Whose reading this is: the participant's own, the coach's, or the one agreed together. Progress counts the agreed reading of a moment, or the participant's where none was agreed; never the coach's alone.",
  })
  @IsOptional()
  @IsIn(PERSPECTIVES)
  perspective?: Perspective;

  @ApiProperty({ description: 'When it was scored (ISO 8601); never in the future' })
  @IsISO8601({ strict: true })
  takenAt!: string;

  @ApiProperty({
    example: SCORES_EXAMPLE,
    description: "A whole score within the instrument's scale for every dimension, and nothing else",
  })
  @IsObject()
  scores!: Record<string, unknown>;

  @ApiPropertyOptional({ description: "The participant's own scores, beside the coach's" })
  @IsOptional()
  @IsObject()
  participantScores?: Record<string, unknown>;

  @ApiPropertyOptional() @IsOptional() @Trimmed() @IsString() @MaxLength(4000) note?: string;

  @ApiPropertyOptional({ description: 'Whether the participant took part in the scoring' })
  @IsOptional()
  @IsBoolean()
  participantPresent?: boolean;
}

export class AssessmentQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'empowerment' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE })
  instrument?: string;

  @ApiPropertyOptional({ enum: ASSESSMENT_KINDS })
  @IsOptional()
  @IsIn(ASSESSMENT_KINDS)
  kind?: AssessmentKind;

  @ApiPropertyOptional({ enum: PERSPECTIVES })
  @IsOptional()
  @IsIn(PERSPECTIVES)
  perspective?: Perspective;
}

export class InstrumentKeyQuery {
  @ApiPropertyOptional({ type: String, example: 'empowerment', default: 'empowerment' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE })
  instrument = 'empowerment';
}

export class ReleaseQuery {
  @ApiPropertyOptional({ example: 'release_scale', default: 'release_scale' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE })
  instrument = 'release_scale';
}

const COMPARE_ITEM = '(?:baseline|latest|[0-9a-fA-F-]{36})';

export class StarQuery extends InstrumentKeyQuery {
  @ApiPropertyOptional({
    type: String,
    default: 'baseline,latest',
    description: 'Two to four of: baseline, latest or an assessment id, comma-separated',
  })
  @IsOptional()
  @Matches(new RegExp(`^${COMPARE_ITEM}(?:,${COMPARE_ITEM}){1,3}$`), {
    message: 'compare must list 2 to 4 of baseline, latest or an assessment id, comma-separated',
  })
  compare = 'baseline,latest';
}

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseManagerId?: string;
}

export const GROUP_BY = ['team', 'organisation', 'partnership'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export class ProgressAggregateQuery extends InstrumentKeyQuery {
  @ApiProperty({ description: 'First day (YYYY-MM-DD, Brussels time), inclusive' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ description: 'Last day (YYYY-MM-DD, Brussels time), inclusive' })
  @IsIsoDate()
  to!: string;

  @ApiPropertyOptional({ enum: GROUP_BY, default: 'partnership' })
  @IsOptional()
  @IsIn(GROUP_BY)
  groupBy: GroupBy = 'partnership';
}
