import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { GROUP_SESSION_TAGS, GroupSessionTag } from '../group-session.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateGroupSessionDto {
  @ApiProperty({ example: 'Solliciteren in de zorg' })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  theme!: string;
  @ApiProperty({ enum: GROUP_SESSION_TAGS }) @IsIn(GROUP_SESSION_TAGS) tag!: GroupSessionTag;
  @ApiProperty({ description: 'ISO 8601' }) @IsISO8601({ strict: true }) at!: string;
  @ApiProperty({ minimum: 1, maximum: 600 }) @IsInt() @Min(1) @Max(600) durationMinutes!: number;
  @ApiProperty() @Trimmed() @IsString() @Length(1, 200) location!: string;
  @ApiPropertyOptional({ description: 'An expertise member or a coach; defaults to the caller' })
  @IsOptional()
  @IsUUID()
  facilitatorId?: string;
}

export class GroupSessionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GROUP_SESSION_TAGS })
  @IsOptional()
  @IsIn(GROUP_SESSION_TAGS)
  tag?: GroupSessionTag;
  @ApiPropertyOptional() @IsOptional() @IsUUID() facilitatorId?: string;
  @ApiPropertyOptional({ description: 'Sessions from this moment on (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
}

export class AttendanceDto {
  @ApiProperty() @IsUUID() participantId!: string;
  @ApiProperty({ description: 'false registers without (yet) counting attendance' })
  @IsBoolean()
  attended!: boolean;
}
