import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/dates';
import { IfPresent } from '../../common/validation/present';
import {
  CONTRACT_TYPES,
  ContractType,
  MAX_HOURS_PER_WEEK,
  PLACEMENT_KINDS,
  PlacementKind,
} from '../placement-rules';

export class CreatePlacementDto {
  @ApiProperty({ enum: PLACEMENT_KINDS }) @IsIn(PLACEMENT_KINDS) kind!: PlacementKind;
  @ApiPropertyOptional({
    description: 'An employer or work floor of the register; optional for training only',
  })
  @IsOptional()
  @IsUUID()
  employerId?: string;
  @ApiProperty({ example: '2026-03-01', description: 'Not before the trajectory started' })
  @IsIsoDate()
  startDate!: string;
  @ApiPropertyOptional({
    example: '2026-08-31',
    description: 'Not before startDate; leave out while it runs',
  })
  @IsOptional()
  @IsIsoDate()
  endDate?: string;
  @ApiProperty({ example: 19, minimum: 0.1, maximum: MAX_HOURS_PER_WEEK })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(MAX_HOURS_PER_WEEK)
  hoursPerWeek!: number;
  @ApiProperty({ enum: CONTRACT_TYPES }) @IsIn(CONTRACT_TYPES) contractType!: ContractType;
}

/** Every field optional; null is refused, except endDate, where null means "still running" again. */
export class UpdatePlacementDto {
  @ApiPropertyOptional({ enum: PLACEMENT_KINDS }) @IfPresent() @IsIn(PLACEMENT_KINDS) kind?: PlacementKind;
  @ApiPropertyOptional() @IfPresent() @IsUUID() employerId?: string;
  @ApiPropertyOptional() @IfPresent() @IsIsoDate() startDate?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears the end date' })
  @ValidateIf((_: object, v: unknown) => v !== undefined && v !== null)
  @IsIsoDate()
  endDate?: string | null;
  @ApiPropertyOptional({ minimum: 0.1, maximum: MAX_HOURS_PER_WEEK })
  @IfPresent()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(MAX_HOURS_PER_WEEK)
  hoursPerWeek?: number;
  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IfPresent()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;
}

export class PlacementQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLACEMENT_KINDS }) @IsOptional() @IsIn(PLACEMENT_KINDS) kind?: PlacementKind;
}
