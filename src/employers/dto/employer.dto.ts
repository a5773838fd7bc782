import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsKbo } from '../../common/validation/is-kbo.decorator';
import { IfPresent } from '../../common/validation/present';
import { EMPLOYER_KINDS, EmployerKind } from '../employer-kinds';
import { Trimmed } from '../../common/validation/trimmed';

const PHONE = /^\+?[0-9 ./()-]{6,20}$/;

export class CreateEmployerDto {
  @ApiProperty({ example: 'Bakkerij De Korenbloem' })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  name!: string;
  @ApiPropertyOptional({
    example: '0123.456.749',
    description: 'KBO enterprise number: 10 digits, first 0 or 1, mod-97 check; dots and spaces are dropped',
  })
  @IsOptional()
  @IsString()
  @IsKbo()
  kboNumber?: string;
  @ApiPropertyOptional({ example: 'Voeding' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 100)
  sector?: string;
  @ApiProperty({ enum: EMPLOYER_KINDS }) @IsIn(EMPLOYER_KINDS) kind!: EmployerKind;
  @ApiProperty({ description: 'An inclusive work floor (adapted support, e.g. a maatwerkbedrijf)' })
  @IsBoolean()
  inclusive!: boolean;
  @ApiPropertyOptional({ example: 'An Peeters' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 200)
  contactName?: string;
  @ApiPropertyOptional({ example: '09 123 45 67' })
  @IsOptional()
  @Matches(PHONE, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
  @ApiPropertyOptional({ example: 'hr@bakkerij.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;
}

/** Every field optional; null is refused (IfPresent), so a PATCH never blanks a field by accident. */
export class UpdateEmployerDto {
  @ApiPropertyOptional() @IfPresent() @Trimmed() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ example: '0123.456.749' }) @IfPresent() @IsString() @IsKbo() kboNumber?: string;
  @ApiPropertyOptional() @IfPresent() @Trimmed() @IsString() @Length(1, 100) sector?: string;
  @ApiPropertyOptional({ enum: EMPLOYER_KINDS }) @IfPresent() @IsIn(EMPLOYER_KINDS) kind?: EmployerKind;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() inclusive?: boolean;
  @ApiPropertyOptional() @IfPresent() @Trimmed() @IsString() @Length(1, 200) contactName?: string;
  @ApiPropertyOptional()
  @IfPresent()
  @Matches(PHONE, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
  @ApiPropertyOptional() @IfPresent() @IsEmail() @MaxLength(254) contactEmail?: string;
}

export class EmployerQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, or a KBO number (with or without dots)' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 100)
  q?: string;
  @ApiPropertyOptional({ enum: EMPLOYER_KINDS }) @IsOptional() @IsIn(EMPLOYER_KINDS) kind?: EmployerKind;
  @ApiPropertyOptional({ description: 'Only inclusive work floors (true) or only the others (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  inclusive?: boolean;
}
