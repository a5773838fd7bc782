import { domainOrder, isSpecialCategoryDomain } from '../life-domain';
import { LifeDomainEntity } from '../life-domain.entity';

export interface LifeDomainsView {
  trajectoryId: string;
  participantId: string;
  version: number;
  /** Full scope and a live special_categories basis: only then are health notes shown. */
  specialCategories: boolean;
}

/** A hidden note is left out altogether, so "no note" (null) and "not for you" (absent) differ. */
export function toLifeDomainsResponse(rows: LifeDomainEntity[], view: LifeDomainsView) {
  const domains = [...rows]
    .sort((a, b) => domainOrder(a.domain) - domainOrder(b.domain))
    .map((r) => {
      const out: Record<string, unknown> = {
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
