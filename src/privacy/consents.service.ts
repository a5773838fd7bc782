import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { futureDate } from '../common/validation/past-or-now';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from './audit.service';
import { ConsentEntity } from './consent.entity';
import { ConsentsRepository } from './consents.repository';
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
    private readonly consents: ConsentsRepository,
    private readonly participants: ParticipantsService,
    private readonly organisations: OrganisationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async record(participantId: string, dto: CreateConsentDto): Promise<ConsentResponse> {
    await this.access.requireScope(participantId, 'full');
    const givenAt = new Date(dto.givenAt);
    if (givenAt.getTime() > this.db.now.getTime() + CLOCK_SLACK_MS) throw futureDate('givenAt');
    const actor = this.db.actor;
    const consent = await this.consents.insert({
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
    });
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
    const rows = await this.consents.ofParticipant(participantId);
    await this.audit.record({ action: 'list', resourceType: 'consent', participantId, scope });
    return { items: rows.map(toConsentResponse), total: rows.length };
  }

  async withdraw(participantId: string, consentId: string): Promise<ConsentResponse> {
    await this.access.requireScope(participantId, 'full');
    const consent = await this.consents.findOfParticipant(consentId, participantId);
    if (!consent) throw consentNotFound();
    if (consent.withdrawnAt) throw consentAlreadyWithdrawn();
    const now = this.db.now;
    if (!(await this.consents.withdraw(consentId, now, this.db.actor.staffId)))
      throw consentAlreadyWithdrawn();
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
    const owner = await this.participants.ownerOrganisationOf(consent.participantId);
    const organisations = await this.organisations.ids();
    const others = organisations.filter((id) => id !== owner).map((id) => ({ id }));
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
