import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Length, ValidateIf } from 'class-validator';
import { CONSENT_SCOPES, ConsentScope } from '../consent.constants';
import { CONSENT_BASES, ConsentBasis, ConsentEntity } from '../consent.entity';
import { Trimmed } from '../../common/validation/trimmed';

export class CreateConsentDto {
  @ApiProperty({ enum: CONSENT_SCOPES }) @IsIn(CONSENT_SCOPES) scope!: ConsentScope;
  @ApiProperty({ enum: CONSENT_BASES, description: 'consent, or a legal basis with a reference' })
  @IsIn(CONSENT_BASES)
  basis!: ConsentBasis;
  @ApiPropertyOptional({
    description: 'Required unless basis is consent: the law, decree or decision relied on',
  })
  @ValidateIf((o: CreateConsentDto) => o.basis !== 'consent' || o.reference !== undefined)
  @Trimmed()
  @IsString()
  @Length(3, 300)
  reference?: string;
  @ApiProperty({ description: 'When it was given (ISO 8601); never in the future' })
  @IsISO8601({ strict: true })
  givenAt!: string;
  @ApiProperty({ description: 'A reference to the signed form or the decision, e.g. a document number' })
  @Trimmed()
  @IsString()
  @Length(3, 500)
  evidence!: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A consent or legal basis as recorded, and whether it still holds. */
export class ConsentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: CONSENT_SCOPES }) scope!: ConsentScope;
  @ApiProperty({ enum: CONSENT_BASES }) basis!: ConsentBasis;
  @ApiProperty({ type: String, nullable: true, description: 'The legal basis reference' })
  reference!: string | null;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty() evidence!: string;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ description: 'Not withdrawn' }) active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) withdrawnBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ConsentListResponse {
  @ApiProperty({ type: [ConsentResponse] }) items!: ConsentResponse[];
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 }) total!: number;
}

export function toConsentResponse(c: ConsentEntity): ConsentResponse {
  return {
    id: c.id,
    participantId: c.participantId,
    scope: c.scope,
    basis: c.basis,
    reference: c.reference,
    givenAt: c.givenAt.toISOString(),
    evidence: c.evidence,
    recordedBy: c.recordedBy,
    active: c.withdrawnAt === null,
    withdrawnAt: iso(c.withdrawnAt),
    withdrawnBy: c.withdrawnBy,
    createdAt: c.createdAt.toISOString(),
  };
}
