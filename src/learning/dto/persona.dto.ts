import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { PersonaEntity } from '../learning.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class CreatePersonaDto {
  @ApiProperty({ example: 'Jonge nieuwkomer' }) @Trimmed() @IsString() @Length(1, 100) name!: string;
  @ApiProperty({
    example: 'Jonger dan 30, minder dan vijf jaar in België, leert Nederlands, wil snel aan het werk.',
  })
  @Trimmed()
  @IsString()
  @Length(1, 1000)
  description!: string;
}

export class UpdatePersonaDto extends PartialType(CreatePersonaDto) {
  @ApiPropertyOptional({
    description: 'An inactive persona stays on the trajectories that carry it, but is no longer offered',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The persona a trajectory carries; null removes it. */
export class TrajectoryPersonaDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  personaId!: string | null;
}

export class PersonaResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}

export class PersonaPage {
  @ApiProperty({ type: [PersonaResponse] }) items!: PersonaResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class TrajectoryPersonaResponse {
  @ApiProperty() trajectoryId!: string;
  @ApiProperty({ type: String, nullable: true }) personaId!: string | null;
  @ApiProperty() version!: number;
}

export function toPersonaResponse(p: PersonaEntity): PersonaResponse {
  return { id: p.id, name: p.name, description: p.description, active: p.active, version: p.version };
}
