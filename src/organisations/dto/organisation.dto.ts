import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsKbo } from '../../common/validation/is-kbo.decorator';
import { normaliseKbo } from '../../common/validation/kbo';
import { ORGANISATION_KINDS, OrganisationKind } from '../organisation.constants';
import { OrganisationEntity } from '../organisation.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'CAW Oost-Vlaanderen' })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    example: '0508774601',
    type: String,
    nullable: true,
    description: '10 digits, mod-97 check. Amal has none.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(({ value }) => (typeof value === 'string' ? normaliseKbo(value) : value))
  @IsKbo()
  kboNumber?: string | null;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({
    default: false,
    description: 'Bound by professional secrecy (CAW): contacts are confidential by default.',
  })
  @IsOptional()
  @IsBoolean()
  professionalSecrecy?: boolean;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class OrganisationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) kboNumber!: string | null;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty() professionalSecrecy!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}

export function toOrganisationResponse(o: OrganisationEntity): OrganisationResponse {
  return {
    id: o.id,
    name: o.name,
    kboNumber: o.kboNumber,
    kind: o.kind,
    professionalSecrecy: o.professionalSecrecy,
    active: o.active,
    version: o.version,
  };
}
