import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIFE_DOMAINS, LifeDomain } from '../life-domain';
import { Trimmed } from '../../common/validation/trimmed';

export class LifeDomainItemDto {
  @ApiProperty({ enum: LIFE_DOMAINS }) @IsIn(LIFE_DOMAINS) domain!: LifeDomain;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 = a small concern, 5 = acute' })
  @IsInt()
  @Min(1)
  @Max(5)
  severity!: number;
  @ApiPropertyOptional({
    description:
      'Free text. On health and mental_health it is special-category data: callers who cannot read it leave it out, and the stored note is kept.',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}

/** The full set: a domain left out is no longer affected and is removed. */
export class PutLifeDomainsDto {
  @ApiProperty({ type: [LifeDomainItemDto] })
  @IsArray()
  @ArrayMaxSize(LIFE_DOMAINS.length)
  @ValidateNested({ each: true })
  @Type(() => LifeDomainItemDto)
  domains!: LifeDomainItemDto[];
}
