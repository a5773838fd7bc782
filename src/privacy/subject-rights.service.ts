import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { participantNotFound } from '../access/access.errors';
import { hasRole } from '../access/actor';
import { PageQuery } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import { InszProtector } from '../participants/insz-protector';
import { ParticipantsService } from '../participants/participants.service';
import { AccessLogService } from './access-log.service';
import { AuditService } from './audit.service';
import { ConsentChecks } from './consent-checks';
import { PseudonymiseDto } from './dto/pseudonymise.dto';
import { participantAlreadyPseudonymised, participantHasOpenTrajectory } from './privacy.errors';
import { SubjectRightsRepository } from './subject-rights.repository';

/** How the caller reaches the file: as its owning organisation, or as the DPO, who holds no grant. */
type Route = 'owner' | 'dpo';

/** GDPR rights of the participant: access log (art. 15), export (art. 15/20) and pseudonymisation (art. 17). */
@Injectable()
export class SubjectRightsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly subjectRights: SubjectRightsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
    private readonly consents: ConsentChecks,
    private readonly insz: InszProtector,
    private readonly participants: ParticipantsService,
  ) {}

  async accessLogFor(participantId: string, page: PageQuery) {
    const route = await this.route(participantId);
    const log = await this.accessLog.page(participantId, page);
    await this.audit.record({
      action: 'read',
      resourceType: 'participant.access_log',
      resourceId: participantId,
      participantId,
      scope: route === 'owner' ? 'full' : null,
      reason: 'data_subject_request',
    });
    return { ...log, page: page.page, limit: page.limit };
  }

  async export(participantId: string) {
    const route = await this.route(participantId);
    // The DPO answers the request itself, so art. 9 data is included; the owner needs the basis.
    const specialCategories =
      route === 'dpo' || (await this.consents.has(participantId, 'special_categories'));
    const file = await this.subjectRights.caseFile(participantId, {
      asTenantReader: route === 'dpo',
      specialCategories,
      insz: this.insz,
    });
    if (!file) throw participantNotFound();
    await this.audit.record({
      action: 'export',
      resourceType: 'participant',
      resourceId: participantId,
      participantId,
      scope: route === 'owner' ? 'full' : null,
      reason: 'data_subject_request',
    });
    const accessLog = (await this.accessLog.page(participantId)).items;
    return { exportedAt: this.db.now.toISOString(), participantId, ...file, accessLog };
  }

  async pseudonymise(participantId: string, dto: PseudonymiseDto) {
    const row = await this.subjectRights.pseudonymise(participantId);
    if (row.result === 'not_found') throw participantNotFound();
    if (row.result === 'open_trajectory') throw participantHasOpenTrajectory();
    if (row.result === 'already') throw participantAlreadyPseudonymised();
    await this.audit.record({
      action: 'pseudonymise',
      resourceType: 'participant',
      resourceId: participantId,
      participantId,
      reason: 'data_subject_request',
      details: dto.note ? { note: dto.note } : null,
    });
    return { participantId, pseudonym: row.pseudonym, pseudonymisedAt: this.db.now.toISOString() };
  }

  /**
   * Full scope means the owning organisation. The DPO holds no grant, so for them the participant
   * must exist in the tenant, checked as the tenant reader; everyone else gets the usual 404/403.
   */
  private async route(participantId: string): Promise<Route> {
    const scope = (await this.access.scopesFor([participantId])).get(participantId);
    if (scope === 'full') return 'owner';
    if (hasRole(this.db.actor, 'dpo')) {
      const exists = await this.db.asTenantReader(() => this.participants.isVisible(participantId));
      if (!exists) throw participantNotFound();
      return 'dpo';
    }
    await this.access.requireScope(participantId, 'full');
    return 'owner';
  }
}
