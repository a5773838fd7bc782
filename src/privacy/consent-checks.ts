import { Injectable } from '@nestjs/common';
import { ConsentScope } from './consent.constants';
import { ConsentsRepository } from './consents.repository';

// Other modules import the scopes from here; the list itself lives in consent.constants.ts.
export { CONSENT_SCOPES, type ConsentScope } from './consent.constants';

/** Read-side questions other features ask about consent: "is there a live basis for X?" */
@Injectable()
export class ConsentChecks {
  constructor(private readonly consents: ConsentsRepository) {}

  /** Consents are case-scope rows; this asks through a definer-free query, so RLS still applies. */
  has(participantId: string, scope: ConsentScope): Promise<boolean> {
    return this.consents.hasLive(participantId, scope);
  }

  /** The subset of participants with a live consent of this scope, in one query (no N+1 in lists). */
  async withConsent(participantIds: readonly string[], scope: ConsentScope): Promise<Set<string>> {
    if (participantIds.length === 0) return new Set();
    return new Set(await this.consents.withLive(participantIds, scope));
  }

  // For referrals: the live consent scopes of a participant, asked as the partnership-wide reader for the inbound check.
  liveScopes(participantId: string): Promise<ConsentScope[]> {
    return this.consents.liveScopes(participantId);
  }
}
