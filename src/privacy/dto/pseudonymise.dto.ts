import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';

export class PseudonymiseDto {
  @ApiPropertyOptional({
    description: 'Why, e.g. the reference of the erasure request; kept in the audit log',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(3, 500)
  note?: string;
}
