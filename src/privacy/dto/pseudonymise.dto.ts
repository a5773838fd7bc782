import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Trimmed } from '../../common/validation/trimmed';

export class PseudonymiseDto {
  @ApiPropertyOptional({
    description: 'Why, e.g. the reference of the erasure request; kept in the audit log',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(3, 500)
  note?: string;
}
