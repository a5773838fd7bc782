import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Length, ValidateIf } from 'class-validator';
import { CONSENT_SCOPES, ConsentScope } from '../consent-checks';
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

export function toConsentResponse(c: ConsentEntity) {
  return {
    id: c.id,
    participantId: c.participantId,
    scope: c.scope,
    basis: c.basis,
    reference: c.reference,
    givenAt: iso(c.givenAt),
    evidence: c.evidence,
    recordedBy: c.recordedBy,
    active: c.withdrawnAt === null,
    withdrawnAt: iso(c.withdrawnAt),
    withdrawnBy: c.withdrawnBy,
    createdAt: iso(c.createdAt),
  };
}
export type ConsentResponse = ReturnType<typeof toConsentResponse>;
