import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { TeamEntity } from '../team.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateTeamDto {
  @ApiProperty({ example: 'Team Noord' }) @Trimmed() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Wijkcentrum Rabot' })
  @Trimmed()
  @IsString()
  @Length(1, 300)
  location!: string;
  @ApiProperty({ type: [String], example: ['Rabot-Blaisantvest', 'Bloemekeswijk'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  wijken!: string[];
}

export class UpdateTeamDto extends PartialType(CreateTeamDto) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class TeamResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ type: [String] }) wijken!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}

export function toTeamResponse(t: TeamEntity): TeamResponse {
  return {
    id: t.id,
    name: t.name,
    location: t.location,
    wijken: t.wijken,
    active: t.active,
    version: t.version,
  };
}
