import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';

export const CONSENT_SCOPES = [
  'partnership_sharing',
  'vdab_exchange',
  'ocmw_exchange',
  'case_meeting',
  'special_categories',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Read-side questions other features ask about consent: "is there a live basis for X?" */
@Injectable()
export class ConsentChecks {
  constructor(private readonly db: DatabaseContext) {}

  /** Consents are case-scope rows; this asks through a definer-free query, so RLS still applies. */
  async has(participantId: string, scope: ConsentScope): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from consents where participant_id = $1 and scope = $2 and withdrawn_at is null and given_at <= app_now() limit 1`,
      [participantId, scope],
    );
    return rows.length > 0;
  }

  /** The subset of participants with a live consent of this scope, in one query (no N+1 in lists). */
  async withConsent(participantIds: readonly string[], scope: ConsentScope): Promise<Set<string>> {
    if (participantIds.length === 0) return new Set();
    const rows: { participant_id: string }[] = await this.db.manager.query(
      `select distinct participant_id from consents
        where participant_id = any($1::uuid[]) and scope = $2 and withdrawn_at is null and given_at <= app_now()`,
      [participantIds, scope],
    );
    return new Set(rows.map((r) => r.participant_id));
  }

  // For referrals: the live consent scopes of a participant, asked as the partnership-wide reader for the inbound check.
  async liveScopes(participantId: string): Promise<ConsentScope[]> {
    const rows: { scope: ConsentScope }[] = await this.db.manager.query(
      `select distinct c.scope from consents c
        where c.participant_id = $1 and c.withdrawn_at is null and c.given_at <= app_now()`,
      [participantId],
    );
    return rows.map((r) => r.scope);
  }
}
