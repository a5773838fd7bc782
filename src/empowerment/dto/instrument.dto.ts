import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_THRESHOLDS,
  DIMENSIONS_MAX,
  DIMENSIONS_MIN,
  InstrumentAnchor,
  InstrumentDimension,
  LocalisedText,
  SCALE_LIMIT,
} from '../instrument';
import { InstrumentEntity } from '../instrument.entity';
import { Trimmed } from '../../common/validation/trimmed';

const KEY = /^[a-z][a-z0-9_]{1,49}$/;
const KEY_MESSAGE = 'must be 2–50 characters: lower-case letters, digits and _, starting with a letter';

export class LocalisedTextDto {
  @ApiProperty({ example: 'Competentie' }) @Trimmed() @IsString() @Length(1, 200) nl!: string;
  @ApiProperty({ example: 'Competence' }) @Trimmed() @IsString() @Length(1, 200) en!: string;
}

export class InstrumentDimensionDto {
  @ApiProperty({ example: 'competentie' })
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key!: string;

  @ApiProperty({ type: LocalisedTextDto })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  label!: LocalisedTextDto;

  @ApiPropertyOptional({ type: LocalisedTextDto, description: 'What the dimension means, in a few words.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  description?: LocalisedTextDto;
}

export class InstrumentAnchorDto {
  @ApiProperty({ example: 1 }) @IsInt() score!: number;

  @ApiProperty({ type: LocalisedTextDto })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  label!: LocalisedTextDto;

  @ApiPropertyOptional({ description: 'Limits the anchor to one dimension; without it, it holds for all.' })
  @IsOptional()
  @Matches(KEY, { message: `dimension ${KEY_MESSAGE}` })
  dimension?: string;
}

export class CreateInstrumentDto {
  @ApiProperty({
    example: 'werkfit',
    description: 'An existing key gets a new version; a new key starts at version 1.',
  })
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key!: string;

  @ApiProperty({ type: LocalisedTextDto })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  name!: LocalisedTextDto;

  @ApiProperty({ type: [InstrumentDimensionDto], minItems: DIMENSIONS_MIN, maxItems: DIMENSIONS_MAX })
  @IsArray()
  @ArrayMinSize(DIMENSIONS_MIN)
  @ArrayMaxSize(DIMENSIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => InstrumentDimensionDto)
  dimensions!: InstrumentDimensionDto[];

  @ApiProperty({ example: 1 }) @IsInt() @Min(-SCALE_LIMIT) @Max(SCALE_LIMIT) scaleMin!: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(-SCALE_LIMIT) @Max(SCALE_LIMIT) scaleMax!: number;

  @ApiPropertyOptional({ type: [InstrumentAnchorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InstrumentAnchorDto)
  anchors?: InstrumentAnchorDto[];

  @ApiPropertyOptional({ default: DEFAULT_SCHEDULE.reviewIntervalMonths, minimum: 1, maximum: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  reviewIntervalMonths?: number;

  @ApiPropertyOptional({ default: DEFAULT_SCHEDULE.baselineDueWeeks, minimum: 1, maximum: 52 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  baselineDueWeeks?: number;

  @ApiPropertyOptional({
    default: DEFAULT_THRESHOLDS.progressThreshold,
    description: 'A change at or above this is progress.',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(99)
  progressThreshold?: number;

  @ApiPropertyOptional({
    default: DEFAULT_THRESHOLDS.regressionThreshold,
    description: 'A change at or below this is regression.',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(-99)
  @Max(-0.01)
  regressionThreshold?: number;

  @ApiPropertyOptional({
    description:
      'For a release-style scale: the score from which guidance can be let go (drawn on the release chart).',
  })
  @IsOptional()
  @IsInt()
  @Min(-SCALE_LIMIT)
  @Max(SCALE_LIMIT)
  releaseThreshold?: number;
}

export class InstrumentQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'empowerment' })
  @IsOptional()
  @Matches(KEY, { message: `key ${KEY_MESSAGE}` })
  key?: string;

  @ApiPropertyOptional({ description: 'Only the newest version of each key.', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  latest?: boolean;
}

export class LocalisedTextResponse {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

export class InstrumentDimensionResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalisedTextResponse }) label!: LocalisedTextResponse;
  @ApiProperty({ type: LocalisedTextResponse, nullable: true }) description!: LocalisedTextResponse | null;
}

export class InstrumentAnchorResponse {
  @ApiProperty() score!: number;
  @ApiProperty({ type: LocalisedTextResponse }) label!: LocalisedTextResponse;
  @ApiProperty({ nullable: true, type: String }) dimension!: string | null;
}

export class InstrumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalisedTextResponse }) name!: LocalisedTextResponse;
  @ApiProperty({ description: 'Instrument version. Versions never change; a change is a new version.' })
  version!: number;
  @ApiProperty({ description: 'Shipped with the application and shared by every partnership.' })
  builtIn!: boolean;
  @ApiProperty({ type: [InstrumentDimensionResponse] }) dimensions!: InstrumentDimensionResponse[];
  @ApiProperty() scaleMin!: number;
  @ApiProperty() scaleMax!: number;
  @ApiProperty({ type: [InstrumentAnchorResponse] }) anchors!: InstrumentAnchorResponse[];
  @ApiProperty() reviewIntervalMonths!: number;
  @ApiProperty() baselineDueWeeks!: number;
  @ApiProperty() progressThreshold!: number;
  @ApiProperty() regressionThreshold!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Release scale: the score from which guidance can be let go; null for other instruments.',
  })
  releaseThreshold!: number | null;
  @ApiProperty() createdAt!: Date;
}

const text = (t: LocalisedText): LocalisedTextResponse => ({ nl: t.nl, en: t.en });

const toDimension = (d: InstrumentDimension): InstrumentDimensionResponse => ({
  key: d.key,
  label: text(d.label),
  description: d.description ? text(d.description) : null,
});

const toAnchor = (a: InstrumentAnchor): InstrumentAnchorResponse => ({
  score: a.score,
  label: text(a.label),
  dimension: a.dimension ?? null,
});

/** Field by field, into the jsonb too: whatever else a row may hold stays private. */
export function toInstrumentResponse(i: InstrumentEntity): InstrumentResponse {
  return {
    id: i.id,
    key: i.key,
    name: text(i.name),
    version: i.version,
    builtIn: i.partnershipId === null,
    dimensions: i.dimensions.map(toDimension),
    scaleMin: i.scaleMin,
    scaleMax: i.scaleMax,
    anchors: (i.anchors ?? []).map(toAnchor),
    reviewIntervalMonths: i.reviewIntervalMonths,
    baselineDueWeeks: i.baselineDueWeeks,
    progressThreshold: i.progressThreshold,
    regressionThreshold: i.regressionThreshold,
    releaseThreshold: i.releaseThreshold ?? null,
    createdAt: i.createdAt,
  };
}
