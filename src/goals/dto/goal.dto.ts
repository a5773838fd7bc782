import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import { IfPresent } from '../../common/validation/present';
import { LIFE_DOMAINS, LifeDomain } from '../../life-domains/life-domain';
import { GOAL_STATUSES, GoalStatus } from '../goal-steps';
import { Trimmed } from '../../common/validation/trimmed';

export class GoalStepDto {
  @ApiProperty({ example: 'CV opmaken' }) @Trimmed() @IsString() @Length(1, 200) title!: string;
  @ApiProperty() @IsBoolean() done!: boolean;
  @ApiPropertyOptional({
    description: 'When it was done (ISO 8601); defaults to now when done; never in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  doneAt?: string;
}

export class CreateGoalDto {
  @ApiProperty({ enum: LIFE_DOMAINS }) @IsIn(LIFE_DOMAINS) lifeDomain!: LifeDomain;
  @ApiProperty({ example: 'Rijbewijs B halen' }) @Trimmed() @IsString() @Length(1, 200) title!: string;
  @ApiProperty({ example: '2026-09-30' }) @IsIsoDate() targetDate!: string;
  @ApiPropertyOptional({ type: [GoalStepDto], description: 'Interim steps, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GoalStepDto)
  steps?: GoalStepDto[];
}

export class UpdateGoalDto {
  @ApiPropertyOptional({ enum: LIFE_DOMAINS }) @IfPresent() @IsIn(LIFE_DOMAINS) lifeDomain?: LifeDomain;
  @ApiPropertyOptional() @IfPresent() @Trimmed() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IfPresent() @IsIsoDate() targetDate?: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES }) @IfPresent() @IsIn(GOAL_STATUSES) status?: GoalStatus;
  @ApiPropertyOptional({ type: [GoalStepDto], description: 'The whole list of interim steps' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GoalStepDto)
  steps?: GoalStepDto[];
}

export class GoalQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GOAL_STATUSES }) @IsOptional() @IsIn(GOAL_STATUSES) status?: GoalStatus;
  @ApiPropertyOptional({ enum: LIFE_DOMAINS }) @IsOptional() @IsIn(LIFE_DOMAINS) lifeDomain?: LifeDomain;
}
