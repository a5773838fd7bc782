import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { futureDate } from '../participants/participants.errors';
import { AuditService } from './audit.service';
import { ConsentEntity } from './consent.entity';
import { ConsentResponse, CreateConsentDto, toConsentResponse } from './dto/consent.dto';
import { consentAlreadyWithdrawn, consentNotFound } from './privacy.errors';

/** A minute of slack for clocks that run a little ahead of the server. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Consent and other legal bases. A partnership_sharing consent is what lets the other
 * organisations see a participant's summary, so recording and withdrawing it creates and ends
 * those grants in the same transaction.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.db.manager.getRepository(ConsentEntity);
  }

  async record(participantId: string, dto: CreateConsentDto): Promise<ConsentResponse> {
    await this.access.requireScope(participantId, 'full');
    const givenAt = new Date(dto.givenAt);
    if (givenAt.getTime() > this.db.now.getTime() + CLOCK_SLACK_MS) throw futureDate('givenAt');
    const actor = this.db.actor;
    const consent = await this.repo.save(
      this.repo.create({
        partnershipId: actor.partnershipId,
        participantId,
        scope: dto.scope,
        basis: dto.basis,
        reference: dto.reference ?? null,
        givenAt,
        evidence: dto.evidence,
        recordedBy: actor.staffId,
        withdrawnAt: null,
        withdrawnBy: null,
      }),
    );
    await this.audit.record({
      action: 'create',
      resourceType: 'consent',
      resourceId: consent.id,
      participantId,
      scope: 'full',
      reason: dto.basis,
      details: { consentScope: dto.scope },
    });
    if (dto.scope === 'partnership_sharing') await this.shareWithPartnership(consent);
    return toConsentResponse(consent);
  }

  async list(participantId: string): Promise<{ items: ConsentResponse[]; total: number }> {
    const scope = await this.access.requireScope(participantId, 'case');
    const rows = await this.repo.find({ where: { participantId }, order: { givenAt: 'ASC', id: 'ASC' } });
    await this.audit.record({ action: 'list', resourceType: 'consent', participantId, scope });
    return { items: rows.map(toConsentResponse), total: rows.length };
  }

  async withdraw(participantId: string, consentId: string): Promise<ConsentResponse> {
    await this.access.requireScope(participantId, 'full');
    const consent = await this.repo.findOneBy({ id: consentId, participantId });
    if (!consent) throw consentNotFound();
    if (consent.withdrawnAt) throw consentAlreadyWithdrawn();
    const now = this.db.now;
    const result = await this.db.manager
      .createQueryBuilder()
      .update(ConsentEntity)
      .set({ withdrawnAt: now, withdrawnBy: this.db.actor.staffId })
      .where('id = :id and withdrawn_at is null', { id: consentId })
      .execute();
    if (!result.affected) throw consentAlreadyWithdrawn();
    Object.assign(consent, { withdrawnAt: now, withdrawnBy: this.db.actor.staffId });
    // Sharing stops at once: every grant that rested on this consent ends in this transaction.
    const ended = await this.access.end({ reason: 'consent_partnership', sourceId: consentId });
    await this.audit.record({
      action: 'revoke',
      resourceType: 'consent',
      resourceId: consentId,
      participantId,
      scope: 'full',
      reason: 'consent_withdrawn',
      details: { consentScope: consent.scope, grantsEnded: ended },
    });
    return toConsentResponse(consent);
  }

  private async shareWithPartnership(consent: ConsentEntity): Promise<void> {
    const participant = await this.db.manager
      .getRepository(ParticipantEntity)
      .findOneOrFail({ where: { id: consent.participantId }, select: { ownerOrganisationId: true } });
    const owner = participant.ownerOrganisationId;
    const organisations = await this.db.manager
      .getRepository(OrganisationEntity)
      .find({ select: { id: true } });
    const others = organisations.filter((o) => o.id !== owner);
    for (const o of others) {
      await this.access.grant({
        participantId: consent.participantId,
        organisationId: o.id,
        scope: 'summary',
        reason: 'consent_partnership',
        sourceId: consent.id,
      });
    }
    await this.audit.record({
      action: 'grant',
      resourceType: 'participant',
      resourceId: consent.participantId,
      participantId: consent.participantId,
      scope: 'summary',
      reason: 'consent_partnership',
      details: { consentId: consent.id, organisationIds: others.map((o) => o.id) },
    });
  }
}
