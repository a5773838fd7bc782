import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { IsIsoDate } from '../../../common/validation/dates';

export class CreateEsfSubmissionDto {
  @ApiProperty({ example: '2025-01-01', description: 'First day of the period (YYYY-MM-DD, inclusive)' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last day of the period (YYYY-MM-DD, inclusive)' })
  @IsIsoDate()
  to!: string;

  @ApiPropertyOptional({
    example: 'Jaarrapportering 2025 aan Europa WSE',
    maxLength: 2000,
    description: 'What was sent and to whom; no names of participants',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CreateQuarterlySubmissionDto {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 1, minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) quarter!: number;

  @ApiPropertyOptional({ example: 'Stuurgroep april', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class SubmissionListQuery extends PageQuery {}
