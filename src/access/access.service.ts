import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { AccessGrantsRepository } from './access-grants.repository';
import { participantNotFound, scopeTooNarrow } from './access.errors';
import { GrantReason, includesScope, Scope, widest } from './scope';

export interface NewGrant {
  participantId: string;
  organisationId?: string;
  staffId?: string;
  scope: Scope;
  reason: GrantReason;
  sourceId?: string | null;
  validFrom?: Date;
  validUntil?: Date | null;
}

export interface GrantFilter {
  reason: GrantReason;
  participantId?: string;
  sourceId?: string;
  organisationId?: string;
  staffId?: string;
}

/**
 * The service wall. It reads the same access_grants rows the RLS policies read, so both walls
 * agree; RLS stays as the backstop when a service forgets to ask.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly grants: AccessGrantsRepository,
  ) {}

  /** The widest live scope the caller holds on each of the participants; absent ids are invisible. */
  async scopesFor(participantIds: readonly string[]): Promise<Map<string, Scope>> {
    const result = new Map<string, Scope>();
    if (participantIds.length === 0) return result;
    const rows = await this.grants.liveScopes(participantIds);
    for (const r of rows) result.set(r.participant_id, widest(result.get(r.participant_id), r.scope));
    return result;
  }

  /** Returns the caller's scope on the participant, or 404 when there is none, or 403 when it is too narrow. */
  async requireScope(participantId: string, needed: Scope): Promise<Scope> {
    const scope = (await this.scopesFor([participantId])).get(participantId);
    if (!scope) throw participantNotFound();
    if (!includesScope(scope, needed)) throw scopeTooNarrow(needed);
    return scope;
  }

  /**
   * Whether the caller holds a live grant on the participant whose reason still holds: the follow-up
   * access that lingers after one of its own referrals closed does not count.
   */
  hasLiveBasis(participantId: string): Promise<boolean> {
    return this.grants.hasLiveGrantBeyondFollowUp(participantId);
  }

  /**
   * Writes a grant through app_grant(), the only way jobteam_app can: the function checks the reason
   * (owner grant, consent, co-coach row, meeting dates ...) as the database owner and refuses (42501)
   * a grant whose reason does not hold. The services check the same first, with typed errors.
   */
  grant(g: NewGrant): Promise<string> {
    return this.grants.grant({
      participantId: g.participantId,
      organisationId: g.organisationId ?? null,
      staffId: g.staffId ?? null,
      scope: g.scope,
      reason: g.reason,
      sourceId: g.sourceId ?? null,
      validFrom: g.validFrom ?? this.db.now,
      validUntil: g.validUntil ?? null,
    });
  }

  /**
   * Ends live grants that match; returns how many ended. Ending is a write, never a delete, so history
   * stays. Through app_end_grants(): the owning organisation may end any grant on its participant,
   * anyone else only their own.
   */
  end(filter: GrantFilter): Promise<number> {
    return this.grants.end({
      reason: filter.reason,
      participantId: filter.participantId ?? null,
      sourceId: filter.sourceId ?? null,
      organisationId: filter.organisationId ?? null,
      staffId: filter.staffId ?? null,
    });
  }

  /** A closed referral's grants run on for the follow-up until `until` (at most 30 days), then lapse. */
  closeReferralGrants(referralId: string, until: Date): Promise<number> {
    return this.grants.closeReferralGrants(referralId, until);
  }
}
