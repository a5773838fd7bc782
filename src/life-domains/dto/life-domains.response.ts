import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { domainOrder, isSpecialCategoryDomain, LIFE_DOMAINS } from '../life-domain';
import { LifeDomainEntity } from '../life-domain.entity';

export interface LifeDomainsView {
  trajectoryId: string;
  participantId: string;
  version: number;
  /** Full scope and a live special_categories basis: only then are health notes shown. */
  specialCategories: boolean;
}

export class LifeDomainResponse {
  @ApiProperty({ enum: LIFE_DOMAINS }) domain!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 5 }) severity!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'uuid' }) updatedBy!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Absent (not null) when a special-category note is not for the caller',
  })
  note?: string | null;
}

export class LifeDomainsResponse {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty(COUNT) version!: number;
  @ApiProperty({ type: [LifeDomainResponse] }) domains!: LifeDomainResponse[];
}

/** A hidden note is left out altogether, so "no note" (null) and "not for you" (absent) differ. */
export function toLifeDomainsResponse(rows: LifeDomainEntity[], view: LifeDomainsView): LifeDomainsResponse {
  const domains = [...rows]
    .sort((a, b) => domainOrder(a.domain) - domainOrder(b.domain))
    .map((r) => {
      const out: LifeDomainResponse = {
        domain: r.domain,
        severity: r.severity,
        updatedAt: r.updatedAt.toISOString(),
        updatedBy: r.updatedBy,
      };
      if (view.specialCategories || !isSpecialCategoryDomain(r.domain)) out.note = r.note;
      return out;
    });
  return {
    trajectoryId: view.trajectoryId,
    participantId: view.participantId,
    version: view.version,
    domains,
  };
}
