import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import { GENDERS, INDICATOR_CODES, ReportGender } from '../esf-indicators';

/** A reporting period of local (Brussels) dates, both days included. */
export class PeriodQuery {
  @ApiProperty({ example: '2025-01-01', description: 'First day of the period (YYYY-MM-DD, inclusive)' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last day of the period (YYYY-MM-DD, inclusive)' })
  @IsIsoDate()
  to!: string;
}

export class ExplainQuery extends PageQuery {
  @ApiProperty({ example: '2025-01-01' }) @IsIsoDate() from!: string;
  @ApiProperty({ example: '2025-12-31' }) @IsIsoDate() to!: string;

  @ApiProperty({ enum: INDICATOR_CODES, example: 'EECO02' })
  @IsIn(INDICATOR_CODES)
  indicator!: string;

  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: ReportGender;

  @ApiPropertyOptional({
    enum: ['counted', 'unknown'],
    default: 'counted',
    description: 'counted: the participants behind the number; unknown: those whose value is missing',
  })
  @IsOptional()
  @IsIn(['counted', 'unknown'])
  bucket: 'counted' | 'unknown' = 'counted';
}

export class QuarterQuery {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 1, minimum: 1, maximum: 4 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;
}

export class DataQualityQuery extends PageQuery {}
export class FollowUpsDueQuery extends PageQuery {}
