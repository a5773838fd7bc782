import { Injectable } from '@nestjs/common';
import { Scope } from '../access/scope';
import { staleVersion } from '../common/http/if-match.decorator';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { ConsentChecks } from '../privacy/consent-checks';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { trajectoryClosed } from '../trajectories/trajectories.errors';
import { isOpen } from '../trajectories/trajectory-state';
import { PutLifeDomainsDto } from './dto/life-domains.dto';
import { toLifeDomainsResponse } from './dto/life-domains.response';
import { isSpecialCategoryDomain, LifeDomain } from './life-domain';
import { LifeDomainsRepository } from './life-domains.repository';
import { specialCategoryBasisRequired } from '../participants/participants.errors';
import { duplicateDomain, specialCategoryNoteNotAllowed } from './life-domains.errors';

interface Change {
  domain: LifeDomain;
  from: number | null;
  to: number | null;
  noteChanged: boolean;
}

@Injectable()
export class LifeDomainsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly lifeDomains: LifeDomainsRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly audit: AuditService,
    private readonly consents: ConsentChecks,
  ) {}

  async get(trajectoryId: string) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const specialCategories = await this.specialCategories(trajectory.participantId, scope);
    const [rows, version] = await Promise.all([this.rows(trajectoryId), this.version(trajectoryId)]);
    await this.audit.record({
      action: 'read',
      resourceType: 'life_domains',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { specialCategoryNotesShown: specialCategories },
    });
    return toLifeDomainsResponse(rows, {
      trajectoryId,
      participantId: trajectory.participantId,
      version,
      specialCategories,
    });
  }

  /** Replaces the set. Only the severity and whether a note changed reach the audit log, never the note. */
  async put(trajectoryId: string, expectedVersion: number, dto: PutLifeDomainsDto) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    if (!isOpen(trajectory.status)) throw trajectoryClosed();
    const seen = new Set<LifeDomain>();
    for (const d of dto.domains) {
      if (seen.has(d.domain)) throw duplicateDomain(d.domain);
      seen.add(d.domain);
    }
    const specialCategories = await this.specialCategories(trajectory.participantId, scope);
    if (!specialCategories) {
      const given = dto.domains.find((d) => isSpecialCategoryDomain(d.domain) && d.note !== undefined);
      // Too narrow a scope is a 403; the owner without a live art. 9 basis gets the 409 that says what to record.
      if (given && scope !== 'full') throw specialCategoryNoteNotAllowed(given.domain);
      if (given) throw specialCategoryBasisRequired([`note on ${given.domain}`]);
    }
    const version = await this.claimVersion(trajectoryId, expectedVersion);

    const before = new Map((await this.rows(trajectoryId)).map((r) => [r.domain, r]));
    const next = dto.domains.map((d) => {
      const old = before.get(d.domain);
      // A caller who cannot read a health note cannot erase it by leaving it out.
      const keepHidden = !specialCategories && isSpecialCategoryDomain(d.domain);
      const note = keepHidden ? (old?.note ?? null) : (d.note ?? null) || null;
      return { domain: d.domain, severity: d.severity, note };
    });
    const changes: Change[] = [];
    for (const n of next) {
      const old = before.get(n.domain);
      if (!old || old.severity !== n.severity || old.note !== n.note)
        changes.push({
          domain: n.domain,
          from: old?.severity ?? null,
          to: n.severity,
          noteChanged: (old?.note ?? null) !== n.note,
        });
    }
    for (const old of before.values())
      if (!seen.has(old.domain))
        changes.push({ domain: old.domain, from: old.severity, to: null, noteChanged: old.note !== null });

    await this.lifeDomains.replace(
      {
        partnershipId: trajectory.partnershipId,
        trajectoryId,
        participantId: trajectory.participantId,
        updatedBy: this.db.actor.staffId,
        updatedAt: this.db.now,
      },
      next,
    );
    await this.audit.record({
      action: 'update',
      resourceType: 'life_domains',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { version, changes },
    });
    return toLifeDomainsResponse(await this.rows(trajectoryId), {
      trajectoryId,
      participantId: trajectory.participantId,
      version,
      specialCategories,
    });
  }

  private async specialCategories(participantId: string, scope: Scope): Promise<boolean> {
    return scope === 'full' && (await this.consents.has(participantId, 'special_categories'));
  }

  private rows(trajectoryId: string) {
    return this.lifeDomains.findByTrajectory(trajectoryId);
  }

  private version(trajectoryId: string): Promise<number> {
    return this.trajectories.lifeDomainsVersion(trajectoryId);
  }

  /** Bumps the set's version if it is still the one the client read; a second writer waits, then fails. */
  private async claimVersion(trajectoryId: string, expected: number): Promise<number> {
    const version = await this.trajectories.claimLifeDomainsVersion(trajectoryId, expected);
    if (version === null) throw staleVersion();
    return version;
  }
}
