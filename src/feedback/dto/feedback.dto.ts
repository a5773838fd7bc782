import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { Trimmed } from '../../common/validation/trimmed';

export const SATISFACTION = { min: 1, max: 5 } as const;
export const COMMENT_MAX = 2000;

export class CreateFeedbackDto {
  @ApiProperty({ minimum: SATISFACTION.min, maximum: SATISFACTION.max, example: 4 })
  @IsInt()
  @Min(SATISFACTION.min)
  @Max(SATISFACTION.max)
  satisfaction!: number;

  @ApiPropertyOptional({
    maxLength: COMMENT_MAX,
    description:
      "The participant's own words, as they said them. Blanked when the participant is pseudonymised.",
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;

  @ApiPropertyOptional({
    description: 'When the participant gave it (ISO 8601); defaults to now, never in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  givenAt?: string;

  @ApiPropertyOptional({ default: false, description: 'Given at the closing of the trajectory' })
  @IsOptional()
  @IsBoolean()
  atClosing?: boolean;
}

export class FeedbackQuery extends PageQuery {}
